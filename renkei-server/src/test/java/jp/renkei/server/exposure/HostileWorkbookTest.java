package jp.renkei.server.exposure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import jp.renkei.server.exercise.review.InjectSheet;
import jp.renkei.server.failure.InvalidInput;
import jp.renkei.server.files.WorkbookParts;
import org.junit.jupiter.api.Test;

/**
 * Workbooks that hide their rows from the count made before POI builds them ({@code
 * WorkbookParts}): that count reads the parts' bytes as UTF-8 and walks the zip with the JDK's
 * reader, while POI's XML parser honours any encoding a part declares (UTF-16, ISO-2022-JP, EBCDIC)
 * and POI's zip reader (Commons Compress) takes entry names the JDK's refuses. Each workbook below
 * held 300,000 rows that the count did not see, so POI built them all (hundreds of bytes each: the
 * heap bomb the count exists to stop). Both uploads that read workbooks are attacked: the inventory
 * and the exercise's 状況付与票.
 */
class HostileWorkbookTest {

  private static final String NS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";

  private static final int ROWS = 300_000;

  /** A one-sheet workbook whose sheet part is {@code sheet}, bytes as given. */
  static byte[] workbook(byte[] sheet, String extraEntry) throws Exception {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
      if (extraEntry != null) {
        put(zip, extraEntry, "<?xml version=\"1.0\" encoding=\"UTF-8\"?><x/>");
      }
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
              + "<sheets><sheet name=\"状況付与\" sheetId=\"1\" r:id=\"rId1\"/></sheets></workbook>");
      put(
          zip,
          "xl/_rels/workbook.xml.rels",
          "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Relationships"
              + " xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\"><Relationship"
              + " Id=\"rId1\""
              + " Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet\""
              + " Target=\"worksheets/sheet1.xml\"/></Relationships>");
      zip.putNextEntry(new ZipEntry("xl/worksheets/sheet1.xml"));
      zip.write(sheet);
    }
    return bytes.toByteArray();
  }

  private static void put(ZipOutputStream zip, String name, String text) throws Exception {
    zip.putNextEntry(new ZipEntry(name));
    zip.write(text.getBytes(StandardCharsets.UTF_8));
  }

  /** A sheet of {@link #ROWS} empty rows, each written by {@code row}, in {@code charset}. */
  static byte[] sheet(String declared, Charset charset, byte[] bom, String rowStart) {
    StringBuilder b = new StringBuilder();
    b.append("<?xml version=\"1.0\" encoding=\"")
        .append(declared)
        .append("\"?><worksheet xmlns=\"")
        .append(NS)
        .append("\"><sheetData>");
    for (int r = 1; r <= ROWS; r++) {
      b.append(rowStart).append(" r=\"").append(r).append("\"/>");
    }
    b.append("</sheetData></worksheet>");
    byte[] text = b.toString().getBytes(charset);
    byte[] out = Arrays.copyOf(bom, bom.length + text.length);
    System.arraycopy(text, 0, out, bom.length, text.length);
    return out;
  }

  static byte[] utf16() throws Exception {
    return workbook(
        sheet("UTF-16", StandardCharsets.UTF_16LE, new byte[] {(byte) 0xFF, (byte) 0xFE}, "<row"),
        null);
  }

  /**
   * ISO-2022-JP: an escape to ASCII (ESC ( B, which changes nothing) between {@code <} and {@code
   * row} hides the name from a byte-wise look.
   */
  static byte[] iso2022jp() throws Exception {
    return workbook(
        sheet("ISO-2022-JP", Charset.forName("ISO-2022-JP"), new byte[0], "<\u001b(Brow")
        // the JDK's encoder writes the escape as it is: the parser reads '<' then row
        ,
        null);
  }

  /** A workbook with a first part whose name is not UTF-8 (the JDK's zip reader gives up). */
  static byte[] badName() throws Exception {
    String name = "docProps/zzzz.xml";
    byte[] xlsx = workbook(sheet("UTF-8", StandardCharsets.UTF_8, new byte[0], "<row"), name);
    byte[] n = name.getBytes(StandardCharsets.US_ASCII);
    // the name in the local header and the central directory: 'zzzz' becomes four 0xFF bytes
    for (int i = 0; i + n.length <= xlsx.length; i++) {
      if (Arrays.equals(xlsx, i, i + n.length, n, 0, n.length)) {
        for (int k = 9; k < 13; k++) {
          xlsx[i + k] = (byte) 0xFF;
        }
      }
    }
    return xlsx;
  }

  private static void refusedUnread(byte[] xlsx, WorkbookParts.TooMuch why, String code) {
    assertThat(xlsx.length).isLessThan(2 * 1024 * 1024);
    assertThat(WorkbookParts.check(xlsx, 200_000, 1_100_000, 64L << 20, 256L << 20)).contains(why);
    assertThat(InventorySheet.read(new ByteArrayInputStream(xlsx)).problems())
        .extracting(InventoryFile.Problem::code)
        .containsExactly("sheet." + code);
    InvalidInput e =
        catchThrowableOfType(
            InvalidInput.class, () -> InjectSheet.read(new ByteArrayInputStream(xlsx)));
    assertThat(e).isNotNull();
    assertThat(e.messageKey()).isEqualTo("aar.xlsx." + code);
    assertThat(e.field()).isEqualTo("file");
  }

  @Test
  void rowsInUtf16AreCountedOrRefused() throws Exception {
    refusedUnread(utf16(), WorkbookParts.TooMuch.ENCODING, "encoding");
  }

  @Test
  void rowsBehindAnIso2022jpEscapeAreCountedOrRefused() throws Exception {
    refusedUnread(iso2022jp(), WorkbookParts.TooMuch.ENCODING, "encoding");
  }

  @Test
  void aPartNameTheCountCannotReadDoesNotSkipTheCount() throws Exception {
    refusedUnread(badName(), WorkbookParts.TooMuch.UNREADABLE, "unreadable");
  }

  @Test
  void utf8AsciiAndBinaryPartsAreNotRefusedForTheirEncoding() throws Exception {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
      zip.putNextEntry(new ZipEntry("xl/media/image1.emf"));
      zip.write(new byte[] {1, 0, 0, 0, 0x6C, 0, 0, 0});
      zip.putNextEntry(new ZipEntry("xl/media/image2.png"));
      zip.write(new byte[] {(byte) 0x89, 'P', 'N', 'G', 13, 10, 26, 10});
      put(zip, "a.xml", "\uFEFF<?xml version='1.0' encoding='utf-8' standalone='yes'?><a/>");
      put(zip, "b.xml", "<?xml version=\"1.0\" encoding=\"US-ASCII\"?><b/>");
      put(zip, "c.xml", "<?xml version=\"1.0\"?><c/>");
      put(zip, "d.xml", "<d/>");
    }
    assertThat(WorkbookParts.check(bytes.toByteArray(), 10, 10, 1 << 20, 1 << 22)).isEmpty();
  }
}
