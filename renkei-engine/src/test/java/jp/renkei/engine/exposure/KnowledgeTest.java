package jp.renkei.engine.exposure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class KnowledgeTest {

  static List<CveRecord> records() {
    List<CveRecord> all =
        new ArrayList<>(CveReader.read(ParsersTest.resource("cve-2021-41773.json")).records());
    all.addAll(CveReader.read(ParsersTest.resource("cves.jsonl")).records());
    return all;
  }

  static KevEntry kev(String cve, String vendor, String product) {
    return new KevEntry(
        cve,
        vendor,
        product,
        product + " vulnerability",
        LocalDate.of(2021, 11, 3),
        LocalDate.of(2021, 11, 17),
        "",
        "Apply updates",
        "Known",
        "",
        List.of());
  }

  private final Knowledge knowledge =
      new Knowledge(
          records(),
          List.of(
              kev("CVE-2021-41773", "Apache", "HTTP Server"),
              kev("CVE-2023-36844", "Juniper", "Junos OS"),
              kev("CVE-2022-26134", "Atlassian", "Confluence Server and Data Center"),
              kev("CVE-2024-3400", "Palo Alto Networks", "PAN-OS")));

  private static ServiceAsset service(long id, String cpe, String purl, String version) {
    return new ServiceAsset(id, ProductId.of(cpe, purl, version), "high", true);
  }

  @Test
  void aCpeAndAVersionInsideTheRangeIsAffectedWithEvidence() {
    List<Finding> f =
        knowledge.match(
            service(1, "cpe:2.3:a:apache:http_server:2.4.49:*:*:*:*:*:*:*", null, null));
    assertThat(f).hasSize(1);
    Finding x = f.get(0);
    assertThat(x.cveId()).isEqualTo("CVE-2021-41773");
    assertThat(x.status()).isEqualTo("affected");
    assertThat(x.kev()).isNotNull();
    assertThat(x.evidence())
        .extracting(Evidence::code)
        .containsExactly("cpe-match", "exact", "kev");
  }

  @Test
  void aFixedVersionIsNotAFinding() {
    assertThat(
            knowledge.match(
                service(1, "cpe:2.3:a:apache:http_server:2.4.51:*:*:*:*:*:*:*", null, null)))
        .isEmpty();
  }

  @Test
  void aPurlMatchesThePackageOfTheRecord() {
    List<Finding> f =
        knowledge.match(
            service(2, null, "pkg:maven/org.apache.logging.log4j/log4j-core@2.14.1", null));
    assertThat(f).extracting(Finding::cveId).containsExactly("CVE-2021-44228");
    assertThat(f.get(0).evidence())
        .extracting(Evidence::code)
        .containsExactly("purl-match", "in-range");
    assertThat(
            knowledge.match(
                service(2, null, "pkg:maven/org.apache.logging.log4j/log4j-core@2.17.1", null)))
        .isEmpty();
  }

  @Test
  void vendorNamesMeetCpeNamesAndUndecidableVersionsArePossible() {
    List<Finding> f =
        knowledge.match(
            service(3, "cpe:2.3:o:juniper:junos_os:*:*:*:*:*:*:*:*", null, "20.4R3-S8"));
    assertThat(f).extracting(Finding::status).containsExactly("affected");
    List<Finding> g =
        knowledge.match(service(3, "cpe:2.3:o:juniper:junos_os:*:*:*:*:*:*:*:*", null, "20.4R3"));
    assertThat(g).extracting(Finding::status).containsExactly("possible");
    assertThat(g.get(0).evidence())
        .extracting(Evidence::code)
        .containsExactly("name-match", "suffix", "kev");
  }

  /**
   * CPE runs a vendor's words together (paloaltonetworks) where KEV spells them out (Palo Alto
   * Networks): the name match still meets them. A new user's walk found PAN-OS 10.2.9 with no
   * finding for CVE-2024-3400, a KEV entry.
   */
  @Test
  void aVendorWrittenAsOneWordInTheCpeMeetsItsKevName() {
    List<Finding> f =
        knowledge.match(
            service(5, "cpe:2.3:o:paloaltonetworks:pan-os:10.2.9:*:*:*:*:*:*:*", null, null));
    assertThat(f).extracting(Finding::cveId).containsExactly("CVE-2024-3400");
    assertThat(f).extracting(Finding::status).containsExactly("possible");
    // another vendor's product of the same name is not met
    assertThat(
            knowledge.match(
                service(5, "cpe:2.3:o:paloalto_other:pan-os:10.2.9:*:*:*:*:*:*:*", null, null)))
        .isEmpty();
  }

  @Test
  void aKevEntryWithoutARecordIsAPossibleFindingByName() {
    List<Finding> f =
        knowledge.match(
            service(
                4,
                "cpe:2.3:a:atlassian:confluence_server_and_data_center:7.13.0:*:*:*:*:*:*:*",
                null,
                null));
    assertThat(f).extracting(Finding::status).containsExactly("possible");
    assertThat(f.get(0).evidence())
        .extracting(Evidence::code)
        .containsExactly("name-match", "no-ranges", "kev");
  }

  @Test
  void anotherVendorsProductOfTheSameNameDoesNotMatch() {
    assertThat(
            knowledge.match(
                service(5, "cpe:2.3:o:othervendor:junos_os:1:*:*:*:*:*:*:*", null, null)))
        .isEmpty();
  }

  @Test
  void aDistributionPackageInTheRangeIsPossibleNotAffected() {
    List<Finding> f =
        knowledge.match(
            service(
                6, null, "pkg:maven/org.apache.logging.log4j/log4j-core@2.14.1-1ubuntu1", null));
    assertThat(f).extracting(Finding::status).containsExactly("possible");
  }

  @Test
  void malformedIdentifiersAreRefusedWithTheField() {
    assertThatThrownBy(() -> ProductId.of("cpe:2.3:a:broken", null, null))
        .hasMessageStartingWith("cpe: ");
    assertThatThrownBy(() -> ProductId.of(null, "maven/x", null)).hasMessageStartingWith("purl: ");
    assertThatThrownBy(() -> ProductId.of("cpe:/a:apache:http_server", null, null))
        .hasMessageStartingWith("cpe: not a CPE 2.3");
    assertThatThrownBy(() -> ProductId.of(null, null, "1.0")).hasMessageStartingWith("cpe/purl:");
  }

  private static final List<ServiceAsset> SERVICES =
      List.of(
          service(1, "cpe:2.3:a:apache:http_server:2.4.49:*:*:*:*:*:*:*", null, null),
          service(2, "cpe:2.3:o:juniper:junos:20.4:r3-s8:*:*:*:*:*:*", null, null),
          service(3, "cpe:2.3:a:atlassian:confluence_server:7.13.0:*:*:*:*:*:*:*", null, null),
          service(4, null, "pkg:maven/org.apache.logging.log4j/log4j-core@2.14.1", null),
          service(5, "cpe:2.3:o:microsoft:windows:10:*:*:*:*:*:*:*", null, null),
          service(6, "cpe:2.3:a:acme:gateway:1.0:*:*:*:*:*:*:*", null, null));

  @Test
  void anotherKevCatalogueOnTheSameRecordsMatchesAsAKnowledgeBuiltAfresh() {
    List<KevEntry> changed =
        List.of(
            kev("CVE-2021-41773", "Apache", "HTTP Server"),
            kev("CVE-2021-44228", "Apache", "Log4j2"),
            kev("CVE-2099-0001", "Microsoft", "Windows"),
            kev("CVE-2099-0002", "Acme", "Gateway"));
    Knowledge kevOnly = knowledge.withKev(changed);
    Knowledge afresh = new Knowledge(records(), changed);
    for (ServiceAsset s : SERVICES) {
      assertThat(kevOnly.match(s)).as("service %d", s.id()).isEqualTo(afresh.match(s));
    }
    // the Junos and Confluence entries left this catalogue: their KEV facts are gone too
    assertThat(kevOnly.kev("CVE-2023-36844")).isNull();
    assertThat(kevOnly.match(SERVICES.get(4)))
        .extracting(Finding::cveId)
        .containsExactly("CVE-2099-0001");
    // the first knowledge is unchanged
    assertThat(knowledge.match(SERVICES.get(4))).isEmpty();
    assertThat(knowledge.kev("CVE-2023-36844")).isNotNull();
  }

  @Test
  void aServiceWithAFindingHasALookupKeyAmongTheKnowledgesKeys() {
    Knowledge k =
        knowledge.withKev(
            List.of(
                kev("CVE-2021-41773", "Apache", "HTTP Server"),
                kev("CVE-2099-0002", "Acme", "Gateway")));
    for (ServiceAsset s : SERVICES) {
      List<String> keys = Knowledge.lookupKeys(s.product());
      boolean meets = keys.stream().anyMatch(k.keys()::contains);
      if (!k.match(s).isEmpty()) {
        assertThat(meets).as("service %d keys %s", s.id(), keys).isTrue();
      }
    }
    assertThat(Knowledge.lookupKeys("cpe:2.3:a:acme:gateway:1.0:*:*:*:*:*:*:*", null, null))
        .containsExactly("cpe:gateway", "name:gateway");
    assertThat(Knowledge.lookupKeys(null, "pkg:maven/org.apache.logging.log4j/log4j-core", "2.1"))
        .containsExactly("purl:maven:org.apache.logging.log4j:log4j-core");
    assertThat(Knowledge.lookupKeys("cpe:2.3:a:broken", null, null)).isEmpty();
  }
}
