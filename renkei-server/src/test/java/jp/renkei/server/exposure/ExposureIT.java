package jp.renkei.server.exposure;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.io.ByteArrayInputStream;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import jp.renkei.server.audit.Actor;
import jp.renkei.server.directory.Organisation;
import jp.renkei.server.directory.Role;
import jp.renkei.server.directory.UserAccount;
import jp.renkei.server.support.Fixtures;
import jp.renkei.server.support.Http;
import jp.renkei.server.support.ServerTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Exposure end to end against a real PostgreSQL: knowledge imported (the provided KEV catalogue,
 * CVE JSON 5 records), inventories imported as CSV and nmap XML through the page, findings with
 * evidence and SSVC decisions — and an adversary's view: another operator, a ministry of another
 * sector and a CEPTOAR the owner does not belong to learn nothing of an inventory or its findings
 * (ids answer exactly as ids that never existed), and the sector figures never single out one
 * operator.
 */
class ExposureIT extends ServerTest {

  static final Path KEV =
      Path.of("../../shared/data/vuln/cisa-kev/known_exploited_vulnerabilities.json");

  static final String CVES =
      """
      {"dataType":"CVE_RECORD","dataVersion":"5.1","cveMetadata":{"cveId":"CVE-2021-41773","state":"PUBLISHED"},"containers":{"cna":{"title":"Path traversal in Apache HTTP Server 2.4.49","affected":[{"vendor":"Apache Software Foundation","product":"Apache HTTP Server","cpes":["cpe:2.3:a:apache:http_server:*:*:*:*:*:*:*:*"],"defaultStatus":"unaffected","versions":[{"version":"2.4.49","status":"affected"}]}],"metrics":[{"cvssV3_1":{"vectorString":"CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:N"}}]}}}
      {"dataType":"CVE_RECORD","dataVersion":"5.1","cveMetadata":{"cveId":"CVE-2021-44228","state":"PUBLISHED"},"containers":{"cna":{"affected":[{"vendor":"Apache Software Foundation","product":"Apache Log4j2","collectionURL":"https://repo.maven.apache.org/maven2","packageName":"org.apache.logging.log4j:log4j-core","defaultStatus":"unaffected","versions":[{"version":"2.13.0","lessThan":"2.15.0","versionType":"custom","status":"affected"}]}],"metrics":[{"cvssV3_1":{"vectorString":"CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:C/C:H/I:H/A:H"}}]}}}
      {"dataType":"CVE_RECORD","dataVersion":"5.1","cveMetadata":{"cveId":"CVE-2023-36844","state":"PUBLISHED"},"containers":{"cna":{"affected":[{"vendor":"Juniper Networks","product":"Junos OS","defaultStatus":"unaffected","versions":[{"version":"0","lessThan":"20.4R3-S9","versionType":"custom","status":"affected"}]}],"metrics":[{"cvssV3_1":{"vectorString":"CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:N/I:L/A:N"}}]}}}
      {"cveMetadata":{"cveId":"CVE-2099-0001","state":"PUBLISHED"},"containers":{"cna":{}}}
      """;

  static final String INVENTORY =
      """
      kind,value,port,protocol,product,version,cpe,purl,owner,criticality,public
      domain,bank.example,,,,,,,情報システム部,high,yes
      ip_range,192.0.2.0/24,,,,,,,ネットワーク課,,yes
      service,www.bank.example,443,tcp,Apache httpd,,cpe:2.3:a:apache:http_server:2.4.49:*:*:*:*:*:*:*,,Web 担当,high,yes
      service,app.bank.example,8443,tcp,app,,,pkg:maven/org.apache.logging.log4j/log4j-core@2.14.1,アプリ担当,medium,yes
      service,vpn.bank.example,443,tcp,Junos,20.4R3,cpe:2.3:o:juniper:junos_os:*:*:*:*:*:*:*:*,,,low,no
      service,mail.bank.example,25,tcp,Postfix,3.8.1,cpe:2.3:a:postfix:postfix:3.8.1:*:*:*:*:*:*:*,,,,yes
      """;

  @Autowired KnowledgeService knowledge;
  @Autowired ExposureService exposure;
  @Autowired ExposureAccess access;
  @Autowired JdbcClient jdbc;

  static boolean loaded;

