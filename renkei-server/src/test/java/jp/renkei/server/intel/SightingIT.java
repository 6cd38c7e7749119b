package jp.renkei.server.intel;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import jp.renkei.server.directory.Organisation;
import jp.renkei.server.directory.Role;
import jp.renkei.server.directory.UserAccount;
import jp.renkei.server.support.Fixtures;
import jp.renkei.server.support.ServerTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * An indicator's sightings: readers see the sightings they may see; the publisher sees all of them
 * only in aggregate; whoever may not see the indicator learns nothing.
 */
class SightingIT extends ServerTest {

  static final String RED = "marking-definition--e828b379-4e03-4974-9ac4-e53a884c97c1";
  static final String GREEN = "marking-definition--bab4a63c-aed9-4cf5-a766-dfca5abac2bb";

  @Autowired Fixtures fixtures;
  @Autowired IntelService intel;

  StixCollection gas() {
    return intel.allCollections().stream()
        .filter(c -> "gas".equals(c.sectorCode()))
        .findFirst()
        .orElseThrow();
  }

  void post(UserAccount u, StixCollection c, String object) {
    fixtures.ingest(u, c, object);
  }

  static String sighting(String indicator, int count, String marking) {
    return jp.renkei.server.support.StixSamples.sighting(indicator, count, marking);
  }

  @Test
  void readersSeeWhatTheyMaySeeAndThePublisherOnlyTheAggregate() {
    Organisation publisherOrg = fixtures.operator("gas");
    UserAccount publisher = fixtures.user(publisherOrg, Role.ANALYST);
    UserAccount a = fixtures.user(fixtures.operator("gas"), Role.ANALYST);
    Organisation bOrg = fixtures.operator("gas");
    UserAccount b = fixtures.user(bOrg, Role.ANALYST);
    UserAccount reader = fixtures.user(fixtures.operator("gas"), Role.MEMBER);
    UserAccount rail = fixtures.user(fixtures.operator("railway"), Role.MEMBER);
    String indicator = "indicator--" + UUID.randomUUID();
    post(
        publisher,
        gas(),
        """
        {"type":"indicator","spec_version":"2.1","id":"%s","created":"2026-04-01T00:00:00.000Z",
         "modified":"2026-04-01T00:00:00.000Z","pattern_type":"stix","valid_from":"2026-04-01T00:00:00Z",
         "pattern":"[domain-name:value = 'pension-c2.example.org']","object_marking_refs":["%s"]}
        """
            .formatted(indicator, GREEN));
    post(a, gas(), sighting(indicator, 5, GREEN));
    post(b, intel.collectionOfOrganisation(bOrg.id()).orElseThrow(), sighting(indicator, 2, RED));

    var api = "/api/v1/indicators/" + indicator + "/sightings";
    var forPublisher = http().bearer(fixtures.token(publisher)).get(api);
    assertThat(forPublisher.statusCode()).isEqualTo(200);
    assertThat(forPublisher.body())
        .contains(
            "\"aggregateOnly\":true",
            "\"sightings\":2",
            "\"count\":7",
            "\"sectorCount\":1",
            "\"sectors\":[]");

    var forReader = http().bearer(fixtures.token(reader)).get(api);
    assertThat(forReader.body())
        .contains(
            "\"aggregateOnly\":false", "\"sightings\":1", "\"count\":5", "\"sectors\":[\"gas\"]")
        .contains("\"firstSeen\":\"2026-05-01T00:00:00Z\"");

    assertThat(http().bearer(fixtures.token(rail)).get(api).statusCode()).isEqualTo(404);

    // the pages: the publisher's list and home notice are aggregate only; a reader's lookup shows
    // the sightings it may see; someone who may not see the indicator learns nothing
    var pub = http();
    pub.signIn(publisher.login(), Fixtures.PASSWORD);
    String list = pub.get("/intel/sightings").body();
    assertThat(list).contains("id=\"own-sightings\"", indicator, "pension-c2.example.org");
    String row = list.substring(list.indexOf(indicator));
    assertThat(row.substring(0, row.indexOf("</tr>")))
        .contains("<td>2</td>", "<td>7</td>", "<td>1</td>")
        .doesNotContain(bOrg.nameJa(), "gas", "ガス");
    assertThat(pub.get("/").body()).contains("id=\"sighting-notice\"", "観測情報が 2 件");
    String lookup = pub.get("/intel/sightings?indicator=" + indicator).body();
    assertThat(lookup).contains("id=\"sighting-summary\"", "分野数のみ");

    var read = http();
    read.signIn(reader.login(), Fixtures.PASSWORD);
    assertThat(read.get("/intel/sightings").body()).contains("id=\"own-none\"");
    assertThat(read.get("/").body()).doesNotContain("sighting-notice");
    String readerView = read.get("/intel/sightings?indicator=" + indicator).body();
    assertThat(readerView.substring(readerView.indexOf("id=\"sighting-summary\"")))
        .contains("<dd>1</dd>", "<dd>5</dd>", "<dd>ガス</dd>");

    var railway = http();
    railway.signIn(rail.login(), Fixtures.PASSWORD);
    String hidden = railway.get("/intel/sightings?indicator=" + indicator).body();
    String absent =
        railway.get("/intel/sightings?indicator=indicator--" + UUID.randomUUID()).body();
    assertThat(hidden).contains("id=\"sighting-not-found\"").doesNotContain("sighting-summary");
    assertThat(absent).contains("id=\"sighting-not-found\"");
    assertThat(
            http()
                .bearer(fixtures.token(reader))
                .get("/api/v1/indicators/indicator--" + UUID.randomUUID() + "/sightings")
                .statusCode())
        .isEqualTo(404);
  }

