package jp.renkei.engine.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ChainVerifierTest {

  private record Stored(AuditRecord record, String previous, String hash) {}

  private static List<Stored> chainOf(int n) {
    List<Stored> chain = new ArrayList<>();
    String previous = AuditChain.GENESIS;
    for (int i = 1; i <= n; i++) {
      AuditRecord r =
          new AuditRecord(
              i,
              Instant.parse("2026-11-22T09:00:00.123456789Z").plusSeconds(i),
              "user:admin",
              7L,
              "auth.login",
              "user",
              String.valueOf(i),
              "success",
              i % 2 == 0 ? null : "{\"note\":\"第" + i + "報\"}",
              "127.0.0.1");
      String hash = AuditChain.hash(previous, r);
      chain.add(new Stored(r, previous, hash));
      previous = hash;
    }
    return chain;
  }

  private static ChainVerifier.Result verify(List<Stored> chain) {
    ChainVerifier v = new ChainVerifier();
    chain.forEach(s -> v.accept(s.record(), s.previous(), s.hash()));
    return v.result();
  }

  @Test
  void acceptsAnUntouchedChainAndReportsItsHead() {
    List<Stored> chain = chainOf(50);
    ChainVerifier.Result result = verify(chain);
    assertThat(result.intact()).isTrue();
    assertThat(result.entriesChecked()).isEqualTo(50);
    assertThat(result.headHash()).isEqualTo(chain.get(49).hash());
  }

  @Test
  void anEmptyChainIsIntactWithTheGenesisHead() {
    assertThat(verify(List.of()).intact()).isTrue();
    assertThat(verify(List.of()).headHash()).isEqualTo(AuditChain.GENESIS);
  }

  @Test
  void detectsAlteredContentAtTheAlteredEntry() {
    List<Stored> chain = chainOf(10);
    Stored s = chain.get(4);
    AuditRecord r = s.record();
    AuditRecord forged =
        new AuditRecord(
            r.seq(),
            r.occurredAt(),
            r.actor(),
            r.actorOrganisationId(),
            r.action(),
            r.targetType(),
            r.targetId(),
            "failure",
            r.detail(),
            r.clientAddress());
    chain.set(4, new Stored(forged, s.previous(), s.hash()));

    ChainVerifier.Result result = verify(chain);
    assertThat(result.firstBreak())
        .hasValueSatisfying(
            b -> {
              assertThat(b.seq()).isEqualTo(5);
              assertThat(b.problem()).isEqualTo(ChainVerifier.Problem.CONTENT_ALTERED);
            });
    assertThat(result.entriesChecked()).isEqualTo(10);
  }

  @Test
  void detectsARehashedForgeryAtTheNextEntry() {
    // An attacker who edits entry 3 and recomputes its hash still breaks entry 4's link.
    List<Stored> chain = chainOf(6);
    Stored s = chain.get(2);
    AuditRecord r = s.record();
    AuditRecord forged =
        new AuditRecord(
            r.seq(),
            r.occurredAt(),
            "user:someone-else",
            null,
            r.action(),
            null,
            null,
            "success",
            null,
            null);
    chain.set(2, new Stored(forged, s.previous(), AuditChain.hash(s.previous(), forged)));

    assertThat(verify(chain).firstBreak())
        .hasValueSatisfying(
            b -> {
              assertThat(b.seq()).isEqualTo(4);
              assertThat(b.problem()).isEqualTo(ChainVerifier.Problem.BROKEN_LINK);
            });
  }

  @Test
  void detectsADeletedEntry() {
    List<Stored> chain = chainOf(6);
    chain.remove(3);
    assertThat(verify(chain).firstBreak())
        .hasValueSatisfying(
            b -> {
              assertThat(b.seq()).isEqualTo(5);
              assertThat(b.problem()).isEqualTo(ChainVerifier.Problem.SEQUENCE_GAP);
            });
  }

  @Test
  void nullAndEmptyFieldsHashDifferently() {
    Instant t = Instant.parse("2026-01-01T00:00:00Z");
    AuditRecord withNull = new AuditRecord(1, t, "a", null, "x", null, null, "success", null, null);
    AuditRecord withEmpty = new AuditRecord(1, t, "a", null, "x", "", null, "success", null, null);
    assertThat(AuditChain.hash(AuditChain.GENESIS, withNull))
        .isNotEqualTo(AuditChain.hash(AuditChain.GENESIS, withEmpty));
  }

  @Test
  void fieldBoundariesCannotBeShifted() {
    Instant t = Instant.parse("2026-01-01T00:00:00Z");
    AuditRecord a = new AuditRecord(1, t, "ab", null, "c", null, null, "success", null, null);
    AuditRecord b = new AuditRecord(1, t, "a", null, "bc", null, null, "success", null, null);
    assertThat(AuditChain.hash(AuditChain.GENESIS, a))
        .isNotEqualTo(AuditChain.hash(AuditChain.GENESIS, b));
  }

  @Test
  void rejectsAMalformedPreviousHash() {
    AuditRecord r =
        new AuditRecord(1, Instant.now(), "a", null, "x", null, null, "success", null, null);
    assertThatThrownBy(() -> AuditChain.hash("abc", r))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("64 hex");
  }

  private static final Instant T = Instant.parse("2026-01-01T00:00:00Z");

  private static AuditRecord tally(String code, List<String> args) {
    return new AuditRecord(
        1, T, "a", null, "x", null, null, "success", "3 accepted, 0 refused", null, code, args);
  }

  /**
   * An entry without a detail code hashes exactly as every entry did before codes existed (the
   * value is the first format's SHA-256, worked out by hand from the documented layout), so stored
   * chains keep verifying.
   */
  @Test
  void anEntryWithoutACodeHashesInTheFirstFormatAsBefore() {
    assertThat(AuditChain.hash(AuditChain.GENESIS, tally(null, List.of())))
        .isEqualTo("7dfcb81b2582917c7677237ee47ab49041fbd7072d2d7eb9675a8a5bc9af8904");
    assertThat(
            AuditChain.hash(
                AuditChain.GENESIS,
                new AuditRecord(
                    1, T, "a", null, "x", null, null, "success", "3 accepted, 0 refused", null)))
        .isEqualTo("7dfcb81b2582917c7677237ee47ab49041fbd7072d2d7eb9675a8a5bc9af8904");
  }

  @Test
  void anEntryWithACodeHashesItsCodeAndEachArgument() {
    String coded = AuditChain.hash(AuditChain.GENESIS, tally("stix.ingest", List.of("3", "0")));
    assertThat(coded).isEqualTo("e3e23fa931c3f439a93a65cf5ac052db2daab9327a59f3814458f9d13de88d50");
    // the code taken off, changed, or an argument changed, added or moved: another hash
    assertThat(
            List.of(
                AuditChain.hash(AuditChain.GENESIS, tally(null, List.of())),
                AuditChain.hash(AuditChain.GENESIS, tally("stix.ingest.x", List.of("3", "0"))),
                AuditChain.hash(AuditChain.GENESIS, tally("stix.ingest", List.of("3", "1"))),
                AuditChain.hash(AuditChain.GENESIS, tally("stix.ingest", List.of("3", "0", ""))),
                AuditChain.hash(AuditChain.GENESIS, tally("stix.ingest", List.of("30"))),
                AuditChain.hash(AuditChain.GENESIS, tally("stix.ingest", List.of("0", "3")))))
        .doesNotContain(coded)
        .doesNotHaveDuplicates();
  }

  @Test
  void argumentsWithoutACodeAreRefused() {
    assertThatThrownBy(() -> tally(null, List.of("3")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("detail code");
  }
}
