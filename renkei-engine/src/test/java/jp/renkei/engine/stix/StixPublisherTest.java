package jp.renkei.engine.stix;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import jp.renkei.engine.policy.Tlp;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

class StixPublisherTest {

  static final UUID HUB = UUID.fromString("6c1b2a53-6b8e-4a53-9d5f-2f7c0f3e9a11");
  final StixPublisher publisher = new StixPublisher(HUB);
  final StixValidator validator = new StixValidator();
  static final Instant T0 = Instant.parse("2026-04-01T09:30:00Z");
  static final Instant T1 = Instant.parse("2026-04-02T10:00:00Z");
  static final List<StixPublisher.Observed> OBS =
      List.of(
          new StixPublisher.Observed("domain-name", "c2.example.net"),
          new StixPublisher.Observed("ipv4-addr", "198.51.100.7"),
          new StixPublisher.Observed("cidr", "203.0.113.0/24"),
          new StixPublisher.Observed("url", "http://x.example/it's"),
          new StixPublisher.Observed("email-addr", "kanri@example.jp"),
          new StixPublisher.Observed("sha256", "a".repeat(64)));

  List<String> problems(ObjectNode bundle) {
    List<String> out = new ArrayList<>();
    for (JsonNode o : bundle.path("objects")) {
      validator.validate(o).forEach(p -> out.add(o.path("id").asString() + " " + p));
    }
    return out;
  }

  @Test
  void anAdvisoryIsAValidReportWithIndicatorsAndANote() {
    ObjectNode b =
        publisher.advisory(
            42,
            new StixPublisher.Party("nisc", "内閣サイバーセキュリティセンター", null, false),
            Tlp.AMBER,
            "注意喚起: 不審な通信先",
            "本文",
            "プロキシログを確認してください",
            OBS,
            T0,
            T1);
    assertThat(problems(b)).isEmpty();
    List<String> types = new ArrayList<>();
    b.path("objects").forEach(o -> types.add(o.path("type").asString()));
    assertThat(types)
        .contains("identity", "report", "note")
        .filteredOn("indicator"::equals)
        .hasSize(6);
    assertThat(b.toString()).contains("[url:value = 'http://x.example/it\\\\'s']");
    assertThat(b.toString()).contains(TlpMarkings.idOf(Tlp.AMBER));
    // publishing again gives the same ids: new versions, not new objects
    ObjectNode again =
        publisher.advisory(
            42,
            new StixPublisher.Party("nisc", "x", null, false),
            Tlp.AMBER,
            "t",
            "b",
            "",
            OBS,
            T0,
            T1);
    assertThat(again.path("objects").findValuesAsString("id"))
        .containsAll(
            b.path("objects").findValuesAsString("id").stream()
                .filter(id -> !id.startsWith("note--"))
                .toList());
  }

  @Test
  void observablesAndActionsALaterVersionDropsArePublishedRevokedAndLeaveTheReport() {
    StixPublisher.Observed kept = new StixPublisher.Observed("domain-name", "kept.example");
    StixPublisher.Observed dropped = new StixPublisher.Observed("ipv4-addr", "203.0.113.9");
    ObjectNode b =
        publisher.advisory(
            43,
            new StixPublisher.Party("nisc", "NISC", null, false),
            Tlp.GREEN,
            "訂正",
            "本文",
            null,
            List.of(kept),
            List.of(dropped, kept),
            "古い対策",
            T0,
            T1,
            false);
    assertThat(problems(b)).isEmpty();
    List<JsonNode> indicators = new ArrayList<>();
    for (JsonNode o : b.path("objects")) {
      if (o.path("type").asString().equals("indicator")) {
        indicators.add(o);
      }
    }
    assertThat(indicators).hasSize(2);
    JsonNode live =
        indicators.stream()
            .filter(i -> i.path("name").asString().equals("kept.example"))
            .findFirst()
            .orElseThrow();
    JsonNode gone =
        indicators.stream()
            .filter(i -> i.path("name").asString().equals("203.0.113.9"))
            .findFirst()
            .orElseThrow();
    assertThat(live.has("revoked")).isFalse();
    assertThat(gone.path("revoked").asBoolean()).isTrue();
    JsonNode note = b.path("objects").findParents("abstract").get(0);
    assertThat(note.path("content").asString()).isEqualTo("古い対策");
    assertThat(note.path("revoked").asBoolean()).as("actions the current version dropped").isTrue();
    JsonNode report = b.path("objects").findParents("report_types").get(0);
    assertThat(report.path("object_refs").toString())
        .contains(live.path("id").asString())
        .doesNotContain(gone.path("id").asString());
  }