  @Autowired SightingDigest digest;
  @Autowired jp.renkei.server.directory.DirectoryService directory;

  @Test
  void thePublisherHearsOnceByEmailAndOnlyInAggregate() throws Exception {
    Organisation publisherOrg = fixtures.operator("gas");
    UserAccount publisher = fixtures.user(publisherOrg, Role.ANALYST);
    Organisation reporterOrg = fixtures.operator("gas");
    UserAccount reporter = fixtures.user(reporterOrg, Role.ANALYST);
    String duty = "duty-" + UUID.randomUUID() + "@publisher.example";
    String reporterDuty = "duty-" + UUID.randomUUID() + "@reporter.example";
    directory.setDelivery(jp.renkei.server.audit.Actor.cli(), publisherOrg.id(), duty, null);
    directory.setDelivery(jp.renkei.server.audit.Actor.cli(), reporterOrg.id(), reporterDuty, null);
    String indicator = "indicator--" + UUID.randomUUID();
    post(
        publisher,
        gas(),
        """
        {"type":"indicator","spec_version":"2.1","id":"%s","created":"2026-04-01T00:00:00.000Z",
         "modified":"2026-04-01T00:00:00.000Z","pattern_type":"stix","valid_from":"2026-04-01T00:00:00Z",
         "name":"年金機構型 C2","pattern":"[domain-name:value = 'digest-c2.example.org']",
         "object_marking_refs":["%s"]}
        """
            .formatted(indicator, GREEN));
    // by another organisation, under RED in its own collection: counted, never described
    post(
        reporter,
        intel.collectionOfOrganisation(reporterOrg.id()).orElseThrow(),
        sighting(indicator, 3, RED));
    // by the publisher itself: not news to it
    post(publisher, gas(), sighting(indicator, 9, GREEN));

    var sent = digest.send();
    assertThat(sent)
        .extracting(SightingDigest.Digest::to)
        .contains(duty)
        .doesNotContain(reporterDuty);
    String mail = mailTo(duty);
    assertThat(mail)
        .contains("年金機構型 C2", indicator, "報告 1 件 / 検知 3 回", "/intel/sightings?indicator=")
        .doesNotContain(reporterOrg.nameJa(), reporterOrg.code(), "ガス", "RED");
    // nothing new: nothing sent
    assertThat(digest.send()).extracting(SightingDigest.Digest::to).doesNotContain(duty);
    // a new sighting by another organisation: one more e-mail, with only the new one counted
    post(reporter, gas(), sighting(indicator, 2, GREEN));
    assertThat(digest.send())
        .filteredOn(d -> d.to().equals(duty))
        .singleElement()
        .satisfies(d -> assertThat(d.lines().get(0).count()).isEqualTo(2));
  }

  /** The text of the newest e-mail GreenMail received for an address. */
  static String mailTo(String address) throws Exception {
    String text = null;
    for (jakarta.mail.internet.MimeMessage m : MAIL.getReceivedMessages()) {
      if (java.util.Arrays.stream(m.getAllRecipients())
          .anyMatch(a -> a.toString().equals(address))) {
        text = m.getSubject() + "\n" + m.getContent();
      }
    }
    assertThat(text).as("an e-mail to " + address).isNotNull();
    return text;
  }
}
