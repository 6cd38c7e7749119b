package jp.renkei.server.web;

import java.util.HashMap;
import java.util.Map;
import jp.renkei.server.security.ClientAddressKey;

/**
 * The request threads that may wait for a body at once (attack43): in all on the instance, and per
 * client address (an IPv6 client by its /64, {@link ClientAddressKey}). A thread waits for a body
 * when its client announced one and has not sent it yet ({@link SlowBodyDeadline}); a client that
 * announced a small body and withheld it held a thread for {@code renkei.web.body-wait}, and one
 * re-opening each connection as soon as it was answered kept as many threads as it had connections
 * — more than Tomcat has, and nobody else was answered. With these places such a client holds at
 * most its address's places, many addresses together at most the instance's, and every other thread
 * stays free for requests whose bodies are there.
 *
 * <p>A body that arrives with its head, or keeps arriving, never needs a place; the places are
 * taken only while a thread sleeps for a body that has not come. Thread-safe.
 */
final class AwaitedBodies {

  /** Why no place was given. */
  enum Refusal {
    /** the client's address holds all of its places */
    ADDRESS,
    /** the instance's places are all held */
    INSTANCE
  }

  private final int atOnce;
  private final int perAddress;
  private final Map<String, Integer> byAddress = new HashMap<>();
  private int held;
  private long refused;

  /**
   * @param atOnce threads that may wait for a body at once on the instance
   * @param perAddress of those, how many one client address may hold
   */
  AwaitedBodies(int atOnce, int perAddress) {
    if (atOnce < 1 || perAddress < 1) {
      throw new IllegalArgumentException("places for awaited bodies must be at least 1");
    }
    this.atOnce = atOnce;
    this.perAddress = perAddress;
  }

  /** A place for one awaited body of {@code address}, or why there is none. */
  synchronized Refusal take(String address) {
    String key = ClientAddressKey.of(address == null ? "" : address);
    int mine = byAddress.getOrDefault(key, 0);
    if (mine >= perAddress) {
      refused++;
      return Refusal.ADDRESS;
    }
    if (held >= atOnce) {
      refused++;
      return Refusal.INSTANCE;
    }
    byAddress.put(key, mine + 1);
    held++;
    return null;
  }

  /** Gives back a place {@link #take} gave for {@code address}. */
  synchronized void giveBack(String address) {
    String key = ClientAddressKey.of(address == null ? "" : address);
    Integer mine = byAddress.get(key);
    if (mine == null) {
      return;
    }
    if (mine <= 1) {
      byAddress.remove(key);
    } else {
      byAddress.put(key, mine - 1);
    }
    held--;
  }

  /** Places held now (for tests). */
  synchronized int held() {
    return held;
  }

  /** Places asked for and not given, since the start (for tests). */
  synchronized long refused() {
    return refused;
  }

  int perAddress() {
    return perAddress;
  }

  int atOnce() {
    return atOnce;
  }
}
