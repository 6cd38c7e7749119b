package jp.renkei.engine.exposure;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class NvdJvnReadersTest {

  private static InputStream text(String s) {
    return new ByteArrayInputStream(s.getBytes(UTF_8));
  }

  private static String status(Knowledge k, String cpe, String version, String cve) {
    return k.match(new ServiceAsset(1, ProductId.of(cpe, null, version), "high", true)).stream()
        .filter(f -> f.cveId().equals(cve))
        .map(Finding::status)
        .findFirst()
        .orElse("none");
  }

  @Test
  void readsAnNvdPageKeepingTheGoodAndRefusingTheMalformedAlone() {
    NvdReader.Result r = NvdReader.read(ParsersTest.resource("nvd-page.json"));
    assertThat(r.records())
        .extracting(CveRecord::cveId)
        .containsExactly("CVE-2021-41773", "CVE-2021-44228", "CVE-2019-0001");
    assertThat(r.rejected()).hasSize(2);
    assertThat(r.rejected().get(0).id()).isEqualTo("CVE-2025-99991");
    assertThat(r.rejected().get(0).toString())
        .contains("vulnerabilities[2]", "cpeMatch[0].criteria is not a CPE 2.3 name");
    assertThat(r.rejected().get(1).toString())
        .contains("CVE-2025-99992", "versionEndIncluding is not a version string");
    assertThat(r.startIndex()).isZero();
    assertThat(r.nextStart()).isEqualTo(5);
    CveRecord httpd = r.records().get(0);
    assertThat(httpd.cvssVector()).startsWith("CVSS:3.1/AV:N");
    assertThat(httpd.title()).startsWith("A path traversal");
    // the platform an application runs on (vulnerable: false) is not an affected product
    assertThat(httpd.affected())
        .extracting(CveRecord.Affected::product)
        .containsExactly("http_server", "fedora_httpd");
    assertThat(r.records().get(2).state()).isEqualTo("REJECTED");
  }

  @Test
  void nvdRangesDecideVersionsAsTheConfigurationsSay() {
    NvdReader.Result r = NvdReader.read(ParsersTest.resource("nvd-page.json"));
    Knowledge k = new Knowledge(r.records(), List.of());
    String httpd = "cpe:2.3:a:apache:http_server:*:*:*:*:*:*:*:*";
    assertThat(status(k, httpd, "2.4.49", "CVE-2021-41773")).isEqualTo("affected");
    assertThat(status(k, httpd, "2.4.50", "CVE-2021-41773")).isEqualTo("none");
    String log4j = "cpe:2.3:a:apache:log4j:*:*:*:*:*:*:*:*";
    assertThat(status(k, log4j, "2.14.1", "CVE-2021-44228")).isEqualTo("affected");
    assertThat(status(k, log4j, "2.3.0", "CVE-2021-44228")).isEqualTo("affected");
    assertThat(status(k, log4j, "2.3.1", "CVE-2021-44228")).isEqualTo("none");
    // versionStartExcluding: 2.12.2 itself is outside, 2.12.3 inside
    assertThat(status(k, log4j, "2.12.2", "CVE-2021-44228")).isEqualTo("none");
    assertThat(status(k, log4j, "2.12.3", "CVE-2021-44228")).isEqualTo("affected");
    assertThat(status(k, log4j, "2.15.0", "CVE-2021-44228")).isEqualTo("none");
    assertThat(status(k, log4j, "1.2.17", "CVE-2021-44228")).isEqualTo("none");
  }

  @Test
  void nvdPagesAndBrokenDocuments() {
    NvdReader.Result last =
        NvdReader.read(
            text(
                "{\"resultsPerPage\":2,\"startIndex\":10,\"totalResults\":12,"
                    + "\"vulnerabilities\":[7,{\"cve\":{}}]}"));
    assertThat(last.nextStart()).isEqualTo(-1);
    assertThat(last.rejected())
        .extracting(Rejected::reason)
        .containsExactly("is not a JSON object", "cve.id is missing");
    assertThatThrownBy(() -> NvdReader.read(text("{\"vulnerabilities\":[{\"cve\":")))
        .isInstanceOf(ExposureInputException.class)
        .hasMessageContaining("not valid JSON");
    assertThatThrownBy(() -> NvdReader.read(text("{\"resultsPerPage\":1}")))
        .isInstanceOf(ExposureInputException.class)
        .hasMessageContaining("no vulnerabilities[]");
    assertThatThrownBy(() -> NvdReader.read(text("[]")))
        .isInstanceOf(ExposureInputException.class)
        .hasMessageContaining("JSON object");
    assertThatThrownBy(() -> NvdReader.read(text("{\"startIndex\":\"0\",\"vulnerabilities\":[]}")))
        .hasMessageContaining("startIndex: is not a non-negative whole number");
  }

  @Test
  void readsJvnVuldefKeepingJapaneseTitlesAndRefusingTheMalformedAlone() {
    JvnReader.Result r = JvnReader.read(ParsersTest.resource("jvn-vuldef.xml"));
    assertThat(r.entries())
        .extracting(JvnReader.Entry::jvnId)
        .containsExactly("JVNDB-2026-000101", "JVNDB-2026-000102");
    assertThat(r.rejected()).hasSize(2);
    assertThat(r.rejected().get(0).toString())
        .contains("JVNDB-2026-000103", "AffectedItem[0].Cpe is not a CPE name");
    assertThat(r.rejected().get(1).toString())
        .contains("JVN-2026-1", "VulinfoID is not a JVNDB id");
    assertThat(r.nextStart()).isEqualTo(5);
    JvnReader.Entry router = r.entries().get(0);
    assertThat(router.title()).isEqualTo("試験用ルータ製品におけるOSコマンドインジェクションの脆弱性");
    CveRecord rec = router.records().get(0);
    assertThat(rec.cveId()).isEqualTo("CVE-2026-10001");
    assertThat(rec.cvssVector()).isEqualTo("CVSS:3.0/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H");
    assertThat(rec.affected().get(0).cpes())
        .containsExactly("cpe:2.3:o:testdenki:tr-5000_firmware:*:*:*:*:*:*:*:*");
    // an entry naming no CVE keeps its JVNDB id
    assertThat(r.entries().get(1).records().get(0).cveId()).isEqualTo("JVNDB-2026-000102");
  }

  @Test
  void jvnVersionTextsAreReadWhereTheyAreClearAndUnknownElsewhere() {
    JvnReader.Result r = JvnReader.read(ParsersTest.resource("jvn-vuldef.xml"));
    List<CveRecord> all = new ArrayList<>();
    r.entries().forEach(e -> all.addAll(e.records()));
    Knowledge k = new Knowledge(all, List.of());
    String tr5 = "cpe:2.3:o:testdenki:tr-5000_firmware:*:*:*:*:*:*:*:*";
    assertThat(status(k, tr5, "1.0.4", "CVE-2026-10001")).isEqualTo("affected");
    assertThat(status(k, tr5, "1.0.2", "CVE-2026-10001")).isEqualTo("affected");
    assertThat(status(k, tr5, "2.1.0", "CVE-2026-10001")).isEqualTo("affected");
    // 「3.0 系の一部」 is not read: every version no text covers stays possible, never "none"
    assertThat(status(k, tr5, "3.0.2", "CVE-2026-10001")).isEqualTo("possible");
    String tr7 = "cpe:2.3:o:testdenki:tr-7000_firmware:*:*:*:*:*:*:*:*";
    assertThat(status(k, tr7, "4.2.0", "CVE-2026-10001")).isEqualTo("affected");
    assertThat(status(k, tr7, "4.2.1", "CVE-2026-10001")).isEqualTo("possible");
    String gyomu = "cpe:2.3:a:sample-joho:gyomu_server:*:*:*:*:*:*:*:*";
    assertThat(status(k, gyomu, "8.0", "JVNDB-2026-000102")).isEqualTo("affected");
  }

  @Test
  void jvnVersionShapes() {
    Map<String, String> shapes =
        List.of(
                "1.2.3",
                "v1.2.3 およびそれ以前",
                "バージョン 5.1 以前",
                "4.0 より前のバージョン",
                "4.0 未満",
                "prior to 4.0",
                "1.0 から 1.2 まで",
                "1.0 ～ 1.2",
                "6.0 以降",
                "20.4R3-S8",
                "全てのバージョン")
            .stream()
            .collect(
                Collectors.toMap(
                    Function.identity(),
                    t -> {
                      CveRecord.VersionEntry e = JvnReader.version(t);
                      return e == null ? "unread" : e.describe();
                    }));
    assertThat(shapes)
        .containsEntry("1.2.3", "v = 1.2.3")
        .containsEntry("v1.2.3 およびそれ以前", "v ≤ 1.2.3")
        .containsEntry("バージョン 5.1 以前", "v ≤ 5.1")
        .containsEntry("4.0 より前のバージョン", "v < 4.0")
        .containsEntry("4.0 未満", "v < 4.0")
        .containsEntry("prior to 4.0", "v < 4.0")
        .containsEntry("1.0 から 1.2 まで", "1.0 ≤ v ≤ 1.2")
        .containsEntry("1.0 ～ 1.2", "1.0 ≤ v ≤ 1.2")
        .containsEntry("6.0 以降", "6.0 ≤ v < *")
        .containsEntry("20.4R3-S8", "v = 20.4R3-S8")
        .containsEntry("全てのバージョン", "unread");
  }

  @Test
  void jvnRefusesHostileOrWrongDocumentsWhole() {
    assertThatThrownBy(
            () ->
                JvnReader.read(
                    text(
                        "<?xml version=\"1.0\"?><!DOCTYPE d [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>"
                            + "<VULDEF-Document><Vulinfo><VulinfoID>&x;</VulinfoID></Vulinfo></VULDEF-Document>")))
        .isInstanceOf(ExposureInputException.class);
    assertThatThrownBy(() -> JvnReader.read(text("<rss/>")))
        .hasMessageContaining("not a VULDEF document");
    assertThatThrownBy(() -> JvnReader.read(text("<VULDEF-Document><Vulinfo>")))
        .hasMessageContaining("not well-formed XML");
    assertThatThrownBy(
            () ->
                JvnReader.read(
                    text(
                        "<VULDEF-Document xmlns:status=\"http://jvndb.jvn.jp/myjvn/Status\">"
                            + "<status:Status retCd=\"1\" errCd=\"1001\" errMsg=\"invalid\"/></VULDEF-Document>")))
        .hasMessageContaining("MyJVN answered an error: invalid (1001)");
  }

  @Test
  void storedRecordsReadBackTheSame() {
    NvdReader.Result n = NvdReader.read(ParsersTest.resource("nvd-page.json"));
    JvnReader.Result j = JvnReader.read(ParsersTest.resource("jvn-vuldef.xml"));
    List<CveRecord> all = new ArrayList<>(n.records());
    j.entries().forEach(e -> all.addAll(e.records()));
    for (CveRecord r : all) {
      assertThat(CveReader.stored(CveReader.json(r))).isEqualTo(r);
    }
  }
}
