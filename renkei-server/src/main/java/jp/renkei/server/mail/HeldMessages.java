package jp.renkei.server.mail;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import jp.renkei.server.audit.Actor;
import jp.renkei.server.config.MailHeldProperties;
import jp.renkei.server.failure.NotFound;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Messages an analyst uploaded on the mail page, held in this instance's memory for a short while
 * so that the analyst can prepare a C4TAP share of the verdict in front of them without uploading
 * the file again. Nothing is written to disk or to the database: the share path then does exactly
 * what it does for an upload with "share" ticked (the same analysis, redaction, draft and policy).
 *
 * <p>A held message is its uploader's only: asked for by anyone else, by a key that never was or
 * one that has expired, it is not found (404), so a key tells nobody else that a message exists.
 *
 * <p>Limits ({@link MailHeldProperties}, {@code renkei.mail.held.*}): held for {@code keep} after
 * the upload; per person at most {@code per-person} messages and {@code person-bytes} bytes, past
 * which the person's own oldest go; a message larger than {@code largest} is not held. The budget
 * is fair (hostile27): an upload never lets go of another person's held message. Before, the
 * instance's bytes were one pool whose oldest went first, so that one analyst uploading large
 * messages pushed colleagues' out. When the instance's {@code total-bytes} are held by others, a
 * new upload is not held (a null key: the page asks for the upload again with "share" ticked) until
 * their time runs out. Behind a load balancer, a share asked on another instance than the upload's
 * finds nothing and says so. Thread-safe.
 */
@Component
public class HeldMessages {

  /** A held message: whose, its file name, its bytes, when it goes. */
  record Held(long userId, String fileName, byte[] message, Instant until) {}

  private final MailHeldProperties limits;
  private final Clock clock;
  private final SecureRandom random = new SecureRandom();
  private final Map<String, Held> held = new LinkedHashMap<>();

  /** Bytes held per person. */
  private final Map<Long, Long> perPerson = new HashMap<>();

  private long bytes;

  @Autowired
  HeldMessages(MailHeldProperties limits) {
    this(limits, Clock.systemUTC());
  }

  HeldMessages(MailHeldProperties limits, Clock clock) {
    this.limits = limits;
    this.clock = clock;
  }

  /** How long a message is held, in minutes (for the page's words). */
  public long keepMinutes() {
    return limits.keep().toMinutes();
  }

  /**
   * Holds {@code message} for {@code actor}, letting go of the actor's own oldest held messages as
   * the per-person limits need; returns its key, or null when it is not held (no signed-in person,
   * larger than {@code largest}, or the instance's bytes held by others).
   */
  public synchronized String hold(Actor actor, String fileName, byte[] message) {
    Long user = actor.userId();
    if (user == null || message.length > limits.largest().toBytes()) {
      return null;
    }
    expire();
    long others = bytes - perPerson.getOrDefault(user, 0L);
    if (others + message.length > limits.totalBytes().toBytes()) {
      // only others' messages stand in the way: theirs are not ours to let go of
      return null;
    }
    long count = held.values().stream().filter(h -> h.userId() == user).count();
    for (String key : new ArrayList<>(held.keySet())) {
      long mine = perPerson.getOrDefault(user, 0L);
      if (count < limits.perPerson()
          && mine + message.length <= limits.personBytes().toBytes()
          && bytes + message.length <= limits.totalBytes().toBytes()) {
        break;
      }
      if (held.get(key).userId() == user) {
        remove(key);
        count--;
      }
    }
    byte[] id = new byte[18];
    random.nextBytes(id);
    String key = Base64.getUrlEncoder().withoutPadding().encodeToString(id);
    held.put(key, new Held(user, fileName, message.clone(), clock.instant().plus(limits.keep())));
    bytes += message.length;
    perPerson.merge(user, (long) message.length, Long::sum);
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

  /** Bytes held now for {@code userId}. */
  synchronized long bytes(long userId) {
    expire();
    return perPerson.getOrDefault(userId, 0L);
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
      perPerson.computeIfPresent(
          h.userId(), (u, b) -> b == h.message().length ? null : b - h.message().length);
    }
  }
}
