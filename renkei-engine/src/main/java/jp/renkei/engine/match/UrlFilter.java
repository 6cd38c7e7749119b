package jp.renkei.engine.match;

import java.util.Arrays;

/**
 * A filter in front of the exact URL lookup, so a log line only pays for URL normalisation when its
 * URL can be listed. It keeps three kinds of 64-bit keys of the URL indicators: one per host, one
 * per host with the first {@value #PREFIX} characters of its path (for paths at least that long),
 * and one per host with its whole path (percent escapes normalised as {@code Observables} does,
 * trailing slashes dropped). The prefix key stops the check early on popular hosts that carry URL
 * indicators, where most requests have other paths and long query strings. A URL in a log is
 * checked straight from its bytes: when its host is no indicator's host, or its host and path are
 * no indicator's, it cannot be listed; otherwise — and whenever the URL is written in a way the
 * byte check does not follow (user info, IPv6 hosts, defanged forms, control or non-ASCII bytes) —
 * the exact path decides. So the filter can only say "no" for URLs that truly are not listed: it
 * never changes a result, it only saves work.
 *
 * <p>Two more shortcuts keep a log's common cases off the exact path and out of main memory: a URL
 * whose host is an IPv6 literal ({@code http://[2001:db8::1]/}) is ruled out when no URL indicator
 * has such a host (a key {@link #IPV6_HOSTS} records that one has: then the exact path decides);
 * and every key also sets a bit in a small filter ({@link #seal}, about one bit in eight set), so
 * the path keys of requests to popular hosts with other paths are mostly ruled out there rather
 * than by a probe of the key table.
 *
 * <p>Read-only after building; safe to share between threads.
 */
final class UrlFilter {

  /** What {@link #check} found. */
  static final int NO = 0;

  static final int MAYBE = 1;

  static final int PREFIX = 16;

  private static final long HOST_SEED = 0x9E3779B97F4A7C15L;
  private static final long PATH_SEED = 0xC2B2AE3D27D4EB4FL;

  /**
   * The key present when some URL indicator's host is an IPv6 literal (a host key has its low bit
   * set and a prefix key ends in binary 10, so a key ending in 00 is none of theirs).
   */
  static final long IPV6_HOSTS = 0x7E5A_0000_0000_0004L;

  long[] keys = new long[64]; // 0 = empty
  int size;

  /**
   * The hosts of the URL indicators, by their {@link DomainTable#hash}: two bits in one word per
   * host (see {@link #mayBeHost}), so most hosts of a log are ruled out by one load, with the hash
   * a matcher already made for the domain lookup. Sized by {@link #seal}: 16 to 32 bits per URL
   * indicator (more per host, as hosts carry several), at least {@value #MIN_HOST_WORDS} words.
   */
  long[] hostBits = new long[MIN_HOST_WORDS];

  static final int MIN_HOST_WORDS = 1 << 12;

  private int[] hostHashes = new int[64]; // while building: the hosts' hashes, for seal()
  private int hosts;
  private long[] keyBits; // a bit per key of any kind, made by seal(); null before

  int size() {
    return size;
  }

  long bytes() {
    return 8L * keys.length + 8L * hostBits.length + (keyBits == null ? 0 : 8L * keyBits.length);
  }

  /**
   * Once all keys are in: sets the host bits from the hosts added (when built; a snapshot holds
   * them), and a bit per key (about eight bits per key), built and read from a snapshot alike, so
   * the snapshot need not hold those.
   */
  void seal() {
    if (hosts > 0) {
      long[] words = new long[Math.max(MIN_HOST_WORDS, Integer.highestOneBit(hosts) / 4)];
      for (int i = 0; i < hosts; i++) {
        int x = hostHashes[i];
        words[(x >>> 12) & (words.length - 1)] |= (1L << x) | (1L << (x >>> 6));
      }
      hostBits = words;
      hostHashes = new int[0];
      hosts = 0;
    }
    long[] bits = new long[Math.max(16, Integer.highestOneBit(Math.max(1, size)) * 16 / 64)];
    int mask = bits.length * 64 - 1;
    for (long k : keys) {
      if (k != 0) {
        int b = (int) (k >>> 40) & mask;
        bits[b >>> 6] |= 1L << b;
      }
    }
    keyBits = bits;
  }

