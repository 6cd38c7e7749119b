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
