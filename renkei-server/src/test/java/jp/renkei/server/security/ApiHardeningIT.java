package jp.renkei.server.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import jp.renkei.server.directory.Role;
import jp.renkei.server.directory.UserAccount;
import jp.renkei.server.support.Fixtures;
import jp.renkei.server.support.Http;
import jp.renkei.server.support.RawHttp;
import jp.renkei.server.support.ServerTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The API and the sign-in under an attacker's hand: a session id fixed before sign-in, bodies in a
 * type the endpoint does not take, JSON nested past any real document, thousands of parameters.
 * Each is a clear 4xx (problem+json on the API), never a 500, a hang or a stack trace, and nothing
 * is stored.
 */
@ExtendWith(OutputCaptureExtension.class)
class ApiHardeningIT extends ServerTest {

  @Autowired JdbcClient jdbc;

  private static void noStackTrace(CapturedOutput log) {
    assertThat(log.getAll()).doesNotContain("\tat ");
  }

  private long advisories() {
    return jdbc.sql("select count(*) from advisory").query(Long.class).single();
  }

  @Test
  void signingInGivesANewSessionAndTheFixedOneStaysSignedOut() throws Exception {
    UserAccount u = fixtures.user("op-sakura-bank", Role.ANALYST);
    Http browser = http();
    browser.get("/login");
    String fixed = sessionOf(browser.cookieHeader());
    assertThat(fixed).as("the sign-in page's session").isNotNull();
    HttpResponse<String> in = browser.signIn(u.login(), Fixtures.PASSWORD);
    assertThat(in.statusCode()).isEqualTo(302);
    assertThat(in.headers().firstValue("Location").orElseThrow()).doesNotContain("error");
    String after = sessionOf(browser.cookieHeader());
    assertThat(after).isNotNull().isNotEqualTo(fixed);
    // whoever planted the first id (a shared machine, a cookie set on a sibling domain) is not in
    HttpClient bare = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    HttpResponse<String> planted =
        bare.send(
            HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/reports"))
                .header("Cookie", "RENKEI_SESSION=" + fixed)
                .timeout(Duration.ofSeconds(30))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(planted.statusCode()).isEqualTo(302);
    assertThat(planted.headers().firstValue("Location").orElseThrow()).endsWith("/login");
    assertThat(browser.get("/reports").statusCode()).isEqualTo(200);
  }

  private static String sessionOf(String cookies) {
    for (String c : cookies.split("; ")) {
      if (c.startsWith("RENKEI_SESSION=")) {
        return c.substring("RENKEI_SESSION=".length());
      }
    }
    return null;
  }

  @Test
  void aJsonEndpointRefusesFormsXmlAndTextWith415AndStoresNothing(CapturedOutput log) {
    Http nisc = http().bearer(fixtures.token(fixtures.user("nisc", Role.ANALYST)));
    long before = advisories();
    String title = Fixtures.unique("型違い");
    Map<String, String> bodies =
        Map.of(
            "application/x-www-form-urlencoded",
            "title=" + title + "&body=x&tlp=green&all=true",
            "application/xml",
            "<advisory><title>" + title + "</title><body>x</body><tlp>green</tlp></advisory>",
            "text/plain",
            "{\"title\":\"" + title + "\",\"body\":\"x\",\"tlp\":\"green\",\"all\":true}",
            "multipart/form-data; boundary=b",
            "--b\r\nContent-Disposition: form-data; name=\"title\"\r\n\r\n"
                + title
                + "\r\n--b--\r\n");
    for (var e : bodies.entrySet()) {
      HttpResponse<String> r =
          nisc.postBytes(
              "/api/v1/advisories", e.getKey(), e.getValue().getBytes(StandardCharsets.UTF_8));
      assertThat(r.statusCode()).as(e.getKey() + ": " + r.body()).isEqualTo(415);
      assertThat(r.headers().firstValue("Content-Type").orElseThrow())
          .as(e.getKey())
          .startsWith("application/problem+json");
      assertThat(r.body()).doesNotContain("Exception");
    }
    assertThat(advisories()).isEqualTo(before);
    noStackTrace(log);
  }

  @Test
  void jsonNestedPastAnyRealDocumentIs400Quickly(CapturedOutput log) {
    Http nisc = http().bearer(fixtures.token(fixtures.user("nisc", Role.ANALYST)));
    long before = advisories();
    int depth = 200_000;
    StringBuilder deep =
        new StringBuilder(
            "{\"title\":\"x\",\"body\":\"x\",\"tlp\":\"green\",\"all\":true,\"sectors\":");
    deep.append("[".repeat(depth)).append("]".repeat(depth)).append('}');
    HttpResponse<String> r = nisc.postJson("/api/v1/advisories", deep.toString());
    assertThat(r.statusCode()).as(r.body()).isEqualTo(400);
    assertThat(r.headers().firstValue("Content-Type").orElseThrow())
        .startsWith("application/problem+json");
    assertThat(r.body()).doesNotContain("Exception", "jackson");
    // an object of 200,000 members
    StringBuilder wide = new StringBuilder("{\"title\":\"x\",\"body\":\"x\",\"tlp\":\"green\"");
    for (int i = 0; i < 200_000; i++) {
      wide.append(",\"k").append(i).append("\":0");
    }
    wide.append('}');
    HttpResponse<String> w = nisc.postJson("/api/v1/advisories", wide.toString());
    assertThat(w.statusCode()).as(w.body()).isBetween(400, 499);
    assertThat(advisories()).isEqualTo(before);
    noStackTrace(log);
  }

  /**
   * A request line past the header limit (16 KB) is Tomcat's 400 before the hub sees it; Tomcat
   * logged the first one of a day at INFO with its whole stack trace, so anyone could put a stack
   * trace in the hub's log.
   */
  @Test
  void aHugeQueryIs400AndLeavesNoStackTraceInTheLog(CapturedOutput log) {
    String token = fixtures.token(fixtures.user("op-sakura-bank", Role.ANALYST));
    for (String path : List.of("/api/v1/reports", "/reports", "/taxii2/api/collections/")) {
      RawHttp.Answer huge =
          RawHttp.send(
              port,
              "GET "
                  + path
                  + "?q="
                  + "a".repeat(40_000)
                  + " HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer "
                  + token,
              new byte[0]);
      assertThat(huge.status()).as(path).isEqualTo(400);
    }
    noStackTrace(log);
  }

  /** Thousands of form fields or query parameters, within the size limits: a 4xx, never a 500. */
  @Test
  void thousandsOfParametersAre400Not500(CapturedOutput log) {
    Http page = http();
    page.signIn(fixtures.user("op-sakura-bank", Role.ANALYST).login(), Fixtures.PASSWORD);
    Map<String, String> many = new java.util.LinkedHashMap<>();
    many.put("_csrf", page.csrf("/reports/new"));
    for (int i = 0; i < 20_000; i++) {
      many.put("p" + i, Integer.toString(i));
    }
    long before = jdbc.sql("select count(*) from report").query(Long.class).single();
    HttpResponse<String> r = page.postFormRaw("/reports", many);
    // Tomcat keeps the first 1,000 fields: the CSRF token, sent first, is one of them, the form's
    // fields are not
    assertThat(r.statusCode()).as(r.body()).isBetween(400, 499);
    assertThat(r.body()).doesNotContain("Exception");
    assertThat(jdbc.sql("select count(*) from report").query(Long.class).single())
        .isEqualTo(before);
    // past Tomcat's 1,000 parameters in the query: a 500 with a stack trace before, now a 400
    // that says the limit, on a page and on the API
    HttpResponse<String> q = page.get("/reports?" + "a=1&".repeat(1_500));
    assertThat(q.statusCode()).as(q.body()).isEqualTo(400);
    assertThat(q.body()).contains("1000").doesNotContain("問い合わせ番号");
    Http api = http().bearer(fixtures.token(fixtures.user("op-sakura-bank", Role.ANALYST)));
    HttpResponse<String> a = api.get("/api/v1/reports?" + "a=1&".repeat(1_500));
    assertThat(a.statusCode()).as(a.body()).isEqualTo(400);
    assertThat(a.headers().firstValue("Content-Type").orElseThrow())
        .startsWith("application/problem+json");
    assertThat(a.body()).contains("\"code\":\"error.tooManyParameters\"", "1000");
    noStackTrace(log);
  }

  /** The error page asked for by name is the unknown page's 404, not a 500 "internal error". */
  @Test
  void theErrorPageAskedForDirectlyIsNotFound() {
    Http page = http();
    page.signIn(fixtures.user("op-sakura-bank", Role.ANALYST).login(), Fixtures.PASSWORD);
    HttpResponse<String> r = page.get("/error");
    assertThat(r.statusCode()).as(r.body()).isEqualTo(404);
    assertThat(main(r.body())).isEqualTo(main(page.get("/no-such-page").body())).contains("404");
  }

  private static String main(String page) {
    return page.substring(page.indexOf("<main"), page.indexOf("</main>"));
  }

  /**
   * An advisory title written to add mail headers (CR LF, Bcc, a header of its own) goes out as one
   * subject: the duty address gets one message, nobody else any, and no header comes from the
   * title.
   */
  @Test
  void aTitleCannotAddHeadersToTheAdvisorysEmail() throws Exception {
    String code = Fixtures.unique("hdr");
    String duty = code + "@duty.example";
    directory.create(
        jp.renkei.server.audit.Actor.cli(),
        new jp.renkei.server.directory.NewOrganisation(
            code,
            "見出し試験 " + code,
            "Header test " + code,
            "operator",
            "finance",
            null,
            duty,
            List.of()));
    String injected = code + "-bcc@evil.example";
    Http nisc = http().bearer(fixtures.token(fixtures.user("nisc", Role.ANALYST)));
    int accepted = 0;
    for (String title :
        List.of(
            "Notice\r\nBcc: " + injected + "\r\nX-Injected: yes",
            "通知\r\nBcc: " + injected + "\r\nX-Injected: yes")) {
      HttpResponse<String> r =
          nisc.postJson(
              "/api/v1/advisories",
              "{\"title\":"
                  + JSON.writeValueAsString(title)
                  + ",\"body\":\"x\",\"tlp\":\"green\",\"organisations\":[\""
                  + code
                  + "\"]}");
      assertThat(r.statusCode()).as(r.body()).isIn(201, 400);
      accepted += r.statusCode() == 201 ? 1 : 0;
    }
    long deadline = System.currentTimeMillis() + 20_000;
    List<jakarta.mail.internet.MimeMessage> toDuty = new java.util.ArrayList<>();
    while (System.currentTimeMillis() < deadline) {
      toDuty.clear();
      for (var m : MAIL.getReceivedMessages()) {
        for (var a : m.getAllRecipients()) {
          assertThat(a.toString()).isNotEqualTo(injected);
        }
        if (m.getAllRecipients()[0].toString().equals(duty)) {
          toDuty.add(m);
        }
      }
      if (toDuty.size() >= accepted) {
        break;
      }
      Thread.sleep(200);
    }
    for (var m : MAIL.getReceivedMessages()) {
      assertThat(m.getHeader("X-Injected")).isNull();
      assertThat(m.getHeader("Bcc")).isNull();
    }
    assertThat(toDuty).hasSize(accepted);
    for (var m : toDuty) {
      assertThat(m.getAllRecipients()).hasSize(1);
      assertThat(m.getSubject()).doesNotContain("\r", "\n");
    }
  }

  static final tools.jackson.databind.json.JsonMapper JSON =
      tools.jackson.databind.json.JsonMapper.builder().build();

  @Autowired jp.renkei.server.directory.DirectoryService directory;
}
