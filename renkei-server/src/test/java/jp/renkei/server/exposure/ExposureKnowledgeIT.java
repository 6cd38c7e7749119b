package jp.renkei.server.exposure;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.zip.GZIPOutputStream;
import jp.renkei.server.config.KnowledgeFetchProperties;
import jp.renkei.server.directory.Organisation;
import jp.renkei.server.directory.Role;
import jp.renkei.server.directory.UserAccount;
import jp.renkei.server.outbound.OutboundHttp;
import jp.renkei.server.support.Fixtures;
import jp.renkei.server.support.Http;
import jp.renkei.server.support.ServerTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.util.unit.DataSize;

/**
 * Issue 16 (exposure3): NVD and JVN knowledge uploaded and matched; the scheduled fetch through the
 * outbound guard against a loopback server (conditional GET, paging, failures that keep the
 * knowledge), with its adversaries: a redirect to a refused address, a private address configured,
 * a gzip bomb, a non-admin.
 */
class ExposureKnowledgeIT extends ServerTest {

  @Autowired KnowledgeService knowledge;
  @Autowired ExposureService exposure;
  @Autowired OutboundHttp outbound;
  @Autowired JdbcClient jdbc;

  HttpServer server;
  final List<String> requests = new CopyOnWriteArrayList<>();

