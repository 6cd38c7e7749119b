package jp.renkei.server.exposure;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Inventory files as an adversary or a careless export writes them: every one is either read as
 * intended or refused with problems that say what and where, never an exception, a hang or an
 * entity expanded.
 */
class HostileInventoryFileTest {

  private static InventoryFile.Result csv(String text) {
    return InventoryFile.csv(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)));
  }

  private static InventoryFile.Result csv(byte[] bytes) {
    return InventoryFile.csv(new ByteArrayInputStream(bytes));
  }

  private static InventoryFile.Result nmap(String xml) {
    return InventoryFile.nmap(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
  }

  private static List<String> codes(InventoryFile.Result r) {
    return r.problems().stream().map(InventoryFile.Problem::code).toList();
  }

  private static final String NMAP_HEAD =
      "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<!DOCTYPE nmaprun>\n<nmaprun scanner=\"nmap\">\n";

  private static String nmapHost(String addr, String name, String product) {
    return "<host><status state=\"up\"/><address addr=\""
        + addr
        + "\" addrtype=\"ipv4\"/><hostnames><hostname name=\""
        + name
        + "\"/></hostnames><ports><port protocol=\"tcp\" portid=\"443\"><state"
        + " state=\"open\"/><service name=\"https\" product=\""
        + product
        + "\" version=\"2.4.1\"><cpe>cpe:/a:apache:http_server:2.4.1</cpe></service></port>"
        + "</ports></host>\n";
  }

  // ---------------------------------------------------------------- CSV

  @Test
  void anEmptyFileOrAByteOrderMarkAloneIsRefusedForItsHeader() {
    assertThat(codes(csv(""))).containsExactly("header");
    assertThat(codes(csv("\uFEFF"))).containsExactly("header");
    assertThat(codes(csv("\r\n\r\n"))).contains("header");
  }

  @Test
  void aUtf16FileIsRefusedAsNotUtf8() {
    byte[] utf16 = "\uFEFFkind,value\r\ndomain,example.jp\r\n".getBytes(StandardCharsets.UTF_16LE);
    assertThat(codes(csv(utf16))).containsExactly("file.utf8");
  }

  @Test
  void lineEndingsOfEveryKindAreRead() {
    for (String eol : List.of("\n", "\r\n", "\r")) {
      InventoryFile.Result r =
          csv("kind,value,owner" + eol + "domain,example.jp,web" + eol + "host,192.0.2.1," + eol);
      assertThat(r.problems())
          .as("line ending %s", eol.replace("\r", "CR").replace("\n", "LF"))
          .isEmpty();
      assertThat(r.assets()).hasSize(2);
    }
  }

  @Test
  void aHeaderInCapitalsIsReadAsTheColumnsItNames() {
    InventoryFile.Result r = csv("Kind,VALUE,Owner\r\ndomain,example.jp,web team\r\n");
    assertThat(r.problems()).isEmpty();
    assertThat(r.assets()).singleElement().extracting(NewAsset::value).isEqualTo("example.jp");
  }

  @Test
  void aColumnNamedTwiceIsRefusedAtTheHeaderNotWithTheParsersWords() {
    InventoryFile.Result r = csv("kind,value,kind\r\ndomain,example.jp,host\r\n");
    assertThat(r.assets()).isEmpty();
    assertThat(r.problems())
        .singleElement()
        .satisfies(
            p -> {
              assertThat(p.line()).isEqualTo(1);
              assertThat(p.code()).isEqualTo("column.twice");
              assertThat(p.args()).containsExactly("kind");
            });
  }

  @Test
  void controlCharactersInAnyFieldAreRefusedWithTheFieldAndLine() {
    // a NUL would reach PostgreSQL, which refuses it in text (a 500 instead of a problem)
    InventoryFile.Result r =
        csv(
            "kind,value,owner\r\n"
                + "domain,example.jp,web\u0000team\r\n"
                + "domain,example.org,ok\r\n"
                + "domain,example.net,esc\u001b[31m\r\n");
    assertThat(r.assets()).isEmpty();
    assertThat(r.problems())
        .extracting(InventoryFile.Problem::line, InventoryFile.Problem::code)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(2L, "control"),
            org.assertj.core.groups.Tuple.tuple(4L, "control"));
    assertThat(r.problems().get(0).args()).containsExactly("owner");
  }

  @Test
  void aServiceProductWithANulIsRefusedNamingTheProductField() {
    InventoryFile.Result r =
        csv(
            "kind,value,port,product,version,cpe\r\n"
                + "service,www.example.jp,443,Apa\u0000che,2.4.1,"
                + "cpe:2.3:a:apache:http_server:2.4.1:*:*:*:*:*:*:*\r\n");
    assertThat(codes(r)).containsExactly("control");
    assertThat(r.problems().get(0).args()).containsExactly("product");
  }

  @Test
  void aFormulaInACellIsKeptAsTextNotRefused() {
    // the inventory is never exported as a spreadsheet; the value is an owner's name as written
    InventoryFile.Result r =
        csv("kind,value,owner\r\ndomain,example.jp,\"=cmd|' /C calc'!A0\"\r\n");
    assertThat(r.problems()).isEmpty();
    assertThat(r.assets())
        .singleElement()
        .extracting(NewAsset::owner)
        .isEqualTo("=cmd|' /C calc'!A0");
  }

  @Test
  void anUnclosedQuoteIsRefusedAsAFileProblem() {
    InventoryFile.Result r = csv("kind,value\r\ndomain,\"example.jp\r\nhost,192.0.2.1\r\n");
    assertThat(codes(r)).containsExactly("file.csv");
  }

  @Test
  void aTruncatedMultiByteCharacterIsRefusedAsNotUtf8() {
    byte[] whole = "kind,value,owner\r\ndomain,example.jp,情報\r\n".getBytes(StandardCharsets.UTF_8);
    byte[] cut = java.util.Arrays.copyOf(whole, whole.length - 3);
    assertThat(codes(csv(cut))).containsExactly("file.utf8");
  }

  // ---------------------------------------------------------------- nmap XML

  @Test
  void anOrdinaryNmapFileIsRead() {
    InventoryFile.Result r =
        nmap(NMAP_HEAD + nmapHost("192.0.2.10", "www.example.jp", "Apache httpd") + "</nmaprun>");
    assertThat(r.problems()).isEmpty();
    assertThat(r.assets()).hasSize(2);
  }

  @Test
  void billionLaughsIsRefusedWithoutExpandingAnything() {
    StringBuilder dtd = new StringBuilder("<?xml version=\"1.0\"?>\n<!DOCTYPE nmaprun [\n");
    dtd.append("<!ENTITY lol0 \"lol\">\n");
    for (int i = 1; i <= 9; i++) {
      dtd.append("<!ENTITY lol").append(i).append(" \"");
      for (int j = 0; j < 10; j++) {
        dtd.append("&lol").append(i - 1).append(';');
      }
      dtd.append("\">\n");
    }
    dtd.append("]>\n<nmaprun>\n");
    InventoryFile.Result inText = nmap(dtd + "<host>&lol9;</host></nmaprun>");
    InventoryFile.Result inAttribute =
        nmap(
            dtd
                + "<host><status state=\"up\"/><address addr=\"&lol9;\" addrtype=\"ipv4\"/>"
                + "</host></nmaprun>");
    for (InventoryFile.Result r : List.of(inText, inAttribute)) {
      assertThat(r.assets()).isEmpty();
      assertThat(r.problems()).isNotEmpty();
      assertThat(r.problems())
          .allSatisfy(p -> assertThat(String.join(" ", p.args())).doesNotContain("lollol"));
    }
  }

  @Test
  void anExternalEntityIsNeverRead() {
    String xml =
        "<?xml version=\"1.0\"?>\n<!DOCTYPE nmaprun [<!ENTITY x SYSTEM \"file:///etc/hostname\">]>"
            + "\n<nmaprun><host><status state=\"up\"/><address addr=\"192.0.2.1\""
            + " addrtype=\"ipv4\"/><hostnames><hostname name=\"&x;\"/></hostnames></host>"
            + "</nmaprun>";
    InventoryFile.Result r = nmap(xml);
    assertThat(r.assets()).isEmpty();
    assertThat(r.problems()).isNotEmpty();
  }

  @Test
  void deepNestingIsRefusedAtItsLine() {
    String xml = "<nmaprun>\n" + "<a>".repeat(100_000) + "</a>".repeat(100_000) + "</nmaprun>";
    InventoryFile.Result r = nmap(xml);
    assertThat(r.problems())
        .singleElement()
        .satisfies(
            p -> {
              assertThat(p.code()).isEqualTo("nmap.elements");
              assertThat(p.line()).isEqualTo(2);
            });
  }

  @Test
  void aNulOrATruncatedFileIsMalformedXmlWithItsLine() {
    InventoryFile.Result nul = nmap(NMAP_HEAD + "<host>\u0000</host></nmaprun>");
    assertThat(codes(nul)).containsExactly("file.xmlMalformed");
    assertThat(nul.problems().get(0).line()).isEqualTo(4);
    String whole = NMAP_HEAD + nmapHost("192.0.2.10", "www.example.jp", "Apache") + "</nmaprun>";
    InventoryFile.Result cut = nmap(whole.substring(0, whole.length() / 2));
    assertThat(codes(cut)).containsExactly("file.xmlMalformed");
    assertThat(codes(nmap(""))).containsExactly("file.xmlMalformed");
  }

  @Test
  void anXml11ControlCharacterReferenceInAProductIsRefused() {
    String xml =
        "<?xml version=\"1.1\" encoding=\"UTF-8\"?>\n<nmaprun>\n"
            + nmapHost("192.0.2.10", "www.example.jp", "Apache&#x1b;[31m")
            + "</nmaprun>";
    InventoryFile.Result r = nmap(xml);
    assertThat(r.assets()).isEmpty();
    assertThat(codes(r)).containsExactly("control");
  }

  @Test
  void aProblemWhoseLineTheReaderDoesNotKnowIsAtTheWholeFileNotLineMinusOne() throws Exception {
    // found by InventoryFuzzTest (its crash file): the StAX reader locates this error at line -1
    byte[] found;
    try (var in =
        getClass()
            .getResourceAsStream(
                "InventoryFuzzTestInputs/inventory/crash-812e79aea28c154a91d87ff5f298e8ae624a0178")) {
      found = in.readAllBytes();
    }
    InventoryFile.Result r =
        InventoryFile.nmap(new ByteArrayInputStream(found, 1, found.length - 1));
    assertThat(r.problems()).isNotEmpty().allSatisfy(p -> assertThat(p.line()).isNotNegative());
  }

  // ---------------------------------------------------------------- xlsx

  private static byte[] workbook(String[] header, String[]... rows) throws Exception {
    java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
    try (org.apache.poi.xssf.usermodel.XSSFWorkbook wb =
        new org.apache.poi.xssf.usermodel.XSSFWorkbook()) {
      org.apache.poi.ss.usermodel.Sheet s = wb.createSheet("資産");
      String[][] all = new String[rows.length + 1][];
      all[0] = header;
      System.arraycopy(rows, 0, all, 1, rows.length);
      for (int r = 0; r < all.length; r++) {
        org.apache.poi.ss.usermodel.Row row = s.createRow(r);
        for (int c = 0; c < all[r].length; c++) {
          row.createCell(c).setCellValue(all[r][c]);
        }
      }
      wb.write(out);
    }
    return out.toByteArray();
  }

  @Test
  void aWorkbookNamingAColumnTwiceIsRefusedAtItsHeaderCell() throws Exception {
    byte[] xlsx =
        workbook(
            new String[] {"kind", "value", "Kind"}, new String[] {"domain", "example.jp", "host"});
    InventoryFile.Result r = InventorySheet.read(new ByteArrayInputStream(xlsx));
    assertThat(r.assets()).isEmpty();
    assertThat(r.problems())
        .singleElement()
        .satisfies(
            p -> {
              assertThat(p.code()).isEqualTo("column.twice");
              assertThat(p.at()).isEqualTo("資産!C1");
            });
  }

  @Test
  void aWorkbookCellWithANulIsRefusedAtThatCell() throws Exception {
    // OOXML escapes a character XML cannot hold as _xHHHH_; POI reads _x0000_ back as NUL (and
    // writes this text as it is, so the workbook holds the escape)
    byte[] xlsx =
        workbook(
            new String[] {"kind", "value", "owner"},
            new String[] {"domain", "example.jp", "web_x0000_team"});
    InventoryFile.Result r = InventorySheet.read(new ByteArrayInputStream(xlsx));
    assertThat(r.assets()).isEmpty();
    assertThat(r.problems())
        .singleElement()
        .satisfies(
            p -> {
              assertThat(p.code()).isEqualTo("control");
              assertThat(p.at()).isEqualTo("資産!C2");
            });
  }
}
