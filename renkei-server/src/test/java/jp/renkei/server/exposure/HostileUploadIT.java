package jp.renkei.server.exposure;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.Map;
import jp.renkei.server.directory.Organisation;
import jp.renkei.server.directory.Role;
import jp.renkei.server.directory.UserAccount;
import jp.renkei.server.support.Fixtures;
import jp.renkei.server.support.Http;
import jp.renkei.server.support.ServerTest;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The worst files found by attack12, uploaded through the hub as a user would: MIME nested ten
 * thousand deep and a PDF page a billion points long to the mail analysis, an xlsx inventory of a
 * million rows, a CSV inventory of one 20 MB line. Each is answered with what was not done (a
 * problem in the report, a refusal on the page), the hub stays up and answers the next request, and
 * no stack trace reaches the log.
 */
@ExtendWith(OutputCaptureExtension.class)
class HostileUploadIT extends ServerTest {

  @Autowired JdbcClient jdbc;

  static String deepMime(int depth) {
    StringBuilder b =
        new StringBuilder("From: a@example.com\r\nTo: b@example.jp\r\nSubject: deep\r\n");
    for (int i = 0; i < depth; i++) {
      b.append("MIME-Version: 1.0\r\nContent-Type: multipart/mixed; boundary=\"b")
          .append(i)
          .append("\"\r\n\r\n--b")
          .append(i)
          .append("\r\n");
    }
    b.append("Content-Type: text/plain\r\n\r\nhello\r\n");
    for (int i = depth - 1; i >= 0; i--) {
      b.append("--b").append(i).append("--\r\n");
    }
    return b.toString();
  }

  /**
   * A message with a PDF of one page of that size painting 60 small squares (an empty page, or one
   * painting a few boxes, is not drawn by the QR search at all; a page that paints enough marks to
   * hold a code must be, and faces the impossible raster).
   */
  static String withPdf(PDRectangle box) throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (PDDocument doc = new PDDocument()) {
      PDPage page = new PDPage(box);
      doc.addPage(page);
      try (PDPageContentStream c = new PDPageContentStream(doc, page)) {
        for (int i = 0; i < 60; i++) {
          c.addRect(i % 10, i / 10f, 0.5f, 0.5f);
          c.fill();
        }
      }
      doc.save(out);
    }
    return "From: a@example.com\r\nTo: b@example.jp\r\nSubject: invoice\r\nMIME-Version: 1.0\r\n"
        + "Content-Type: multipart/mixed; boundary=\"B\"\r\n\r\n--B\r\n"
        + "Content-Type: text/plain\r\n\r\nsee the PDF\r\n--B\r\n"
        + "Content-Type: application/pdf\r\nContent-Transfer-Encoding: base64\r\n"
        + "Content-Disposition: attachment; filename=\"invoice.pdf\"\r\n\r\n"
        + Base64.getMimeEncoder().encodeToString(out.toByteArray())
        + "\r\n--B--\r\n";
  }

  @Test
  void theMailAnalysisAnswersTheWorstMessagesWithAReport(CapturedOutput log) throws Exception {
    UserAccount u = fixtures.user(fixtures.operator("finance"), Role.MEMBER);
    Http api = new Http(port).bearer(fixtures.token(u));

    HttpResponse<String> deep =
        api.postBytes(
            "/api/v1/mail/analyze",
            "message/rfc822",
            deepMime(10_000).getBytes(StandardCharsets.US_ASCII));
    assertThat(deep.statusCode()).as(deep.body()).isEqualTo(200);
    // read flat past the nesting limit while parsed (MailMime): the limit said, the headers read
    assertThat(deep.body())
        .contains("BEYOND_LIMITS", "MIME パートの入れ子が 8 段を超えています", "\"subject\":\"deep\"");

    HttpResponse<String> wide =
        api.postBytes(
            "/api/v1/mail/analyze",
            "message/rfc822",
            withPdf(new PDRectangle(1e9f, 0.001f)).getBytes(StandardCharsets.US_ASCII));
    assertThat(wide.statusCode()).as(wide.body()).isEqualTo(200);
    assertThat(wide.body()).contains("invoice.pdf", "大きすぎて描画していません");

    HttpResponse<String> next =
        api.postBytes(
            "/api/v1/mail/analyze", "message/rfc822", deepMime(2).getBytes(StandardCharsets.UTF_8));
    assertThat(next.statusCode()).isEqualTo(200);
    assertThat(log.getAll()).doesNotContain("\tat ").doesNotContain("OutOfMemoryError");
  }

  @Test
  void anInventoryOfAMillionRowsOrOneHugeLineIsRefusedAndNothingIsImported(CapturedOutput log)
      throws Exception {
    Organisation org = fixtures.operator("gas");
    Http analyst = new Http(port);
    analyst.signIn(fixtures.user(org, Role.ANALYST).login(), Fixtures.PASSWORD);

    byte[] million =
        InventorySheetSizeTest.workbook("", 1_048_576, r -> "<row r=\"" + r + "\"/>", 0);
    HttpResponse<String> refused =
        analyst.uploadWith(
            "/exposure",
            "/exposure/inventory",
            "file",
            "million.xlsx",
            million,
            Map.of("format", "xlsx"));
    assertThat(refused.statusCode()).isLessThan(500);
    assertThat(refused.body())
        .contains("id=\"import-problems\"", "200000", "読まずに拒否しました")
        .doesNotContain("Exception");

    byte[] line = new byte[20 << 20];
    Arrays.fill(line, (byte) 'a');
    byte[] header = "kind,value\n".getBytes(StandardCharsets.US_ASCII);
    System.arraycopy(header, 0, line, 0, header.length);
    HttpResponse<String> huge =
        analyst.uploadWith(
            "/exposure", "/exposure/inventory", "file", "huge.csv", line, Map.of("format", "csv"));
    assertThat(huge.statusCode()).as(huge.body()).isBetween(200, 499);
    assertThat(huge.body()).doesNotContain("Exception");

    assertThat(
            jdbc.sql("select count(*) from exposure_asset where organisation_id = ?")
                .param(org.id())
                .query(Long.class)
                .single())
        .isZero();
    assertThat(analyst.get("/exposure").statusCode()).isEqualTo(200);
    assertThat(log.getAll()).doesNotContain("\tat ").doesNotContain("OutOfMemoryError");
  }
}
