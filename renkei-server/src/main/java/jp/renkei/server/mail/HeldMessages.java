package jp.renkei.server.mail;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import jp.renkei.server.audit.Actor;
import jp.renkei.server.failure.NotFound;
import org.springframework.stereotype.Component;

/**
 * Messages an analyst uploaded on the mail page, held in this instance's memory for a short while
 * so that the analyst can prepare a C4TAP share of the verdict in front of them without uploading
 * the file again. Nothing is written to disk or to the database: the share path then does exactly
 * what it does for an upload with "share" ticked (the same analysis, redaction, draft and policy).
 *
 * <p>A held message is its uploader's only: asked for by anyone else, by a key that never was or
 * one that has expired, it is not found (404), so a key tells nobody else that a message exists.
 * Limits: {@link #KEEP} after the upload, {@link #PER_PERSON} per person (the oldest goes first),
 * {@link #TOTAL_BYTES} for the whole instance (the oldest go first), and a message larger than
 * {@link #LARGEST} is not held (the page then asks for the upload again with "share" ticked).
 * Behind a load balancer, a share asked on another instance than the upload's finds nothing and
 * says so. Thread-safe.
 */
@Component
public class HeldMessages {

  /** How long a message is held after its upload. */
  static final Duration KEEP = Duration.ofMinutes(30);

  /** {@link #KEEP} in minutes, for the page's words. */
  public static final long KEEP_MINUTES = KEEP.toMinutes();

  /** Messages held per person at most. */
  static final int PER_PERSON = 3;

  /** Bytes held on the instance at most. */
  static final long TOTAL_BYTES = 64L * 1024 * 1024;

  /** The largest message held (bytes). */
  static final long LARGEST = 16L * 1024 * 1024;

  /** A held message: whose, its file name, its bytes, when it goes. */
  record Held(long userId, String fileName, byte[] message, Instant until) {}

  private final Clock clock;
  private final SecureRandom random = new SecureRandom();
  private final Map<String, Held> held = new LinkedHashMap<>();
  private long bytes;

  HeldMessages() {
    this(Clock.systemUTC());
  }

  HeldMessages(Clock clock) {
    this.clock = clock;
  }

  /**
   * Holds {@code message} for {@code actor}; returns its key, or null when it is not held (no
   * signed-in person, or larger than {@link #LARGEST}).
   */
  public synchronized String hold(Actor actor, String fileName, byte[] message) {
    if (actor.userId() == null || message.length > LARGEST) {
      return null;
    }
    expire();
    long mine = held.values().stream().filter(h -> h.userId() == actor.userId()).count();
    for (String key : new ArrayList<>(held.keySet())) {
      if (mine < PER_PERSON && bytes + message.length <= TOTAL_BYTES) {
        break;
      }
      Held h = held.get(key);
      if (h.userId() == actor.userId() && mine >= PER_PERSON) {
        remove(key);
        mine--;
      } else if (bytes + message.length > TOTAL_BYTES) {
        remove(key);
        if (h.userId() == actor.userId()) {
          mine--;
        }
      }
    }
    byte[] id = new byte[18];
    random.nextBytes(id);
    String key = Base64.getUrlEncoder().withoutPadding().encodeToString(id);
    held.put(key, new Held(actor.userId(), fileName, message.clone(), clock.instant().plus(KEEP)));
    bytes += message.length;
    return key;
  }

  /**
   * The message {@code actor} uploaded under {@code key}.
   *
   * @throws NotFound when there is none for this person (another's, expired, never held)
   */
  public synchronized Held get(Actor actor, String key) {
    expire();
    Held h = key == null ? null : held.get(key);
    if (h == null || actor.userId() == null || h.userId() != actor.userId()) {
      throw new NotFound("held_message", key == null ? "" : key);
    }
    return h;
  }

  /** Bytes held now (for tests and the limits). */
  synchronized long bytes() {
    expire();
    return bytes;
  }

  private void expire() {
    Instant now = clock.instant();
    for (String key : new ArrayList<>(held.keySet())) {
      if (!held.get(key).until().isAfter(now)) {
        remove(key);
      }
    }
  }

  private void remove(String key) {
    Held h = held.remove(key);
    if (h != null) {
      bytes -= h.message().length;
    }
  }
}