  @BeforeEach
  void loopback() throws IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.start();
  }

  @AfterEach
  void stop() {
    server.stop(0);
  }

  String url(String path) {
    return "http://127.0.0.1:" + server.getAddress().getPort() + path;
  }

  void serve(String path, Consumer<HttpExchange> handler) {
    server.createContext(
        path,
        ex -> {
          requests.add(ex.getRequestURI().toString());
          handler.accept(ex);
          ex.close();
        });
  }

  static void answer(HttpExchange ex, int status, byte[] body, Map<String, String> headers) {
    try {
      headers.forEach((k, v) -> ex.getResponseHeaders().add(k, v));
      ex.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
      if (body.length > 0) {
        ex.getResponseBody().write(body);
      }
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  Http session(UserAccount u) {
    Http h = http();
    HttpResponse<String> in = h.signIn(u.login(), Fixtures.PASSWORD);
    assertThat(in.statusCode()).as(in.body()).isLessThan(400);
    return h;
  }

  /** A product no other test has. */
  static String product() {
    return "rk" + Fixtures.unique("p").replaceAll("[^a-z0-9]", "");
  }

  static String cve() {
    return "CVE-2097-" + (100000 + (int) (Math.random() * 800000));
  }

  void inventory(Organisation org, String csv) {
    UserAccount u = fixtures.user(org, Role.ANALYST);
    ExposureService.ImportResult r =
        exposure.importInventory(
            fixtures.actor(u), "csv", "x.csv", new ByteArrayInputStream(csv.getBytes(UTF_8)));
    assertThat(r.ok()).as(r.problems().toString()).isTrue();
  }

  List<String> findings(Organisation org, String cve) {
    return jdbc.sql(
            "select f.status || ' ' || coalesce(a.version, '-') from exposure_finding f"
                + " join exposure_asset a on a.id = f.asset_id"
                + " where f.organisation_id = ? and f.cve_id = ? order by a.version")
        .params(org.id(), cve)
        .query(String.class)
        .list();
  }

  static String nvdPage(String cve, String product, int start, int perPage, int total) {
    return "{\"resultsPerPage\":"
        + perPage
        + ",\"startIndex\":"
        + start
        + ",\"totalResults\":"
        + total
        + ",\"format\":\"NVD_CVE\",\"version\":\"2.0\",\"vulnerabilities\":[{\"cve\":{\"id\":\""
        + cve
        + "\",\"vulnStatus\":\"Analyzed\",\"descriptions\":[{\"lang\":\"en\",\"value\":\"Test flaw\"}],"
        + "\"metrics\":{\"cvssMetricV31\":[{\"cvssData\":{\"vectorString\":"
        + "\"CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H\"}}]},"
        + "\"configurations\":[{\"nodes\":[{\"operator\":\"OR\",\"negate\":false,\"cpeMatch\":["
        + "{\"vulnerable\":true,\"criteria\":\"cpe:2.3:a:renkeinvd:"
        + product
        + ":*:*:*:*:*:*:*:*\",\"versionStartIncluding\":\"2.0\",\"versionEndExcluding\":\"2.4.1\"}"
        + "]}]}]}},{\"cve\":{\"id\":\"CVE-2097-BAD\"}}]}";
  }

  static String jvnDocument(String cve, String product) {
    return """
        <?xml version="1.0" encoding="UTF-8"?>
        <VULDEF-Document version="3.2" xmlns="http://jvn.jp/vuldef/"
            xmlns:status="http://jvndb.jvn.jp/myjvn/Status" xml:lang="ja">
          <Vulinfo><VulinfoID>JVNDB-2097-000001</VulinfoID><VulinfoData>
            <Title>試験用制御装置における認証回避の脆弱性</Title>
            <Affected><AffectedItem><Name>連携テスト</Name><ProductName>%2$s</ProductName>
              <Cpe version="2.2">cpe:/a:renkeijvn:%2$s</Cpe>
              <VersionNumber>3.1 およびそれ以前</VersionNumber></AffectedItem></Affected>
            <Related><RelatedItem type="advisory"><Name>Common Vulnerabilities and Exposures (CVE)</Name>
              <VulinfoID>%1$s</VulinfoID></RelatedItem></Related>
          </VulinfoData></Vulinfo>
          <Vulinfo><VulinfoID>BROKEN</VulinfoID><VulinfoData><Title>x</Title></VulinfoData></Vulinfo>
          <status:Status retCd="0" totalRes="2" totalResRet="2" firstRes="1"/>
        </VULDEF-Document>
        """
        .formatted(cve, product);
  }

  @Test
  void nvdAndJvnUploadsAreMatchedAndTheMalformedRecordIsListedAlone() {
    String nvdProduct = product();
    String jvnProduct = product();
    String nvdCve = cve();
    String jvnCve = cve();
    Organisation org = fixtures.operator("electricity");
    inventory(
        org,
        "kind,value,port,protocol,cpe,version\n"
            + "service,a.example,443,tcp,cpe:2.3:a:renkeinvd:"
            + nvdProduct
            + ":2.4.0:*:*:*:*:*:*:*,2.4.0\n"
            + "service,b.example,443,tcp,cpe:2.3:a:renkeinvd:"
            + nvdProduct
            + ":2.4.1:*:*:*:*:*:*:*,2.4.1\n"
            + "service,c.example,502,tcp,cpe:2.3:a:renkeijvn:"
            + jvnProduct
            + ":3.0:*:*:*:*:*:*:*,3.0\n");
    Http admin = session(fixtures.user("nisc", Role.PLATFORM_ADMIN));
    HttpResponse<String> nvd =
        admin.uploadWith(
            "/admin/exposure",
            "/admin/exposure",
            "file",
            "nvd.json",
            nvdPage(nvdCve, nvdProduct, 0, 2, 2).getBytes(UTF_8),
            Map.of("source", "nvd"));
    assertThat(nvd.statusCode()).as(nvd.body()).isEqualTo(200);
    // the refused record in the reader's language: position, id and why (issue 14: the reasons
    // were English on Japanese pages)
    assertThat(nvd.body())
        .contains("id=\"upload-ok\"", "id=\"upload-refused\"", "vulnerabilities[1]（CVE-2097-BAD）: ")
        .doesNotContain("Exception", " is missing", " is not ");
    assertThat(findings(org, nvdCve)).containsExactly("affected 2.4.0");
    HttpResponse<String> jvn =
        admin.uploadWith(
            "/admin/exposure",
            "/admin/exposure",
            "file",
            "jvn.xml",
            jvnDocument(jvnCve, jvnProduct).getBytes(UTF_8),
            Map.of("source", "jvn"));
    assertThat(jvn.body())
        .contains("id=\"upload-ok\"", "VulinfoID の「BROKEN」は JVNDB の番号ではありません")
        .doesNotContain("is not a JVNDB id");
    // a file that cannot be read at all: where and why, in Japanese, then in English
    HttpResponse<String> broken =
        admin.uploadWith(
            "/admin/exposure",
            "/admin/exposure",
            "file",
            "kev.json",
            "{\"vulnerabilities\": 3}".getBytes(UTF_8),
            Map.of("source", "kev"));
    assertThat(broken.body())
        .contains("ファイルを読めません: vulnerabilities: 配列ではありません")
        .doesNotContain("is not an array", "Exception");
    HttpResponse<String> epss =
        admin.uploadWith(
            "/admin/exposure",
            "/admin/exposure",
            "file",
            "epss.csv",
            "cve,epss,percentile\nCVE-2099-10001,2.5,0.1\nnot-a-cve,0.1,0.1\n".getBytes(UTF_8),
            Map.of("source", "epss"));
    assertThat(epss.body())
        .contains(
            "2 行目（CVE-2099-10001）: epss と percentile は 0 以上 1 以下の数でなければなりません",
            "3 行目: 「not-a-cve」は CVE 番号ではありません");
    admin.postForm("/", "/settings/language", Map.of("lang", "en", "back", "/"));
    HttpResponse<String> english =
        admin.uploadWith(
            "/admin/exposure",
            "/admin/exposure",
            "file",
            "jvn.xml",
            jvnDocument(jvnCve, jvnProduct).getBytes(UTF_8),
            Map.of("source", "jvn"));
    assertThat(english.body())
        .contains("VulinfoID is not a JVNDB id: BROKEN")
        .doesNotContain("JVNDB の番号");
    assertThat(
            admin
                .uploadWith(
                    "/admin/exposure",
                    "/admin/exposure",
                    "file",
                    "kev.json",
                    "{\"vulnerabilities\": 3}".getBytes(UTF_8),
                    Map.of("source", "kev"))
                .body())
        .contains("The file cannot be read: vulnerabilities: is not an array");
    assertThat(findings(org, jvnCve)).containsExactly("affected 3.0");
    assertThat(
            jdbc.sql("select title from vuln_advisory where source = 'jvn' and cve_id = ?")
                .param(jvnCve)
                .query(String.class)
                .single())
        .isEqualTo("試験用制御装置における認証回避の脆弱性");
    // an analyst may not upload knowledge, nor fetch it
    Http analyst = session(fixtures.user(org, Role.ANALYST));
    assertThat(analyst.get("/admin/exposure").statusCode()).isEqualTo(403);
  }

  KnowledgeFetcher fetcher(Map<String, String> urls, long maxBytes) {
    return fetcher(urls, maxBytes, Duration.ZERO);
  }

  KnowledgeFetcher fetcher(Map<String, String> urls, long maxBytes, Duration nvdInterval) {
    return fetcher(urls, maxBytes, nvdInterval, 5, Duration.ofMinutes(30), 512L << 20);
  }

  KnowledgeFetcher fetcher(
      Map<String, String> urls,
      long maxBytes,
      Duration nvdInterval,
      int maxPages,
      Duration deadline,
      long totalBytes) {
    return new KnowledgeFetcher(
        props(urls, maxBytes, nvdInterval, maxPages, deadline, totalBytes),
        outbound,
        knowledge,
        exposure,
        jdbc);
  }

  /** A scheduled fetch of the sources at {@code urls}, enabled, with these limits. */
  static KnowledgeFetchProperties props(
      Map<String, String> urls,
      long maxBytes,
      Duration nvdInterval,
      int maxPages,
      Duration deadline,
      long totalBytes) {
    return new KnowledgeFetchProperties(
        true,
        Duration.ofHours(24),
        Duration.ofMinutes(10),
        urls.getOrDefault("kev", ""),
        urls.getOrDefault("epss", ""),
        urls.getOrDefault("nvd", ""),
        urls.getOrDefault("jvn", ""),
        DataSize.ofBytes(maxBytes),
        maxPages,
        Duration.ofSeconds(10),
        "",
        nvdInterval,
        deadline,
        DataSize.ofBytes(totalBytes));
  }

  String kevDocument(String cve, String product) {
    return "{\"catalogVersion\":\"fetch-test\",\"vulnerabilities\":[{\"cveID\":\""
        + cve
        + "\",\"vendorProject\":\"renkeifetch\",\"product\":\""
        + product
        + "\",\"vulnerabilityName\":\"Fetched flaw\",\"dateAdded\":\"2026-11-20\"}]}";
  }

  int kevEntries() {
    return jdbc.sql("select count(*) from vuln_kev").query(Integer.class).single();
  }

  void forget(String... sources) {
    jdbc.sql("delete from vuln_fetch where source in (" + "?,".repeat(sources.length - 1) + "?)")
        .params((Object[]) sources)
        .update();
  }

  @Test
  void kevIsFetchedConditionallyAndTheOwnerIsTold() {
    forget("kev");
    String product = product();
    String cve = cve();
    Organisation org = fixtures.operator("water");
    inventory(
        org,
        "kind,value,port,protocol,cpe\nservice,f.example,443,tcp,cpe:2.3:a:renkeifetch:"
            + product
            + ":1.0:*:*:*:*:*:*:*\n");
    byte[] kev = kevDocument(cve, product).getBytes(UTF_8);
    serve(
        "/kev.json",
        ex -> {
          if ("\"v1\"".equals(ex.getRequestHeaders().getFirst("If-None-Match"))) {
            answer(ex, 304, new byte[0], Map.of("ETag", "\"v1\""));
          } else {
            answer(ex, 200, kev, Map.of("ETag", "\"v1\"", "Content-Type", "application/json"));
          }
        });
    KnowledgeFetcher f = fetcher(Map.of("kev", url("/kev.json")), 1 << 20);
    List<KnowledgeFetcher.Outcome> first = f.fetchDue();
    assertThat(first).extracting(KnowledgeFetcher.Outcome::outcome).containsExactly("imported");
    assertThat(
            jdbc.sql("select organisation_id from exposure_notice where cve_id = ?")
                .param(cve)
                .query(Long.class)
                .list())
        .containsExactly(org.id());
    // not due again within the cadence; fetched now, the server answers 304
    assertThat(f.fetchDue()).isEmpty();
    Http admin = session(fixtures.user("nisc", Role.PLATFORM_ADMIN));
    KnowledgeFetcher.Outcome again =
        f.fetchNow(fixtures.actor(fixtures.user("nisc", Role.PLATFORM_ADMIN)), "kev");
    assertThat(again.outcome()).isEqualTo("not_modified");
    assertThat(requests).hasSize(2);
    assertThat(admin.get("/admin/exposure").body()).contains("id=\"fetches\"");
  }

  @Test
  void aFailedOrRefusedFetchKeepsTheKnowledgeAndSaysWhy() throws Exception {
    forget("kev", "epss", "nvd");
    int before = kevEntries();
    // a redirect to an address the hub refuses (only 127.0.0.1 is allowed in tests)
    serve(
        "/moved",
        ex -> answer(ex, 302, new byte[0], Map.of("Location", "http://127.0.0.2:1/kev.json")));
    KnowledgeFetcher.Outcome redirected =
        fetcher(Map.of("kev", url("/moved")), 1 << 20).fetchDue().get(0);
    assertThat(redirected.outcome()).isEqualTo("failed");
    assertThat(redirected.detail()).contains("127.0.0.2");
    // a private address configured: refused before any connection
    forget("kev");
    KnowledgeFetcher.Outcome metadata =
        fetcher(Map.of("kev", "http://169.254.169.254/latest/meta-data"), 1 << 20)
            .fetchDue()
            .get(0);
    assertThat(metadata.outcome()).isEqualTo("failed");
    // a server error, and a document that is not KEV at all
    forget("kev");
    serve("/down", ex -> answer(ex, 503, new byte[0], Map.of()));
    assertThat(fetcher(Map.of("kev", url("/down")), 1 << 20).fetchDue().get(0).detail())
        .isEqualTo("HTTP 503 from 127.0.0.1");
    forget("kev");
    serve("/html", ex -> answer(ex, 200, "<html>".getBytes(UTF_8), Map.of()));
    assertThat(fetcher(Map.of("kev", url("/html")), 1 << 20).fetchDue().get(0).outcome())
        .isEqualTo("failed");
    // a gzip bomb for EPSS: refused, not unpacked
    ByteArrayOutputStream bomb = new ByteArrayOutputStream();
    try (GZIPOutputStream gz = new GZIPOutputStream(bomb)) {
      gz.write(new byte[4 << 20]);
    }
    serve("/epss.csv.gz", ex -> answer(ex, 200, bomb.toByteArray(), Map.of()));
    KnowledgeFetcher.Outcome epss =
        fetcher(Map.of("epss", url("/epss.csv.gz")), 1 << 20).fetchDue().get(0);
    assertThat(epss.detail()).contains("unpacks to more than");
    assertThat(kevEntries()).isEqualTo(before);
    List<String> shown =
        jdbc.sql("select outcome from vuln_fetch where source in ('kev', 'epss')")
            .query(String.class)
            .list();
    assertThat(shown).containsOnly("failed");
  }

  @Test
  void nvdIsFetchedPageByPage() {
    forget("nvd");
    String product = product();
    String cve1 = cve();
    String cve2 = cve();
    serve(
        "/nvd",
        ex -> {
          boolean second = ex.getRequestURI().getQuery().contains("startIndex=1");
          answer(
              ex,
              200,
              (second ? nvdPage(cve2, product, 1, 1, 2) : nvdPage(cve1, product, 0, 1, 2))
                  .getBytes(UTF_8),
              Map.of());
        });
    KnowledgeFetcher.Outcome o =
        fetcher(Map.of("nvd", url("/nvd?hasKev")), 1 << 20).fetchDue().get(0);
    assertThat(o.outcome()).as(o.toString()).isEqualTo("imported");
    assertThat(o.kept()).isEqualTo(2);
    assertThat(o.refused()).isEqualTo(2);
    assertThat(requests).containsExactly("/nvd?hasKev", "/nvd?hasKev&startIndex=1");
  }

  static byte[] workbook(String[][] rows, boolean formula) throws IOException {
    try (org.apache.poi.xssf.usermodel.XSSFWorkbook wb =
            new org.apache.poi.xssf.usermodel.XSSFWorkbook();
        ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      var sheet = wb.createSheet("資産");
      for (int r = 0; r < rows.length; r++) {
        var row = sheet.createRow(r);
        for (int c = 0; c < rows[r].length; c++) {
          if (rows[r][c] == null) {
            continue;
          }
          if (r > 0 && rows[0][c].equals("port") && rows[r][c].matches("\\d+")) {
            row.createCell(c).setCellValue(Double.parseDouble(rows[r][c]));
          } else {
            row.createCell(c).setCellValue(rows[r][c]);
          }
        }
      }
      if (formula) {
        sheet.getRow(1).createCell(rows[0].length - 1).setCellFormula("1+1");
      }
      wb.write(out);
      return out.toByteArray();
    }
  }

  /**
   * The workbook with its sheet padded by 30 MB of spaces: a few kilobytes that inflate 1000 times.
   */
  static byte[] bomb(byte[] xlsx) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (var in = new java.util.zip.ZipInputStream(new ByteArrayInputStream(xlsx));
        var zip = new java.util.zip.ZipOutputStream(out)) {
      for (var e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
        byte[] content = in.readAllBytes();
        zip.putNextEntry(new java.util.zip.ZipEntry(e.getName()));
        zip.write(content);
        if (e.getName().equals("xl/worksheets/sheet1.xml")) {
          byte[] spaces = new byte[1 << 20];
          java.util.Arrays.fill(spaces, (byte) ' ');
          for (int i = 0; i < 30; i++) {
            zip.write(spaces);
          }
        }
        zip.closeEntry();
      }
    }
    return out.toByteArray();
  }

  @Test
  void anXlsxInventoryIsAllOrNothingWithSheetRowAndColumn() throws Exception {
    String product = product();
    Organisation org = fixtures.operator("gas");
    Http analyst = session(fixtures.user(org, Role.ANALYST));
    String[] header = {"kind", "value", "port", "protocol", "cpe", "criticality"};
    String cpe = "cpe:2.3:a:renkeixlsx:" + product + ":1.0:*:*:*:*:*:*:*";
    byte[] bad =
        workbook(
            new String[][] {
              header,
              {"service", "x1.example", "443", "tcp", cpe, "high"},
              {"service", "x2.example", "99999", "tcp", cpe, "high"},
              {"printer", "x3.example", null, null, null, null}
            },
            true);
    HttpResponse<String> refused =
        analyst.uploadWith(
            "/exposure", "/exposure/inventory", "file", "inv.xlsx", bad, Map.of("format", "xlsx"));
    assertThat(refused.body())
        .contains(
            "id=\"import-problems\"",
            "資産!F2:",
            "数式は受け付けません",
            "資産!C3:",
            "port（ポート）の 99999",
            "資産!A4:",
            "「printer」")
        .doesNotContain("Exception");
    assertThat(assets(org)).isZero();
    byte[] good =
        workbook(
            new String[][] {
              header,
              {"service", "x1.example", "443", "tcp", cpe, "high"},
              {"domain", "example.jp", null, null, null, null}
            },
            false);
    HttpResponse<String> ok =
        analyst.uploadWith(
            "/exposure", "/exposure/inventory", "file", "inv.xlsx", good, Map.of("format", "xlsx"));
    assertThat(ok.body()).contains("id=\"import-ok\"");
    assertThat(assets(org)).isEqualTo(2);
    HttpResponse<String> bombed =
        analyst.uploadWith(
            "/exposure",
            "/exposure/inventory",
            "file",
            "bomb.xlsx",
            bomb(good),
            Map.of("format", "xlsx"));
    assertThat(bombed.body()).contains("zip bomb").doesNotContain("Exception");
    assertThat(assets(org)).isEqualTo(2);
  }

  /**
   * Issue 16 (exposure6): switching an inventory from CSV to xlsx (and back) with the same assets
   * left both copies — an asset's identity must not depend on the file format.
   */
  @Test
  void theSameAssetsInAnotherFileFormatReplaceRatherThanDuplicate() throws Exception {
    String product = product();
    String cve = cve();
    knowledge.importKev(
        jp.renkei.server.audit.Actor.cli(),
        new ByteArrayInputStream(
            ("{\"catalogVersion\":\"identity\",\"vulnerabilities\":[{\"cveID\":\""
                    + cve
                    + "\",\"vendorProject\":\"renkeiid\",\"product\":\""
                    + product
                    + "\",\"vulnerabilityName\":\"x\",\"dateAdded\":\"2026-11-20\"}]}")
                .getBytes(UTF_8)));
    Organisation org = fixtures.operator("gas");
    Http analyst = session(fixtures.user(org, Role.ANALYST));
    String cpe = "cpe:2.3:a:renkeiid:" + product + ":1.0:*:*:*:*:*:*:*";
    String csv =
        "kind,value,port,protocol,cpe,criticality\n"
            + "service,www.example.jp,443,tcp,"
            + cpe
            + ",high\ndomain,example.jp,,,,\n";
    byte[] xlsx =
        workbook(
            new String[][] {
              {"kind", "value", "port", "protocol", "cpe", "criticality"},
              // the same service, the host name in capitals: the same asset
              {"service", "WWW.example.jp", "443", "tcp", cpe, "high"},
              {"domain", "example.jp", null, null, null, null}
            },
            false);
    Runnable asCsv =
        () ->
            assertThat(
                    analyst
                        .uploadWith(
                            "/exposure",
                            "/exposure/inventory",
                            "file",
                            "inv.csv",
                            csv.getBytes(UTF_8),
                            Map.of("format", "csv"))
                        .body())
                .contains("id=\"import-ok\"");
    Runnable asXlsx =
        () ->
            assertThat(
                    analyst
                        .uploadWith(
                            "/exposure",
                            "/exposure/inventory",
                            "file",
                            "inv.xlsx",
                            xlsx,
                            Map.of("format", "xlsx"))
                        .body())
                .contains("id=\"import-ok\"");
    asCsv.run();
    assertThat(assets(org)).isEqualTo(2);
    assertThat(findings(org, cve)).hasSize(1);
    asXlsx.run();
    assertThat(assets(org)).isEqualTo(2);
    assertThat(findings(org, cve)).hasSize(1);
    asCsv.run();
    assertThat(assets(org)).isEqualTo(2);
    assertThat(findings(org, cve)).hasSize(1);
    // a scan (nmap) seeing the same service takes it over instead of listing it a second time
    String nmap =
        "<?xml version=\"1.0\"?><nmaprun><host><status state=\"up\"/>"
            + "<hostnames><hostname name=\"www.example.jp\" type=\"user\"/></hostnames>"
            + "<address addr=\"192.0.2.10\" addrtype=\"ipv4\"/><ports><port protocol=\"tcp\" portid=\"443\">"
            + "<state state=\"open\"/><service name=\"https\" product=\""
            + product
            + "\" version=\"1.0\"><cpe>cpe:/a:renkeiid:"
            + product
            + ":1.0</cpe></service></port></ports></host></nmaprun>";
    HttpResponse<String> scanned =
        analyst.uploadWith(
            "/exposure",
            "/exposure/inventory",
            "file",
            "scan.xml",
            nmap.getBytes(UTF_8),
            Map.of("format", "nmap"));
    assertThat(scanned.body()).contains("id=\"import-ok\"");
    assertThat(findings(org, cve)).hasSize(1);
    // the list, imported again, takes its assets back; the finding stays one
    asXlsx.run();
    assertThat(findings(org, cve)).hasSize(1);
    assertThat(
            jdbc.sql(
                    "select count(*) from exposure_asset where organisation_id = ? and kind = 'service'"
                        + " and lower(value) = 'www.example.jp' and port = 443")
                .param(org.id())
                .query(Integer.class)
                .single())
        .isEqualTo(1);
  }

  int assets(Organisation org) {
    return jdbc.sql("select count(*) from exposure_asset where organisation_id = ?")
        .param(org.id())
        .query(Integer.class)
        .single();
  }

  @Test
  void aPlatformAdminUploadsOnBehalfAuditedAndNobodyElseMay() {
    String product = product();
    String cve = cve();
    Organisation victim = fixtures.operator("water");
    Organisation other = fixtures.operator("water");
    knowledge.importKev(
        jp.renkei.server.audit.Actor.cli(),
        new ByteArrayInputStream(kevDocument(cve, product).getBytes(UTF_8)));
    String csv =
        "kind,value,port,protocol,cpe\nservice,ob.example,443,tcp,cpe:2.3:a:renkeifetch:"
            + product
            + ":1.0:*:*:*:*:*:*:*\n";
    // another organisation's admin and analyst: refused, nothing imported into the victim's
    for (UserAccount intruder :
        List.of(fixtures.user(other, Role.ORG_ADMIN), fixtures.user(other, Role.ANALYST))) {
      HttpResponse<String> r =
          session(intruder)
              .uploadWith(
                  "/exposure",
                  "/admin/exposure/inventory",
                  "file",
                  "inv.csv",
                  csv.getBytes(UTF_8),
                  Map.of("organisation", victim.code(), "format", "csv"));
      assertThat(r.statusCode()).isEqualTo(403);
    }
    assertThat(assets(victim)).isZero();
    UserAccount adminUser = fixtures.user("nisc", Role.PLATFORM_ADMIN);
    Http admin = session(adminUser);
    HttpResponse<String> r =
        admin.uploadWith(
            "/admin/exposure/inventory",
            "/admin/exposure/inventory",
            "file",
            "inv.csv",
            csv.getBytes(UTF_8),
            Map.of("organisation", victim.code(), "format", "csv"));
    assertThat(r.body()).contains("id=\"on-behalf-ok\"");
    // the admin does not learn the findings of what was uploaded
    assertThat(r.body()).doesNotContain(cve);
    assertThat(assets(victim)).isEqualTo(1);
    assertThat(findings(victim, cve)).containsExactly("possible -");
    assertThat(
            jdbc.sql(
                    "select actor from audit_event where action = 'exposure.inventory.on_behalf'"
                        + " and target_id = ?")
                .param(String.valueOf(victim.id()))
                .query(String.class)
                .list())
        .containsExactly("web:" + adminUser.login());
    HttpResponse<String> unknown =
        admin.uploadWith(
            "/admin/exposure/inventory",
            "/admin/exposure/inventory",
            "file",
            "inv.csv",
            csv.getBytes(UTF_8),
            Map.of("organisation", "no-such-org", "format", "csv"));
    assertThat(unknown.body()).contains("id=\"on-behalf-problems\"", "no-such-org");
  }

  @Test
  void theOnBehalfUploadsProblemsAreSaidInTheReadersLanguage() {
    Organisation target = fixtures.operator("water");
    Http admin = session(fixtures.user("nisc", Role.PLATFORM_ADMIN));
    byte[] csv = "kind,value\nhost,h.example\n".getBytes(UTF_8);
    Map<String, String> unknown = Map.of("organisation", "no-such-org", "format", "csv");
    Map<String, String> known = Map.of("organisation", target.code(), "format", "csv");
    String path = "/admin/exposure/inventory";
    assertThat(admin.uploadWith(path, path, "file", "inv.csv", csv, unknown).body())
        .contains("id=\"on-behalf-problems\"", "誤り 1 件", "コード「no-such-org」の組織はありません。");
    assertThat(admin.uploadWith(path, path, "file", "inv.csv", new byte[0], known).body())
        .contains("id=\"on-behalf-problems\"", "ファイルが選ばれていません。");
    admin.postForm("/", "/settings/language", Map.of("lang", "en", "back", "/"));
    assertThat(admin.uploadWith(path, path, "file", "inv.csv", csv, unknown).body())
        .contains(
            "Nothing was imported. 1 error:",
            "No organisation with the code &quot;no-such-org&quot;.")
        .doesNotContain("組織はありません", "1 errors");
    assertThat(admin.uploadWith(path, path, "file", "inv.csv", new byte[0], known).body())
        .contains("No file was chosen.", "id=\"on-behalf-code-hint\"")
        .doesNotContain("ファイルが選ばれていません");
    assertThat(assets(target)).isZero();
    // done: the organisation named in English on the English page, one asset not "1 assets"
    byte[] one = "kind,value\ndomain,d.example\n".getBytes(UTF_8);
    assertThat(admin.uploadWith(path, path, "file", "inv.csv", one, known).body())
        .contains("Imported 1 asset on behalf of " + target.nameEn() + " (" + target.code() + ").");
  }
}
