package jp.renkei.server.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import jp.renkei.server.audit.Actor;
import jp.renkei.server.config.MailHeldProperties;
import jp.renkei.server.directory.Role;
import jp.renkei.server.failure.NotFound;
import org.junit.jupiter.api.Test;

/** The uploads held for their analyst to share: theirs only, for a while, within limits. */
class HeldMessagesTest {

  /** A clock the test moves. */
  static final class Moving extends Clock {
    Instant now = Instant.parse("2026-12-03T10:00:00Z");

    @Override
    public java.time.ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(java.time.ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now;
    }
  }

  private static Actor person(long id) {
    return new Actor(id, "u" + id, 7L, Role.ANALYST, "web", null);
  }

  @Test
  void onlyItsUploaderGetsAHeldMessage() {
    HeldMessages held = new HeldMessages(MailHeldProperties.DEFAULT);
    String key = held.hold(person(1), "a.eml", new byte[] {1, 2, 3});
    assertThat(held.get(person(1), key).message()).containsExactly(1, 2, 3);
    assertThat(held.get(person(1), key).fileName()).isEqualTo("a.eml");
    assertThatThrownBy(() -> held.get(person(2), key)).isInstanceOf(NotFound.class);
    assertThatThrownBy(() -> held.get(Actor.cli(), key)).isInstanceOf(NotFound.class);
    assertThatThrownBy(() -> held.get(person(1), key + "x")).isInstanceOf(NotFound.class);
    assertThatThrownBy(() -> held.get(person(1), null)).isInstanceOf(NotFound.class);
    // the shell and anyone without a person are never held for
    assertThat(held.hold(Actor.cli(), "a.eml", new byte[] {1})).isNull();
  }

  @Test
  void aHeldMessageGoesAfterItsTime() {
    Moving clock = new Moving();
    HeldMessages held = new HeldMessages(MailHeldProperties.DEFAULT, clock);
    String key = held.hold(person(1), "a.eml", new byte[10]);
    clock.now = clock.now.plus(MailHeldProperties.DEFAULT.keep()).minusSeconds(1);
    assertThat(held.get(person(1), key)).isNotNull();
    clock.now = clock.now.plus(Duration.ofSeconds(1));
    assertThatThrownBy(() -> held.get(person(1), key)).isInstanceOf(NotFound.class);
    assertThat(held.bytes()).isZero();
  }

  private static final MailHeldProperties LIMITS = MailHeldProperties.DEFAULT;

  private static final int LARGEST = (int) LIMITS.largest().toBytes();

  @Test
  void aPersonsOldestGoesPastTheirCountAndNobodyElses() {
    HeldMessages held = new HeldMessages(LIMITS);
    String first = held.hold(person(1), "1.eml", new byte[1]);
    String other = held.hold(person(2), "2.eml", new byte[1]);
    for (int i = 0; i < LIMITS.perPerson(); i++) {
      held.hold(person(1), i + ".eml", new byte[1]);
    }
    assertThatThrownBy(() -> held.get(person(1), first)).isInstanceOf(NotFound.class);
    assertThat(held.get(person(2), other)).isNotNull();
    // too large to hold: said by a null key, nothing held
    assertThat(held.hold(person(3), "big.eml", new byte[LARGEST + 1])).isNull();
    assertThat(held.bytes(3)).isZero();
  }

  /**
   * One analyst uploading large messages one after another while two colleagues hold theirs
   * (hostile27): before, the instance's bytes were one pool whose oldest went first, and the
   * analyst's third upload of 16 MiB pushed the colleagues' out. Now a person's bytes are bounded
   * and only their own oldest go.
   */
  @Test
  void oneAnalystsLargeUploadsLetGoOfTheirOwnOnly() {
    HeldMessages held = new HeldMessages(LIMITS);
    java.util.List<String> colleagues =
        java.util.List.of(
            held.hold(person(2), "a.eml", new byte[LARGEST / 2]),
            held.hold(person(2), "b.eml", new byte[LARGEST / 2]),
            held.hold(person(3), "c.eml", new byte[LARGEST]));
    assertThat(colleagues).doesNotContainNull();
    String last = null;
    for (int i = 0; i < 20; i++) {
      last = held.hold(person(1), i + ".eml", new byte[LARGEST]);
      assertThat(last).isNotNull();
      assertThat(held.bytes(1)).isLessThanOrEqualTo(LIMITS.personBytes().toBytes());
      assertThat(held.bytes()).isLessThanOrEqualTo(LIMITS.totalBytes().toBytes());
    }
    assertThat(held.get(person(2), colleagues.get(0))).isNotNull();
    assertThat(held.get(person(2), colleagues.get(1))).isNotNull();
    assertThat(held.get(person(3), colleagues.get(2))).isNotNull();
    assertThat(held.get(person(1), last)).isNotNull();
  }

  /**
   * When others hold all the instance's bytes, a new upload is not held (the page offers the upload
   * with "share" ticked) rather than taking someone's: theirs stay until their time.
   */
  @Test
  void aFullInstanceHoldsNoMoreRatherThanLettingGoOfAnyonesHeldMessage() {
    Moving clock = new Moving();
    HeldMessages held = new HeldMessages(LIMITS, clock);
    long people = LIMITS.totalBytes().toBytes() / LARGEST;
    java.util.List<String> keys = new java.util.ArrayList<>();
    for (long p = 10; p < 10 + people; p++) {
      keys.add(held.hold(person(p), "l.eml", new byte[LARGEST]));
    }
    assertThat(keys).doesNotContainNull();
    assertThat(held.hold(person(99), "late.eml", new byte[LARGEST])).isNull();
    assertThat(held.hold(person(99), "tiny.eml", new byte[1])).isNull();
    for (int i = 0; i < keys.size(); i++) {
      assertThat(held.get(person(10 + i), keys.get(i))).isNotNull();
    }
    // a holder may still replace their own
    assertThat(held.hold(person(10), "again.eml", new byte[LARGEST])).isNotNull();
    // once their time has run out, there is room again
    clock.now = clock.now.plus(LIMITS.keep());
    assertThat(held.hold(person(99), "late.eml", new byte[LARGEST])).isNotNull();
  }

  @Test
  void theLimitsAreConfigurable() {
    MailHeldProperties small =
        new MailHeldProperties(
            java.time.Duration.ofMinutes(5),
            1,
            org.springframework.util.unit.DataSize.ofBytes(100),
            org.springframework.util.unit.DataSize.ofBytes(250),
            org.springframework.util.unit.DataSize.ofBytes(80));
    assertThat(small.isConsistent()).isTrue();
    HeldMessages held = new HeldMessages(small);
    assertThat(held.keepMinutes()).isEqualTo(5);
    assertThat(held.hold(person(1), "a.eml", new byte[81])).isNull();
    String a = held.hold(person(1), "a.eml", new byte[80]);
    String b = held.hold(person(1), "b.eml", new byte[10]);
    assertThatThrownBy(() -> held.get(person(1), a)).isInstanceOf(NotFound.class);
    assertThat(held.get(person(1), b)).isNotNull();
    assertThat(
            new MailHeldProperties(
                    java.time.Duration.ofMinutes(5),
                    1,
                    org.springframework.util.unit.DataSize.ofBytes(100),
                    org.springframework.util.unit.DataSize.ofBytes(50),
                    org.springframework.util.unit.DataSize.ofBytes(80))
                .isConsistent())
        .isFalse();
  }
}
