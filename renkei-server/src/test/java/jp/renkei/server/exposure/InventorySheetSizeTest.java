package jp.renkei.server.exposure;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.function.IntFunction;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

/**
 * Workbooks small on disk and within POI's zip-bomb ratios whose sheets hold a million rows, or
 * whose shared-strings table holds millions of strings: POI would build each row, cell and string
 * as objects of hundreds of bytes. They are refused before, with {@code sheet.size}, while an
 * ordinary inventory workbook is read.
 */
public class InventorySheetSizeTest {

  private static final String NS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";

  /** A workbook written by hand: one sheet ({@code prefix} on its elements) and shared strings. */
  public static byte[] workbook(String prefix, int rows, IntFunction<String> row, int strings)
      throws Exception {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
      put(
          zip,
          "[Content_Types].xml",
          "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Types"
              + " xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"><Default"
              + " Extension=\"rels\""
              + " ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/><Default"
              + " Extension=\"xml\" ContentType=\"application/xml\"/><Override"
              + " PartName=\"/xl/workbook.xml\""
              + " ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml\"/>"
              + "<Override PartName=\"/xl/worksheets/sheet1.xml\""
              + " ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml\"/>"
              + "<Override PartName=\"/xl/sharedStrings.xml\""
              + " ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml\"/>"
              + "</Types>");
      put(
          zip,
          "_rels/.rels",
          "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Relationships"
              + " xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\"><Relationship"
              + " Id=\"rId1\""
              + " Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\""
              + " Target=\"xl/workbook.xml\"/></Relationships>");
      put(
          zip,
          "xl/workbook.xml",
          "<?xml version=\"1.0\" encoding=\"UTF-8\"?><workbook xmlns=\""
              + NS
              + "\" xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\">"
              + "<sheets><sheet name=\"assets\" sheetId=\"1\" r:id=\"rId1\"/></sheets></workbook>");
      put(
          zip,
          "xl/_rels/workbook.xml.rels",
          "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Relationships"
              + " xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\"><Relationship"
              + " Id=\"rId1\""
              + " Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet\""
              + " Target=\"worksheets/sheet1.xml\"/><Relationship Id=\"rId2\""
              + " Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings\""
              + " Target=\"sharedStrings.xml\"/></Relationships>");
      String p = prefix.isEmpty() ? "" : prefix + ":";
      zip.putNextEntry(new ZipEntry("xl/worksheets/sheet1.xml"));
      StringBuilder b = new StringBuilder();
      b.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?><")
          .append(p)
          .append("worksheet xmlns")
          .append(prefix.isEmpty() ? "" : ":" + prefix)
          .append("=\"")
          .append(NS)
          .append("\"><")
          .append(p)
          .append("sheetData>");
      for (int r = 1; r <= rows; r++) {
        b.append(row.apply(r).replace("<", "<" + p).replace("<" + p + "/", "</" + p));
        if (b.length() > 1 << 16) {
          zip.write(b.toString().getBytes(StandardCharsets.UTF_8));
          b.setLength(0);
        }
      }
      b.append("</").append(p).append("sheetData></").append(p).append("worksheet>");
      zip.write(b.toString().getBytes(StandardCharsets.UTF_8));
      zip.putNextEntry(new ZipEntry("xl/sharedStrings.xml"));
      b.setLength(0);
      b.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?><sst xmlns=\"")
          .append(NS)
          .append("\" count=\"")
          .append(strings + 2)
          .append("\" uniqueCount=\"")
          .append(strings + 2)
          .append("\"><si><t>kind</t></si><si><t>value</t></si>");
      for (int s = 0; s < strings; s++) {
        b.append("<si><t>").append(Integer.toString(s, 36)).append("</t></si>");
        if (b.length() > 1 << 16) {
          zip.write(b.toString().getBytes(StandardCharsets.UTF_8));
          b.setLength(0);
        }
      }
      b.append("</sst>");
      zip.write(b.toString().getBytes(StandardCharsets.UTF_8));
    }
    return bytes.toByteArray();
  }

  private static void put(ZipOutputStream zip, String name, String text) throws Exception {
    zip.putNextEntry(new ZipEntry(name));
    zip.write(text.getBytes(StandardCharsets.UTF_8));
  }

  /** The header row (shared strings 0 and 1), then hosts host-1.example … */
  static String row(int r) {
    return r == 1
        ? "<row r=\"1\"><c r=\"A1\" t=\"s\"><v>0</v></c><c r=\"B1\" t=\"s\"><v>1</v></c></row>"
        : "<row r=\""
            + r
            + "\"><c r=\"A"
            + r
            + "\" t=\"inlineStr\"><is><t>host</t></is></c><c r=\"B"
            + r
            + "\" t=\"inlineStr\"><is><t>h"
            + r
            + ".example</t></is></c></row>";
  }

  static InventoryFile.Result read(byte[] xlsx) {
    return InventorySheet.read(new ByteArrayInputStream(xlsx));
  }

  @Test
  void theHandWrittenWorkbookIsReadWhenSmall() throws Exception {
    InventoryFile.Result r = read(workbook("", 3, InventorySheetSizeTest::row, 10));
    assertThat(r.problems()).isEmpty();
    assertThat(r.assets()).hasSize(2);
    r = read(workbook("x", 3, InventorySheetSizeTest::row, 10));
    assertThat(r.problems()).isEmpty();
    assertThat(r.assets()).hasSize(2);
  }

  @Test
  void aWorkbookWrittenByPoiIsRead() throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (XSSFWorkbook wb = new XSSFWorkbook()) {
      Sheet s = wb.createSheet("資産");
      Row h = s.createRow(0);
      h.createCell(0).setCellValue("kind");
      h.createCell(1).setCellValue("value");
      for (int i = 1; i <= 1000; i++) {
        Row r = s.createRow(i);
        r.createCell(0).setCellValue("host");
        r.createCell(1).setCellValue("h" + i + ".example");
      }
      wb.write(out);
    }
    InventoryFile.Result r = read(out.toByteArray());
    assertThat(r.problems()).isEmpty();
    assertThat(r.assets()).hasSize(1000);
  }

  @Test
  void aMillionRowsAreRefusedUnreadWithOrWithoutANamespacePrefix() throws Exception {
    for (String prefix : new String[] {"", "spreadsheetml"}) {
      byte[] xlsx = workbook(prefix, 1_048_576, r -> "<row r=\"" + r + "\"/>", 0);
      assertThat(xlsx.length).isLessThan((int) InventoryFile.MAX_BYTES);
      InventoryFile.Result r = read(xlsx);
      assertThat(r.assets()).isEmpty();
      assertThat(r.problems())
          .singleElement()
          .satisfies(
              p -> {
                assertThat(p.code()).isEqualTo("sheet.size");
                assertThat(p.args())
                    .containsExactly(
                        String.valueOf(InventorySheet.MAX_SHEET_ROWS),
                        String.valueOf(InventorySheet.MAX_SHEET_CELLS),
                        String.valueOf(InventorySheet.MAX_SHEET_CELLS));
              });
    }
  }

  @Test
  void tooManyCellsOrSharedStringsAreRefusedUnread() throws Exception {
    // 60,000 rows (within the rows) of 20 cells: past the cells of 100,001 rows of 11 columns
    byte[] wide =
        workbook(
            "",
            60_000,
            r -> {
              StringBuilder b = new StringBuilder("<row r=\"" + r + "\">");
              for (int c = 0; c < 20; c++) {
                b.append("<c><v>").append(c).append("</v></c>");
              }
              return b.append("</row>").toString();
            },
            0);
    assertThat(read(wide).problems())
        .extracting(InventoryFile.Problem::code)
        .containsExactly("sheet.size");

    byte[] strings = workbook("", 3, InventorySheetSizeTest::row, 1_200_000);
    assertThat(strings.length).isLessThan((int) InventoryFile.MAX_BYTES);
    assertThat(read(strings).problems())
        .extracting(InventoryFile.Problem::code)
        .containsExactly("sheet.size");
  }
}
