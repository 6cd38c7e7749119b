package jp.renkei.engine.match;

import java.util.Arrays;

/**
 * The answers for the host names a matcher saw last, so the few popular hosts that make up most of
 * a proxy or DNS log are looked up once rather than label by label on every line. Direct-mapped by
 * a hash of the lower-cased name; a slot keeps the whole name (lower-cased) and is used only when
 * the name is byte for byte the same (case aside), so it never changes an answer. Names longer than
 * {@value #MAX_NAME} bytes are not kept. Names are hashed, kept and compared eight bytes at a time
 * (a log spread over many hosts misses here on most lines, so the miss must cost little). One per
 * matcher (not thread-safe); cleared when the index changes.
 */
final class HostCache {

  static final int SLOTS = 1024;
  static final int MAX_NAME = 64;
  private static final int WORDS = MAX_NAME / 8;

  private final long[] names = new long[SLOTS * WORDS]; // lower-cased, zero after the name
  private final int[] lengths = new int[SLOTS]; // 0: empty
  private final int[] values = new int[SLOTS];
  private final int[] hashes = new int[SLOTS]; // the name's DomainTable.hash, if hashed
  private final boolean[] hashed = new boolean[SLOTS];

  /** What a slot knows of its name as a URL's host: see {@link #urlState}. */
  static final byte URL_UNKNOWN = 0;

  static final byte URL_NONE = 1;
  static final byte URL_LISTED = 2;

  private final byte[] urlStates = new byte[SLOTS];
  private final long[] urlHosts = new long[SLOTS]; // UrlFilter.hostHash of the name, if known

  /** Lookups counted before the cache is judged; the run of lookups it then skips when useless. */
  static final int JUDGE_EVERY = 1 << 12;

  static final int SKIP = 1 << 16;

  private int left = JUDGE_EVERY; // lookups left in this phase (judging, or skipping)
  private boolean skipping;
  private int found; // lookups the cache answered in this judging phase

  /**
   * Whether to look this name up here (then {@link #slot}, {@link #holds} and {@link #keep} as
   * usual): a log spread over more hosts than the cache holds (a host seen again only after
   * hundreds of thousands of lines: issue 18's {@code squid-spread} finds 2-3 % here) gains less
   * than the cache costs, as a lookup here costs about a fifth of a full one. So after {@value
   * #JUDGE_EVERY} lookups with fewer than one in eight found, the next {@value #SKIP} skip the
   * cache (its hashing, its comparison and keeping each name), and the cache is then tried again.
   * Which names are looked up here changes no answer, only the work. Small enough for the first JIT
   * tier to inline: the judging is in {@link #turn}, once per phase.
   */
  boolean use() {
    return --left > 0 ? !skipping : turn();
  }

  /** The end of a phase: judges a judging phase, ends a skipping one; whether to use the cache. */
  private boolean turn() {
    if (!skipping && found < JUDGE_EVERY / 8) {
      skipping = true;
      left = SKIP;
    } else {
      skipping = false;
      left = JUDGE_EVERY;
    }
    found = 0;
    return !skipping;
  }

  /** The slot of the name in {@code b[s, e)}, or -1 when it is too long to keep. */
  int slot(byte[] b, int s, int e) {
    int n = e - s;
    if (n > MAX_NAME) {
      return -1;
    }
    // the length, the first and the last eight bytes say enough to spread names over the slots
    long h = n * 0x9E3779B97F4A7C15L;
    h ^= Bytes.lowerWord(b, s, e);
    h *= 0xBF58476D1CE4E5B9L;
    if (n > 8) {
      h ^= Bytes.lowerWord(b, e - 8, e);
      h *= 0x94D049BB133111EBL;
    }
    return (int) (h >>> 54) & (SLOTS - 1);
  }

  boolean holds(int slot, byte[] b, int s, int e) {
    if (lengths[slot] != e - s) {
      return false;
    }
    for (int i = s, o = slot * WORDS; i < e; i += 8, o++) {
      if (names[o] != Bytes.lowerWord(b, i, e)) {
        return false;
      }
    }
    return true;
  }

  int value(int slot) {
    found++;
    return values[slot];
  }

  int hash(int slot) {
    return hashes[slot];
  }

  /** Whether {@link #hash} holds the name's hash (not kept for addresses). */
  boolean hashed(int slot) {
    return hashed[slot];
  }

  /**
   * Whether the name, as the host of a plainly written URL, is no URL indicator's host ({@link
   * #URL_NONE}), is one ({@link #URL_LISTED}, its {@link UrlFilter#hostHash} in {@link #urlHost}),
   * or not yet known ({@link #URL_UNKNOWN}).
   */
  byte urlState(int slot) {
    return urlStates[slot];
  }

  long urlHost(int slot) {
    return urlHosts[slot];
  }

  void keepUrl(int slot, byte state, long host) {
    urlStates[slot] = state;
    urlHosts[slot] = host;
  }

  void keep(int slot, byte[] b, int s, int e, int value, boolean isHashed, int hash) {
    urlStates[slot] = URL_UNKNOWN;
    int o = slot * WORDS;
    for (int i = s; i < e; i += 8, o++) {
      names[o] = Bytes.lowerWord(b, i, e);
    }
    lengths[slot] = e - s;
    values[slot] = value;
    hashes[slot] = hash;
    hashed[slot] = isHashed;
  }

  void clear() {
    Arrays.fill(lengths, 0);
    left = JUDGE_EVERY;
    skipping = false;
    found = 0;
  }
}
