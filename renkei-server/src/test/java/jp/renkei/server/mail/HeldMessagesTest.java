package jp.renkei.server.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import jp.renkei.server.audit.Actor;
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
    HeldMessages held = new HeldMessages();
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
    HeldMessages held = new HeldMessages(clock);
    String key = held.hold(person(1), "a.eml", new byte[10]);
    clock.now = clock.now.plus(HeldMessages.KEEP).minusSeconds(1);
    assertThat(held.get(person(1), key)).isNotNull();
    clock.now = clock.now.plus(Duration.ofSeconds(1));
    assertThatThrownBy(() -> held.get(person(1), key)).isInstanceOf(NotFound.class);
    assertThat(held.bytes()).isZero();
  }

  @Test
  void aPersonsOldestGoesPastTheirLimitAndTheInstancesBytesAreBounded() {
    HeldMessages held = new HeldMessages();
    String first = held.hold(person(1), "1.eml", new byte[1]);
    String other = held.hold(person(2), "2.eml", new byte[1]);
    for (int i = 0; i < HeldMessages.PER_PERSON; i++) {
      held.hold(person(1), i + ".eml", new byte[1]);
    }
    assertThatThrownBy(() -> held.get(person(1), first)).isInstanceOf(NotFound.class);
    assertThat(held.get(person(2), other)).isNotNull();

    // too large to hold: said by a null key, nothing held
    assertThat(held.hold(person(3), "big.eml", new byte[(int) HeldMessages.LARGEST + 1])).isNull();
    // many people's large uploads: the oldest go, the total stays within its bound
    for (long p = 10; p < 20; p++) {
      assertThat(held.hold(person(p), "l.eml", new byte[(int) HeldMessages.LARGEST])).isNotNull();
      assertThat(held.bytes()).isLessThanOrEqualTo(HeldMessages.TOTAL_BYTES);
    }
    assertThatThrownBy(() -> held.get(person(2), other)).isInstanceOf(NotFound.class);
  }
}