  @Test
  void anAnonymisedIncidentNamesOnlyTheSector() {
    ObjectNode b =
        publisher.incident(
            7,
            new StixPublisher.Party("op-gas-1", "ガス分野の重要インフラ事業者", "gas", true),
            Tlp.GREEN,
            "制御系ネットワークへの不正アクセス",
            "概要",
            "unauthorised_access",
            "high",
            T0,
            T1,
            OBS,
            List.of(new StixPublisher.Comment("ガスセプター", "会員へ展開済み", T1)),
            T1,
            T1);
    assertThat(problems(b)).isEmpty();
    JsonNode identity = b.path("objects").get(0);
    assertThat(identity.path("identity_class").asString()).isEqualTo("class");
    assertThat(identity.path("sectors").get(0).asString()).isEqualTo("utilities");
    assertThat(b.toString()).doesNotContain("op-gas-1");
    List<String> types = new ArrayList<>();
    b.path("objects").forEach(o -> types.add(o.path("type").asString()));
    assertThat(types)
        .contains("incident", "observed-data", "domain-name", "file", "note", "report");
  }

  /**
   * Links as analysts type them (an internationalised host and path, characters RFC 3986 does not
   * allow) go out as the URIs peers' validators accept, the same value in the object and the
   * pattern; found with the OASIS stix2-validator, which refused such a report's bundle.
   */
  @Test
  void linksGoOutAsUrisPeersAccept() {
    List<StixPublisher.Observed> links =
        List.of(
            new StixPublisher.Observed("url", "https://xn--r8jz45g.jp/パス?q=値"),
            new StixPublisher.Observed("url", "https://evil.example/a\\b|c^d`e{f}g<h>i\"j"),
            new StixPublisher.Observed("url", "ftp://evil.example/%zz%"),
            new StixPublisher.Observed("email-addr", "o'brien+x@evil.example"));
    ObjectNode incident =
        publisher.incident(
            8,
            new StixPublisher.Party("bank", "さくら架空銀行", "finance", false),
            Tlp.GREEN,
            "t",
            "s",
            "malware",
            "high",
            T0,
            T1,
            links,
            List.of(),
            T1,
            T1);
    ObjectNode advisory =
        publisher.advisory(
            43,
            new StixPublisher.Party("nisc", "NCO", null, false),
            Tlp.GREEN,
            "t",
            "b",
            "",
            links,
            T0,
            T1);
    for (ObjectNode b : List.of(incident, advisory)) {
      assertThat(problems(b)).isEmpty();
      assertThat(StixConformance.problems(b)).isEmpty();
    }
    assertThat(incident.toString())
        .contains("\"value\":\"https://xn--r8jz45g.jp/%E3%83%91%E3%82%B9?q=%E5%80%A4\"")
        .contains("\"value\":\"https://evil.example/a/b%7Cc%5Ed%60e%7Bf%7Dg%3Ch%3Ei%22j\"")
        .contains("\"value\":\"ftp://evil.example/%25zz%25\"");
    assertThat(advisory.toString())
        .contains("[url:value = 'https://xn--r8jz45g.jp/%E3%83%91%E3%82%B9?q=%E5%80%A4']")
        .contains("[url:value = 'ftp://evil.example/%25zz%25']");
  }

  @Test
  void scoIdsAreDeterministicVersion5() {
    UUID a = StixPublisher.uuid5(StixPublisher.SCO_NAMESPACE, "{\"value\":\"c2.example.net\"}");
    assertThat(a)
        .isEqualTo(
            StixPublisher.uuid5(StixPublisher.SCO_NAMESPACE, "{\"value\":\"c2.example.net\"}"));
    assertThat(a.version()).isEqualTo(5);
    assertThat(a.variant()).isEqualTo(2);
  }
}
