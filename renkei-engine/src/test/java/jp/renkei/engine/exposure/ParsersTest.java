package jp.renkei.engine.exposure;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

class ParsersTest {

  static final Path KEV =
      Path.of("../../shared/data/vuln/cisa-kev/known_exploited_vulnerabilities.json");

  static InputStream resource(String name) {
    return ParsersTest.class.getResourceAsStream("/exposure/" + name);
  }

  private static InputStream text(String s) {
    return new ByteArrayInputStream(s.getBytes(UTF_8));
  }

  @Test
  void readsTheWholeKevCatalogue() throws Exception {
    Path file = KEV.toAbsolutePath().normalize();
    Assumptions.assumeTrue(Files.exists(file), "KEV data not present at " + file);
    KevCatalog c;
    try (InputStream in = Files.newInputStream(file)) {
      c = KevReader.read(in);
    }
    assertThat(c.catalogVersion()).isEqualTo("2025.08.25");
    assertThat(c.entries()).hasSize(1404);
    assertThat(c.rejected()).isEmpty();
    KevEntry git = c.entries().get(0);
    assertThat(git.cveId()).isEqualTo("CVE-2025-48384");
    assertThat(git.dateAdded()).isEqualTo(LocalDate.of(2025, 8, 25));
    assertThat(git.dueDate()).isEqualTo(LocalDate.of(2025, 9, 15));
    assertThat(git.cwes()).contains("CWE-59");
  }

  @Test
  void refusesAMalformedKevEntryAloneWithItsIdAndReason() {
    String json =
        """
        {"catalogVersion":"t","vulnerabilities":[
          {"cveID":"CVE-2025-0001","vendorProject":"A","product":"B","dateAdded":"2025-01-02"},
          {"cveID":"CVE-2025-0002","vendorProject":"A","product":"B","dateAdded":"2025-13-40"},
          {"cveID":"not-a-cve","vendorProject":"A","product":"B","dateAdded":"2025-01-02"},
          {"cveID":"CVE-2025-0004","vendorProject":["x"],"product":"B","dateAdded":"2025-01-02"},
          42,
          {"cveID":"CVE-2025-0006","vendorProject":"A","product":"B","dateAdded":"2025-01-02","dueDate":"soon"},
          {"cveID":"CVE-2025-0007","vendorProject":"A","product":"B","dateAdded":"2025-01-03"}
        ]}
        """;
    KevCatalog c = KevReader.read(text(json));
    assertThat(c.entries())
        .extracting(KevEntry::cveId)
        .containsExactly("CVE-2025-0001", "CVE-2025-0007");
    assertThat(c.rejected())
        .extracting(Rejected::toString)
        .containsExactly(
            "vulnerabilities[1] (CVE-2025-0002): dateAdded is not a date (yyyy-mm-dd): 2025-13-40",
            "vulnerabilities[2] (not-a-cve): cveID is not a CVE id: not-a-cve",
            "vulnerabilities[3] (CVE-2025-0004): vendorProject is not a string",
            "vulnerabilities[4]: is not an object",
            "vulnerabilities[5] (CVE-2025-0006): dueDate is not a date (yyyy-mm-dd): soon");
  }

  @Test
  void brokenKevJsonSaysWhere() {
    assertThatThrownBy(() -> KevReader.read(text("{\"vulnerabilities\":[{\"cveID\":}")))
        .isInstanceOf(ExposureInputException.class)
        .hasMessageContaining("line 1, column");
    assertThatThrownBy(() -> KevReader.read(text("{\"title\":\"x\"}")))
        .hasMessage("vulnerabilities: missing");
  }