  @BeforeEach
  void knowledge() throws Exception {
    synchronized (ExposureIT.class) {
      if (!loaded) {
        Path kev = KEV.toAbsolutePath().normalize();
        if (Files.exists(kev)) {
          try (var in = Files.newInputStream(kev)) {
            KnowledgeService.Summary s = knowledge.importKev(Actor.cli(), in);
            assertThat(s.kept()).isEqualTo(1404);
            assertThat(s.refused()).isEmpty();
          }
        } else {
          knowledge.importKev(Actor.cli(), new ByteArrayInputStream(kevJson().getBytes(UTF_8)));
        }
        KnowledgeService.Summary c =
            knowledge.importCve(Actor.cli(), new ByteArrayInputStream(CVES.getBytes(UTF_8)));
        assertThat(c.kept()).isEqualTo(3);
        assertThat(c.refused())
            .extracting(Object::toString)
            .containsExactly(
                "record 4 (CVE-2099-0001): containers.cna.affected is missing or empty");
        loaded = true;
      }
    }
  }

  /** The KEV entries this test needs, when the shared data is not beside the checkout. */
  static String kevJson() {
    return """
        {"catalogVersion":"test","vulnerabilities":[
        {"cveID":"CVE-2021-41773","vendorProject":"Apache","product":"HTTP Server","dateAdded":"2021-11-03","dueDate":"2021-11-17"},
        {"cveID":"CVE-2021-44228","vendorProject":"Apache","product":"Log4j2","dateAdded":"2021-12-10","dueDate":"2021-12-24"},
        {"cveID":"CVE-2023-36844","vendorProject":"Juniper","product":"Junos OS","dateAdded":"2023-11-13","dueDate":"2023-11-17"}]}
        """;
  }

  Http session(UserAccount u) {
    Http h = http();
    HttpResponse<String> in = h.signIn(u.login(), Fixtures.PASSWORD);
    assertThat(in.statusCode()).as(in.body()).isLessThan(400);
    return h;
  }

  static HttpResponse<String> importCsv(Http h, String csv) {
    return h.uploadWith(
        "/exposure",
        "/exposure/inventory",
        "file",
        "inventory.csv",
        csv.getBytes(UTF_8),
        Map.of("format", "csv"));
  }

  static List<String> findingIds(String page) {
    Matcher m = Pattern.compile("/exposure/findings/(\\d+)").matcher(page);
    List<String> out = new java.util.ArrayList<>();
    while (m.find()) {
      out.add(m.group(1));
    }
    return out;
  }

  @Test
  void anInventoryIsMatchedWithEvidenceAndSsvcMostUrgentFirst() {
    Organisation bank = fixtures.operator("finance");
    UserAccount analyst = fixtures.user(bank, Role.ANALYST);
    Http h = session(analyst);
    HttpResponse<String> r = importCsv(h, INVENTORY);
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.body()).contains("id=\"import-ok\"").contains("6 件の資産を取り込みました");

    List<ExposureRepository.FindingRow> f = access.findings(fixtures.actor(analyst), bank.id());
    // decided by the CVE records' ranges; the catalogue's other Apache and Junos entries have no
    // record here, so they are "possible" by name
    assertThat(f)
        .filteredOn(x -> x.status().equals("affected"))
        .extracting(x -> x.cveId() + " " + x.outcome())
        .containsExactly("CVE-2021-41773 act", "CVE-2021-44228 act");
    assertThat(f)
        .filteredOn(x -> !x.status().equals("affected"))
        .allMatch(x -> x.status().equals("possible"));
    assertThat(f).extracting(ExposureRepository.FindingRow::cveId).doesNotContain("CVE-2099-0001");
    assertThat(f)
        .extracting(ExposureRepository.FindingRow::host)
        .doesNotContain("mail.bank.example");
    assertThat(f)
        .extracting(ExposureRepository.FindingRow::outcome)
        .isSortedAccordingTo(
            java.util.Comparator.comparing(
                (String o) -> List.of("act", "attend", "track_star", "track").indexOf(o)));
    ExposureRepository.FindingRow junos =
        f.stream().filter(x -> x.cveId().equals("CVE-2023-36844")).findFirst().orElseThrow();
    // active (KEV), automatable (AV:N/AC:L/PR:N/UI:N), partial (I:L), low criticality: Attend
    assertThat(junos.status() + " " + junos.outcome()).isEqualTo("possible attend");
    // KEV due dates of 2021 are earlier than BOD 26-04's days from today: the KEV date stands
    assertThat(f.get(0).dueDate()).isEqualTo(java.time.LocalDate.of(2021, 11, 17));
    assertThat(f.get(0).forensic()).isTrue();