  /** Adds the keys of a normalised URL (as {@code Observables} returns it). */
  void add(String normal) {
    int sep = normal.indexOf("://");
    if (sep < 0) {
      return;
    }
    int a = sep + 3;
    int end = a;
    while (end < normal.length() && "/?#".indexOf(normal.charAt(end)) < 0) {
      end++;
    }
    int hs = normal.lastIndexOf('@', end - 1);
    hs = hs < a ? a : hs + 1;
    if (hs < end && normal.charAt(hs) == '[') {
      put(IPV6_HOSTS); // an IPv6 host: such URLs never take the byte path
      return;
    }
    int he = hs;
    while (he < end && normal.charAt(he) != ':') {
      he++;
    }
    long host = HOST_SEED;
    for (int i = hs; i < he; i++) {
      host = step(host, normal.charAt(i));
    }
    int pe = normal.length();
    while (pe > end && normal.charAt(pe - 1) == '/') {
      pe--;
    }
    long path = PATH_SEED;
    for (int i = end; i < pe; i++) {
      path = step(path, normal.charAt(i));
      if (i - end + 1 == PREFIX) {
        put(prefixKey(host, path));
      }
    }
    if (hosts == hostHashes.length) {
      hostHashes = Arrays.copyOf(hostHashes, hosts * 2);
    }
    hostHashes[hosts++] = DomainTable.hash(normal, hs, he);
    long hk = hostKey(host);
    put(hk);
    put(fullKey(host, path, pe - end));
  }

  /**
   * Whether the URL in {@code b[s, e)} may be a listed one ({@link #MAYBE}: ask the exact lookup)
   * or certainly is not ({@link #NO}).
   */
  int check(byte[] b, int s, int e) {
    return check(b, s, e, false, 0);
  }

  /**
   * {@link #check(byte[], int, int)} with the host's {@link DomainTable#hash} already made, when
   * {@code hashed}: only for a URL whose scheme and authority the caller found plain (see {@link
   * #mayBeHost}), so that the host it hashed is the one read here.
   */
  int check(byte[] b, int s, int e, boolean hashed, int hostHash) {
    if (size == 0) {
      return NO;
    }
    // scheme: letters, digits, + - . up to "://"
    int i = s;
    while (i < e && b[i] != ':') {
      if (!plain(b[i])) {
        return MAYBE;
      }
      i++;
    }
    if (i + 2 >= e || b[i + 1] != '/' || b[i + 2] != '/') {
      // no "://" right after the scheme: unless written in a way refanging changes, not a URL
      for (int k = i; k < e; k++) {
        if (!plain(b[k])) {
          return MAYBE;
        }
      }
      return NO;
    }
    int hs = i + 3;
    if (hs < e && b[hs] == '[') {
      return ipv6Host(b, hs, e);
    }
    // the host checked, given its key hash and (unless the caller has it) its DomainTable.hash in
    // one pass (that hash is the sum of each lower-cased byte times 31 to the power of its
    // position); the hashes before the last byte are kept for a fully qualified name (its final
    // dot is not hashed)
    int he = hs;
    long host = HOST_SEED;
    long hostBeforeLast = HOST_SEED;
    int sum = 0;
    int beforeLast = 0;
    int power = 1;
    while (he < e) {
      byte c = b[he];
      if (c == ':' || c == '/' || c == '?' || c == '#') {
        break;
      }
      if (c == '@' || !plain(c)) {
        return MAYBE;
      }
      byte lower = DomainTable.lower(c);
      hostBeforeLast = host;
      host = step(host, (char) lower);
      if (!hashed) {
        beforeLast = sum;
        sum += lower * power;
        power *= 31;
      }
      he++;
    }
    int ps = he;
    while (ps < e && b[ps] != '/' && b[ps] != '?' && b[ps] != '#') {
      if (b[ps] == '@' || !plain(b[ps])) {
        return MAYBE; // user info after a colon, or an odd port
      }
      ps++;
    }
    if (he > hs && b[he - 1] == '.') {
      he--; // a fully qualified name: its final dot is not hashed
      sum = beforeLast;
      host = hostBeforeLast;
    }
    if (!mayBeHost(hashed ? hostHash : DomainTable.finish(sum))) {
      return NO;
    }
    if (!contains(hostKey(host))) {
      return NO;
    }
    return path(b, ps, e, host);
  }