  @Test
  void readsCveRecordsOneOrManyAndRefusesTheBadOneAlone() {
    CveReader.Result one = CveReader.read(resource("cve-2021-41773.json"));
    assertThat(one.records()).hasSize(1);
    CveRecord r = one.records().get(0);
    assertThat(r.affected().get(0).cpes()).hasSize(1);
    assertThat(r.cvssVector()).startsWith("CVSS:3.1/AV:N");
    assertThat(r.title()).contains("Path traversal");

    CveReader.Result many = CveReader.read(resource("cves.jsonl"));
    assertThat(many.records())
        .extracting(CveRecord::cveId)
        .containsExactly("CVE-2021-44228", "CVE-2023-36844", "CVE-2024-12345", "CVE-2020-0001");
    assertThat(many.rejected())
        .extracting(Rejected::toString)
        .containsExactly(
            "record 3 (CVE-2024-99999): containers.cna.affected[0].versions[0]"
                + " has both lessThan and lessThanOrEqual");
    CveRecord gadget = many.records().get(2);
    assertThat(gadget.affected().get(0).versions().get(0).changes()).hasSize(2);
    assertThat(gadget.cvssVector()).startsWith("CVSS:4.0");
  }

  @Test
  void cveRecordRulesAreCheckedWithTheirPath() {
    String json =
        """
        [{"cveMetadata":{"cveId":"CVE-2024-0001","state":"PUBLISHED"},"containers":{"cna":{}}},
         {"cveMetadata":{"cveId":"CVE-2024-0002","state":"PUBLISHED"},"containers":{"cna":{"affected":[{"vendor":"A"}]}}},
         {"cveMetadata":{"cveId":"CVE-2024-0003","state":"PUBLISHED"},"containers":{"cna":{"affected":[{"vendor":"A","product":"B","versions":[{"version":"1","lessThan":"2","status":"affected"}]}]}}},
         {"cveMetadata":{"cveId":"CVE-2024-0004","state":"PUBLISHED"},"containers":{"cna":{"affected":[{"vendor":"A","product":"B","versions":[{"version":"1","status":"broken"}]}]}}},
         {"cveMetadata":{"state":"PUBLISHED"}},
         "text"]
        """;
    CveReader.Result r = CveReader.read(text(json));
    assertThat(r.records()).isEmpty();
    assertThat(r.rejected())
        .extracting(Rejected::toString)
        .containsExactly(
            "record 1 (CVE-2024-0001): containers.cna.affected is missing or empty",
            "record 2 (CVE-2024-0002): containers.cna.affected[0] needs vendor and product,"
                + " or collectionURL and packageName",
            "record 3 (CVE-2024-0003): containers.cna.affected[0].versions[0] is a range without"
                + " versionType",
            "record 4 (CVE-2024-0004): containers.cna.affected[0].versions[0].status is not"
                + " affected/unaffected/unknown: broken",
            "record 5: cveMetadata.cveId is missing",
            "record 6: is not a JSON object");
  }

  @Test
  void readsEpssAndRefusesBadLinesAlone() {
    String csv =
        """
        #model_version:v2025.03.14,score_date:2025-08-25T00:00:00+0000
        cve,epss,percentile
        CVE-2021-41773,0.94358,0.99962
        CVE-2021-44228,1.5,0.9
        bogus,0.1,0.2
        CVE-2023-36844,0.93;0.99
        CVE-2024-12345,0.00043,0.1203
        """;
    EpssReader.Result r = EpssReader.read(new StringReader(csv));
    assertThat(r.modelVersion()).isEqualTo("v2025.03.14");
    assertThat(r.scores())
        .extracting(EpssScore::cveId)
        .containsExactly("CVE-2021-41773", "CVE-2024-12345");
    assertThat(r.rejected())
        .extracting(Rejected::toString)
        .containsExactly(
            "line 4 (CVE-2021-44228): epss and percentile must be numbers between 0 and 1",
            "line 5: not a CVE id: bogus",
            "line 6: expected 3 columns, found 2");
    assertThatThrownBy(() -> EpssReader.read(new StringReader("a,b\n")))
        .hasMessageContaining("line 1: expected the header");
  }
}