    String page = h.get("/exposure").body();
    assertThat(page.indexOf("CVE-2021-41773")).isLessThan(page.indexOf("CVE-2023-36844"));
    String finding = h.get("/exposure/findings/" + junos.id()).body();
    assertThat(finding).contains("製品名による一致").contains("一方が文字の接尾辞で延びており").contains("BOD 26-04");
    // SSVC values in Japanese on the Japanese page; the product in words, its CPE on a detail line
    assertThat(finding)
        .contains("自動化可能: はい、技術的影響: 部分的")
        .contains("任務・社会への影響: 低")
        .contains("KEV: はい、インターネット公開: いいえ、自動化可能: はい、技術的影響: 部分的")
        .contains("SSVC 決定木により Attend（早期対応）")
        .contains("id=\"finding-product\">Juniper Junos OS 20.4R3</span>")
        .contains("id=\"finding-product-id\">cpe:2.3:o:juniper:junos_os:*:*:*:*:*:*:*:*</code>")
        .doesNotContain(": yes")
        .doesNotContain(": no、")
        .doesNotContain(": partial")
        .doesNotContain(": total")
        .doesNotContain(": low");
    assertThat(page)
        .contains(
            "title=\"cpe:2.3:a:apache:http_server:2.4.49:*:*:*:*:*:*:*\">Apache HTTP Server 2.4.49</span>")
        .contains(">log4j-core 2.14.1 (maven: org.apache.logging.log4j)</span>");
    h.postForm("/", "/settings/language", Map.of("lang", "en", "back", "/"));
    String en = h.get("/exposure/findings/" + f.get(0).id()).body();
    assertThat(en).contains("Version 2.4.49 equals the affected version v = 2.4.49");
    assertThat(h.get("/exposure/findings/" + junos.id()).body())
        .contains("Automatable yes, Technical Impact partial")
        .contains("Mission and well-being: low")
        .contains("SSVC decision tree gives Attend (sooner than standard)");
  }

  /**
   * A new user's walk (walk13): an empty inventory says what to import rather than "no
   * vulnerability applies" over an empty table; a risk accepted without an expiry names the field
   * and says what it needs, in either language, and keeps what was typed.
   */
  @Test
  void anEmptyInventorySaysWhatToImportAndAnAcceptanceWithoutExpiryNamesTheField() {
    Organisation water = fixtures.operator("water");
    UserAccount analyst = fixtures.user(water, Role.ANALYST);
    Http h = session(analyst);
    String empty = h.get("/exposure").body();
    assertThat(empty)
        .contains("id=\"exposure-none\"", "資産台帳にサービスがまだないため")
        .doesNotContain("id=\"exposure-findings\"", "該当する脆弱性はありません");

    assertThat(importCsv(h, INVENTORY).statusCode()).isEqualTo(200);
    String page = h.get("/exposure").body();
    assertThat(page).contains("id=\"exposure-findings-lead\"", "id=\"exposure-findings\"");
    String finding = "/exposure/findings/" + findingIds(page).get(0);
    Map<String, String> typed =
        Map.of("status", "risk_accepted", "owner", "情報システム課 田中", "reason", "", "acceptedUntil", "");
    String refused = h.postForm(finding, finding + "/workflow", typed).body();
    assertThat(refused)
        .contains("受容の期限：リスク受容には受容の期限 (明日から 366 日以内の日付) が必要です。")
        .contains("理由：リスク受容の理由は必須です")
        .contains("value=\"情報システム課 田中\"")
        .containsPattern("value=\"risk_accepted\"[^>]*selected")
        .doesNotContain("YYYY-MM-DD");
    h.postForm("/", "/settings/language", Map.of("lang", "en", "back", "/"));
    assertThat(h.postForm(finding, finding + "/workflow", typed).body())
        .contains(
            "Accepted until: Accepting a risk needs an expiry date (from tomorrow to 366 days")
        .contains("Reason: Accepting a risk needs a reason");
    assertThat(h.get("/exposure").body())
        .contains("most urgent SSVC decision first")
        .doesNotContain("資産台帳");

    // a KEV file whose only entry is refused changes nothing, so it does not rename the catalogue
    Object catalogue = knowledge.status().get("kevVersion");
    KnowledgeService.Summary refusedAll =
        knowledge.importKev(
            Actor.cli(),
            new ByteArrayInputStream(
                "{\"vulnerabilities\":[{\"cveID\":\"CVE-2024-1\"}]}".getBytes(UTF_8)));
    assertThat(refusedAll.kept()).isZero();
    assertThat(knowledge.status().get("kevVersion")).isEqualTo(catalogue).isNotEqualTo("-");
  }

  @Test
  void theDemoBankSeesItsOwnFindings() {
    UserAccount bank = fixtures.user("op-sakura-bank", Role.MEMBER);
    List<ExposureRepository.FindingRow> f =
        access.findings(fixtures.actor(bank), bank.organisationId());
    assertThat(f)
        .filteredOn(x -> x.status().equals("affected"))
        .extracting(ExposureRepository.FindingRow::cveId)
        .contains("CVE-2021-41773", "CVE-2021-44228", "CVE-2023-36844");
    // the distribution package (upstream 2.4.58) is outside 2.4.49: no finding on CVE-2021-41773
    assertThat(f)
        .filteredOn(x -> x.host().equals("intra.sakura-bank.example"))
        .extracting(ExposureRepository.FindingRow::cveId)
        .doesNotContain("CVE-2021-41773");
  }

  @Test
  void aBadRowIsListedWithItsLineAndNothingIsImported() {
    Organisation org = fixtures.operator("gas");
    UserAccount analyst = fixtures.user(org, Role.ANALYST);
    Http h = session(analyst);
    importCsv(h, INVENTORY);
    int before = access.findings(fixtures.actor(analyst), org.id()).size();
    String bad =
        """
        kind,value,port,cpe
        service,ok.example,443,cpe:2.3:a:apache:http_server:2.4.49:*:*:*:*:*:*:*
        service,bad.example,99999,cpe:2.3:a:apache:http_server:2.4.49:*:*:*:*:*:*:*
        service,bad2.example,80,cpe:2.3:a:broken
        router,x.example,,
        """;
    String page = importCsv(h, bad).body();
    assertThat(page)
        .contains("id=\"import-problems\"")
        .contains("3 行目")
        .contains("port（ポート）の 99999 は 1〜65535 の範囲にありません")
        .contains("4 行目")
        .contains("cpe の「cpe:2.3:a:broken」を CPE 2.3 名")
        .contains("5 行目")
        .contains("kind（種類）の「router」は domain・host・ip_range・service のいずれでもありません")
        .doesNotContain("is not between", "is not domain")
        .doesNotContain("Exception");
    assertThat(access.findings(fixtures.actor(analyst), org.id())).hasSize(before);
    assertThat(access.inventory(fixtures.actor(analyst), org.id())).containsEntry("service", 4);
  }

  /**
   * Excel's "CSV UTF-8" begins with a byte order mark and ends lines with CRLF: it is read as the
   * same inventory (the first column is kind, not "\uFEFFkind").
   */
  @Test
  void excelCsvUtf8WithBomAndCrlfIsImported() {
    Organisation org = fixtures.operator("water");
    UserAccount analyst = fixtures.user(org, Role.ANALYST);
    Http h = session(analyst);
    String excel = "\uFEFF" + INVENTORY.replace("\n", "\r\n");
    String page = importCsv(h, excel).body();
    assertThat(page)
        .contains("id=\"import-ok\"")
        .contains("6 件の資産を取り込みました")
        .doesNotContain("不明な列")
        // a CSV has no open ports of nmap's to leave out
        .doesNotContain("id=\"import-skipped\"")
        .doesNotContain("除外");
    assertThat(access.inventory(fixtures.actor(analyst), org.id()))
        .containsEntry("domain", 1)
        .containsEntry("service", 4);
    h.postForm("/", "/settings/language", Map.of("lang", "en", "back", "/"));
    String en = h.get("/exposure").body();
    assertThat(en).contains("1 domain, 0 hosts, 1 IP range, 4 services");
  }

  /**
   * Every bad cell of a row is listed (not only the first), each naming its column, in the reader's
   * language with no English fragment inside the Japanese text.
   */
  @Test
  void everyBadCellOfARowIsListedInTheReadersLanguage() {
    Organisation org = fixtures.operator("railway");
    UserAccount analyst = fixtures.user(org, Role.ANALYST);
    Http h = session(analyst);
    String bad =
        """
        kind,value,port,protocol,cpe,purl,criticality,public
        ip_range,192.0.2.0/33,,,,,,
        service,www.example,0,sctp,,,urgent,maybe
        service,app.example,443,tcp,cpe:2.3:a:broken,pkg:,,
        """;
    String page = importCsv(h, bad).body();
    assertThat(page)
        .contains("id=\"import-problems\"")
        .contains("取り込みませんでした。誤り 8 件")
        .contains("value（値）の「192.0.2.0/33」の接頭辞長")
        .contains("port（ポート）の 0 は 1〜65535 の範囲にありません")
        .contains("protocol（プロトコル）の「sctp」は tcp でも udp でもありません")
        .contains("service には製品の識別子が必要です: cpe（CPE 2.3 名）か purl")
        .contains("criticality（重要度）の「urgent」")
        .contains("public（公開）の「maybe」")
        .contains("cpe の「cpe:2.3:a:broken」を CPE 2.3 名")
        .doesNotContain("prefix out of range", "a service needs", "cpe/purl:");
    assertThat(page).contains("service の行には cpe か purl のどちらかが必要です");
    assertThat(access.inventory(fixtures.actor(analyst), org.id())).isEmpty();
    h.postForm("/", "/settings/language", Map.of("lang", "en", "back", "/"));
    String en = importCsv(h, bad).body();
    assertThat(en)
        .contains("A service needs a product identifier: give a cpe (a CPE 2.3 name) or a purl.")
        .contains("protocol &quot;sctp&quot; is not tcp or udp")
        .contains("the prefix length (the number after /) is longer than the address");
  }

  static final String NMAP =
      """
      <?xml version="1.0" encoding="UTF-8"?>
      <!DOCTYPE nmaprun>
      <?xml-stylesheet href="file:///usr/bin/../share/nmap/nmap.xsl" type="text/xsl"?>
      <nmaprun scanner="nmap" args="nmap -sV -oX - 192.0.2.10" start="1764460800" version="7.94" xmloutputversion="1.05">
      <host starttime="1764460800" endtime="1764460830"><status state="up" reason="syn-ack"/>
      <address addr="192.0.2.10" addrtype="ipv4"/>
      <hostnames><hostname name="www.port.example" type="PTR"/></hostnames>
      <ports>
      <port protocol="tcp" portid="22"><state state="open" reason="syn-ack"/><service name="ssh" product="OpenSSH" version="9.6p1"/></port>
      <port protocol="tcp" portid="80"><state state="open" reason="syn-ack"/><service name="http" product="Apache httpd" version="2.4.49" method="probed" conf="10"><cpe>cpe:/a:apache:http_server:2.4.49</cpe></service></port>
      <port protocol="tcp" portid="443"><state state="closed" reason="reset"/><service name="https"/></port>
      </ports></host>
      <host><status state="down" reason="no-response"/><address addr="192.0.2.11" addrtype="ipv4"/></host>
      </nmaprun>
      """;

  @Test
  void nmapXmlIsImportedAndHostileXmlIsRefusedWithItsLine() throws Exception {
    Organisation org = fixtures.operator("port");
    UserAccount analyst = fixtures.user(org, Role.ANALYST);
    Http h = session(analyst);
    String ok =
        h.uploadWith(
                "/exposure",
                "/exposure/inventory",
                "file",
                "scan.xml",
                NMAP.getBytes(UTF_8),
                Map.of("format", "nmap"))
            .body();
    assertThat(ok)
        .contains("id=\"import-ok\"")
        .contains("2 件の資産を取り込みました。")
        .contains("CPE のない開いたポート 1 件は照合できないため除外しました");
    List<ExposureRepository.FindingRow> found = access.findings(fixtures.actor(analyst), org.id());
    assertThat(found)
        .extracting(ExposureRepository.FindingRow::cveId, ExposureRepository.FindingRow::status)
        .contains(tuple("CVE-2021-41773", "affected"));
    assertThat(found)
        .extracting(ExposureRepository.FindingRow::host)
        .containsOnly("www.port.example");

    Path secret = Files.createTempFile("renkei-xxe", ".txt");
    Files.writeString(secret, "TOP-SECRET-CONTENT");
    String xxe =
        "<?xml version=\"1.0\"?>\n<!DOCTYPE nmaprun [<!ENTITY x SYSTEM \""
            + secret.toUri()
            + "\">]>\n"
            + "<nmaprun><host><status state=\"up\"/><address addr=\"192.0.2.1\" addrtype=\"ipv4\"/>\n"
            + "<hostnames><hostname name=\"&x;\"/></hostnames></host></nmaprun>";
    String refused =
        h.uploadWith(
                "/exposure",
                "/exposure/inventory",
                "file",
                "x.xml",
                xxe.getBytes(UTF_8),
                Map.of("format", "nmap"))
            .body();
    assertThat(refused)
        .contains("id=\"import-problems\"")
        .contains("4 行目")
        .doesNotContain("TOP-SECRET");
    String laughs =
        "<?xml version=\"1.0\"?>\n<!DOCTYPE lolz [<!ENTITY lol \"lol\"><!ENTITY lol2 \"&lol;&lol;&lol;&lol;\">]>\n"
            + "<nmaprun>&lol2;</nmaprun>";
    assertThat(
            h.uploadWith(
                    "/exposure",
                    "/exposure/inventory",
                    "file",
                    "x.xml",
                    laughs.getBytes(UTF_8),
                    Map.of("format", "nmap"))
                .body())
        .contains("id=\"import-problems\"");
    assertThat(
            h.uploadWith(
                    "/exposure",
                    "/exposure/inventory",
                    "file",
                    "x.xml",
                    "<nmaprun><host>".getBytes(UTF_8),
                    Map.of("format", "nmap"))
                .body())
        .contains("id=\"import-problems\"")
        .contains("XML の形式に誤りがあります");
    // a port out of range is refused with its line, also on an open port without a CPE (it was
    // counted among the skipped ones)
    String badPort =
        "<nmaprun><host><status state=\"up\"/><address addr=\"192.0.2.7\" addrtype=\"ipv4\"/>\n"
            + "<ports>\n"
            + "<port protocol=\"tcp\" portid=\"70000\"><state state=\"open\"/><service name=\"x\"/></port>\n"
            + "</ports></host></nmaprun>";
    assertThat(
            h.uploadWith(
                    "/exposure",
                    "/exposure/inventory",
                    "file",
                    "x.xml",
                    badPort.getBytes(UTF_8),
                    Map.of("format", "nmap"))
                .body())
        .contains("id=\"import-problems\"")
        .contains("3 行目")
        .contains("70000 は 1〜65535 の範囲にありません");
    // the good import stands
    assertThat(access.findings(fixtures.actor(analyst), org.id())).hasSameSizeAs(found);
    Files.delete(secret);
  }

  /** The page or API answer for an id, with the per-request tokens taken out. */
  static String answer(Http h, String path) {
    HttpResponse<String> r = h.get(path);
    return r.statusCode()
        + " "
        + r.body()
            .replaceAll("name=\"_csrf\" value=\"[^\"]*\"", "_csrf")
            .replaceAll("\"(instance|timestamp|requestId)\":\"[^\"]*\"", "")
            .replaceAll("/exposure/(findings|organisations)/\\d+", "/exposure/$1/ID")
            // the id in the error message, after the kind in words (検出結果 / finding, 組織)
            .replaceAll("(finding|organisation|検出結果|組織) \\d+", "$1 ID");
  }

  /**
   * A member that shares its details with its CEPTOARs only: its CEPTOAR finds the share on its
   * /exposure page and in the figures API (a CEPTOAR counts nobody, so it was missing from the
   * list); another CEPTOAR, the ministry (not chosen) and the CEPTOAR of a bank that is no member
   * still learn nothing of it.
   */
  @Test
  void aCeptoarFindsTheShareOfItsMemberAndNobodyElseDoes() {
    Organisation bank = fixtures.operator("finance");
    Organisation outsider = fixtures.operator("finance");
    long cBank = fixtures.user("c-bank", Role.ANALYST).organisationId();
    jdbc.sql("insert into ceptoar_membership (ceptoar_id, member_id) values (?, ?)")
        .params(cBank, bank.id())
        .update();
    Http owner = session(fixtures.user(bank, Role.ANALYST));
    importCsv(owner, INVENTORY);
    owner.postForm("/exposure", "/exposure/sharing", Map.of("ceptoars", "true"));
    // the outsider shares with its CEPTOARs too, but belongs to none
    Http outsiderSession = session(fixtures.user(outsider, Role.ANALYST));
    importCsv(outsiderSession, INVENTORY);
    outsiderSession.postForm("/exposure", "/exposure/sharing", Map.of("ceptoars", "true"));

    UserAccount member = fixtures.user("c-bank", Role.ANALYST);
    Http ceptoar = session(member).bearer(fixtures.token(member));
    assertThat(ceptoar.get("/exposure").body())
        .contains("id=\"exposure-shared\"")
        .contains("/exposure/organisations/" + bank.id() + "\"")
        .doesNotContain("/exposure/organisations/" + outsider.id() + "\"");
    String figures = ceptoar.get("/api/v1/exposure/figures").body();
    assertThat(figures)
        .containsPattern("\"sharedWithViewer\":\\[[^\\]]*(?<!\\d)" + bank.id() + "(?!\\d)")
        .doesNotContainPattern("(?<![\\d-])" + outsider.id() + "(?!\\d)");
    assertThat(ceptoar.get("/exposure/organisations/" + bank.id()).statusCode()).isEqualTo(200);

    for (String code : List.of("c-power", "fsa")) {
      UserAccount other = fixtures.user(code, Role.ANALYST);
      Http h = session(other).bearer(fixtures.token(other));
      assertThat(h.get("/exposure").body())
          .as(code)
          .doesNotContain("/exposure/organisations/" + bank.id() + "\"")
          .doesNotContain("/exposure/organisations/" + outsider.id() + "\"");
      assertThat(h.get("/api/v1/exposure/figures").body())
          .as(code)
          .doesNotContainPattern("(?<![\\d-])" + bank.id() + "(?!\\d)");
      assertThat(h.get("/exposure/organisations/" + bank.id()).statusCode()).isEqualTo(404);
    }
  }

  @Test
  void nobodyOutsideTheAudienceLearnsOfAnInventoryOrItsFindings() {
    Organisation victim = fixtures.operator("finance");
    UserAccount owner = fixtures.user(victim, Role.ANALYST);
    Http ownerSession = session(owner);
    importCsv(ownerSession, INVENTORY);
    List<ExposureRepository.FindingRow> findings =
        access.findings(fixtures.actor(owner), victim.id());
    long findingId = findings.get(0).id();

    UserAccount sameSector = fixtures.user(fixtures.operator("finance"), Role.ORG_ADMIN);
    UserAccount otherMinistry = fixtures.user("mhlw", Role.ANALYST);
    UserAccount fsa = fixtures.user("fsa", Role.ANALYST);
    UserAccount nisc = fixtures.user("nisc", Role.ANALYST);
    UserAccount bankCeptoar = fixtures.user("c-bank", Role.ANALYST);
    long never = 4503599627370496L + 12345;

    Map<UserAccount, Http> sessions = new java.util.LinkedHashMap<>();
    for (UserAccount adversary : List.of(sameSector, otherMinistry, fsa, nisc, bankCeptoar)) {
      sessions.put(adversary, session(adversary).bearer(fixtures.token(adversary)));
    }
    for (var e : sessions.entrySet()) {
      Http h = e.getValue();
      assertThat(answer(h, "/exposure/findings/" + findingId))
          .as(e.getKey().login())
          .startsWith("404")
          .isEqualTo(answer(h, "/exposure/findings/" + never));
      assertThat(answer(h, "/exposure/organisations/" + victim.id()))
          .startsWith("404")
          .isEqualTo(answer(h, "/exposure/organisations/" + never));
      assertThat(answer(h, "/api/v1/exposure/findings/" + findingId))
          .startsWith("404")
          .isEqualTo(answer(h, "/api/v1/exposure/findings/" + never));
      assertThat(answer(h, "/api/v1/exposure/organisations/" + victim.id() + "/findings"))
          .startsWith("404")
          .isEqualTo(answer(h, "/api/v1/exposure/organisations/" + never + "/findings"));
      String page = h.get("/exposure").body();
      assertThat(page)
          .doesNotContain("www.bank.example")
          .doesNotContain("/exposure/findings/" + findingId)
          .doesNotContain("/exposure/organisations/" + victim.id());
      String figures = h.get("/api/v1/exposure/figures").body();
      // as a whole number: a small id can occur inside a CVE number (368 in CVE-2023-36844)
      assertThat(figures).doesNotContainPattern("(?<![\\d-])" + victim.id() + "(?!\\d)");
      assertThat(h.get("/api/v1/exposure/findings").body()).doesNotContain("www.bank.example");
    }

    // the owner shares its details: its ministry and NISC may now read them
    ownerSession.postForm("/exposure", "/exposure/sharing", Map.of("share", "true"));
    for (UserAccount coordinator : List.of(fsa, nisc)) {
      Http h = sessions.get(coordinator);
      assertThat(h.get("/exposure/findings/" + findingId).statusCode()).isEqualTo(200);
      assertThat(h.get("/exposure").body()).contains("/exposure/organisations/" + victim.id());
      assertThat(h.get("/api/v1/exposure/organisations/" + victim.id() + "/findings").body())
          .contains("www.bank.example");
    }
    // ...and still nobody else (the owner is no member of c-bank)
    for (UserAccount adversary : List.of(sameSector, otherMinistry, bankCeptoar)) {
      Http h = sessions.get(adversary);
      assertThat(answer(h, "/exposure/findings/" + findingId))
          .isEqualTo(answer(h, "/exposure/findings/" + never));
    }
  }

  @Test
  void sectorFiguresCountOperatorsWithoutSinglingOneOut() {
    UserAccount meti = fixtures.user("meti", Role.ANALYST);
    Actor ministry = fixtures.actor(meti);
    int before = exposedIn(ministry, "chemical");
    // operators of the sector without an inventory: never reveal that they have none
    for (int i = 0; i < 3; i++) {
      fixtures.operator("chemical");
    }
    Organisation first = fixtures.operator("chemical");
    importAs(first);
    ExposureAccess.SectorFigure one = sector(ministry, "chemical");
    assertThat(one.withheld()).as("one exposed operator is never shown").isTrue();
    assertThat(one.exposed()).isNull();
    importAs(fixtures.operator("chemical"));
    importAs(fixtures.operator("chemical"));
    ExposureAccess.SectorFigure three = sector(ministry, "chemical");
    if (before == 0) {
      assertThat(three.withheld()).isFalse();
      assertThat(three.exposed()).isEqualTo(3);
    }
    // a ministry sees only the sectors it supervises; an operator sees no figures at all
    assertThat(access.figures(ministry).sectors())
        .extracting(ExposureAccess.SectorFigure::sector)
        .doesNotContain("finance", "medical");
    UserAccount operator = fixtures.user(first, Role.ANALYST);
    assertThat(access.figures(fixtures.actor(operator)).sectors()).isEmpty();
    // NISC sees every sector
    Actor nisc = fixtures.actor(fixtures.user("nisc", Role.ANALYST));
    assertThat(access.figures(nisc).sectors())
        .extracting(ExposureAccess.SectorFigure::sector)
        .contains("chemical", "finance");
  }

  private int exposedIn(Actor actor, String sector) {
    ExposureAccess.SectorFigure f = sector(actor, sector);
    return f == null || f.exposed() == null ? (f != null && f.withheld() ? -1 : 0) : f.exposed();
  }

  private ExposureAccess.SectorFigure sector(Actor actor, String sector) {
    return access.figures(actor).sectors().stream()
        .filter(s -> s.sector().equals(sector))
        .findFirst()
        .orElse(null);
  }

  private void importAs(Organisation org) {
    UserAccount u = fixtures.user(org, Role.ANALYST);
    ExposureService.ImportResult r =
        exposure.importInventory(
            fixtures.actor(u), "csv", "x.csv", new ByteArrayInputStream(INVENTORY.getBytes(UTF_8)));
    assertThat(r.ok()).as(r.problems().toString()).isTrue();
  }

  @Test
  void aNewKevEntryReachesTheInventoriesItMatches() {
    Organisation org = fixtures.operator("water");
    UserAccount u = fixtures.user(org, Role.ANALYST);
    String csv =
        "kind,value,port,cpe\nservice,gw.water.example,443,cpe:2.3:a:renkeitest:gateway"
            + Fixtures.unique("p").replace("-", "")
            + ":1.0:*:*:*:*:*:*:*\n";
    exposure.importInventory(
        fixtures.actor(u), "csv", "x.csv", new ByteArrayInputStream(csv.getBytes(UTF_8)));
    assertThat(access.findings(fixtures.actor(u), org.id())).isEmpty();
    String product = csv.substring(csv.indexOf("renkeitest:") + 11, csv.indexOf(":1.0"));
    String kev =
        "{\"catalogVersion\":\"t\",\"vulnerabilities\":[{\"cveID\":\"CVE-2099-"
            + (10000 + (int) (Math.random() * 80000))
            + "\",\"vendorProject\":\"renkeitest\",\"product\":\""
            + product
            + "\",\"dateAdded\":\"2026-11-30\",\"dueDate\":\"2026-12-21\"}]}";
    knowledge.importKev(Actor.cli(), new ByteArrayInputStream(kev.getBytes(UTF_8)));
    Map<Long, Set<String>> newly = exposure.rematchAll();
    assertThat(newly).containsKey(org.id());
    assertThat(access.findings(fixtures.actor(u), org.id()))
        .extracting(ExposureRepository.FindingRow::status)
        .containsExactly("possible");
  }
}