  /**
   * The raw hash {@link #check} makes of a host written plainly in {@code b[s, e)} (its final dot
   * already dropped): what {@link #hostListed} and {@link #path} take, so a matcher that keeps it
   * per host (see {@link HostCache}) need not read the host again for each of its URLs.
   */
  static long hostHash(byte[] b, int s, int e) {
    long host = HOST_SEED;
    for (int i = s; i < e; i++) {
      host = step(host, (char) DomainTable.lower(b[i]));
    }
    return host;
  }

  /**
   * Whether some URL indicator's host has the raw hash {@code host} ({@link #hostHash}); false: a
   * plain URL on that host is certainly none ({@link #check} says {@link #NO}).
   */
  boolean hostListed(long host) {
    return size != 0 && contains(hostKey(host));
  }

  /**
   * The rest of {@link #check} for a URL whose scheme and authority are plain (as {@link
   * #mayBeHost} says), whose host has the raw hash {@code host} and is {@link #hostListed}, and
   * whose path (with query and fragment) is {@code b[ps, e)}: the same answer {@link #check} gives
   * that URL, without reading its scheme and host again.
   */
  int path(byte[] b, int ps, int e, long host) {
    int pe = e;
    while (pe > ps && b[pe - 1] == '/') {
      pe--;
    }
    long path = PATH_SEED;
    int length = 0;
    for (int k = ps; k < pe; k++) {
      byte c = b[k];
      if (!plain(c)) {
        return MAYBE;
      }
      int n = 1;
      int v = c;
      boolean escape = c == '%' && k + 2 < e && hex(b[k + 1]) >= 0 && hex(b[k + 2]) >= 0;
      if (escape) {
        // as Observables.percentEncoding: unreserved escapes decoded, others' hex upper-cased
        v = hex(b[k + 1]) * 16 + hex(b[k + 2]);
        n = unreserved(v) ? 1 : 3;
      }
      for (int j = 0; j < n; j++) {
        char x = n == 1 ? (char) v : j == 0 ? '%' : Character.toUpperCase((char) b[k + j]);
        path = step(path, x);
        if (++length == PREFIX && !contains(prefixKey(host, path))) {
          return NO;
        }
      }
      if (escape) {
        k += 2;
      }
    }
    return contains(fullKey(host, path, length)) ? MAYBE : NO;
  }

  /**
   * Whether a host whose {@link DomainTable#hash} is {@code hash} may be the host of a URL
   * indicator (false: certainly none is). A matcher that read a URL's host as {@link #check} does
   * (after a plain scheme and "://", no user info, no bracket, printable ASCII, a final dot
   * dropped) and finds false here knows that {@link #check} says {@link #NO}.
   */
  boolean mayBeHost(int hash) {
    long m = (1L << hash) | (1L << (hash >>> 6));
    return (hostBits[(hash >>> 12) & (hostBits.length - 1)] & m) == m;
  }

  /**
   * A URL whose authority starts with {@code [}: {@link #NO} when it is an IPv6 literal host (hex
   * digits, colons and dots in brackets, then a port or nothing up to the path) and no URL
   * indicator has an IPv6 host; anything else (a defanged form such as {@code [.]}, user info) is
   * left to the exact path.
   */
  private int ipv6Host(byte[] b, int hs, int e) {
    int k = hs + 1;
    boolean digit = false;
    for (; k < e && b[k] != ']'; k++) {
      byte c = b[k];
      boolean hex = hex(c) >= 0;
      if (!hex && c != ':' && c != '.') {
        return MAYBE;
      }
      digit |= hex;
    }
    if (k >= e || k - hs - 1 < 2 || !digit) {
      return MAYBE;
    }
    for (k++; k < e && b[k] != '/' && b[k] != '?' && b[k] != '#'; k++) {
      if (b[k] == '@' || !plain(b[k])) {
        return MAYBE;
      }
    }
    return contains(IPV6_HOSTS) ? MAYBE : NO;
  }

  /** {@link #plain} per byte value (a table: it is asked for every byte of a URL's start). */
  private static final boolean[] PLAIN = new boolean[256];

  static {
    for (int c = 0; c < 256; c++) {
      PLAIN[c] = c > ' ' && c < 127 && c != '[' && c != '(' && c != '{';
    }
  }

  /**
   * A byte the byte path reads as it is: printable ASCII that no defanging form starts with. A
   * table lookup, small enough for the first JIT tier (the launcher's for short runs) to inline.
   */
  static boolean plain(byte c) {
    return PLAIN[c & 255];
  }

  /** Whether every byte of {@code b[s, e)} is {@link #plain}. */
  static boolean plain(byte[] b, int s, int e) {
    for (int i = s; i < e; i++) {
      if (!PLAIN[b[i] & 255]) {
        return false;
      }
    }
    return true;
  }

  private static boolean unreserved(int d) {
    return (d >= 'A' && d <= 'Z')
        || (d >= 'a' && d <= 'z')
        || (d >= '0' && d <= '9')
        || d == '-'
        || d == '.'
        || d == '_'
        || d == '~';
  }

  private static int hex(byte c) {
    return c >= '0' && c <= '9'
        ? c - '0'
        : c >= 'a' && c <= 'f' ? c - 'a' + 10 : c >= 'A' && c <= 'F' ? c - 'A' + 10 : -1;
  }

  private static long step(long h, char c) {
    return (h ^ c) * 0x100000001B3L;
  }

  private static long hostKey(long host) {
    return mix(host) | 1;
  }

  private static long prefixKey(long host, long path) {
    return (mix(host * 17 + path) & ~1L) | 2; // never 0, never a host or full key
  }

  private static long fullKey(long host, long path, int length) {
    return mix(host * 31 + path + length) | 1 | (1L << 63);
  }

  private static long mix(long z) {
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }

  private void put(long key) {
    int mask = keys.length - 1;
    for (int i = (int) key & mask; ; i = (i + 1) & mask) {
      if (keys[i] == key) {
        return;
      }
      if (keys[i] == 0) {
        keys[i] = key;
        if (++size * 2 > keys.length) {
          long[] old = keys;
          keys = new long[old.length * 2];
          size = 0;
          for (long k : old) {
            if (k != 0) {
              put(k);
            }
          }
        }
        return;
      }
    }
  }

  private boolean contains(long key) {
    long[] bits = keyBits;
    if (bits != null) {
      int b = (int) (key >>> 40) & (bits.length * 64 - 1);
      if ((bits[b >>> 6] & (1L << b)) == 0) {
        return false;
      }
    }
    int mask = keys.length - 1;
    for (int i = (int) key & mask; keys[i] != 0; i = (i + 1) & mask) {
      if (keys[i] == key) {
        return true;
      }
    }
    return false;
  }

  @Override
  public String toString() {
    return "UrlFilter[" + size + "]" + Arrays.hashCode(keys);
  }
}
