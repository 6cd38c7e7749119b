package jp.renkei.engine.mail;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where the phrase lists of {@link MailSigns} can match in a text, found in one pass for all of
 * them (issue 19: thousands of messages per second per core).
 *
 * <p>Each phrase list is a regular expression whose top-level alternatives each start with literal
 * text ({@link MailRegexStarts#starts}). The literals of every alternative of every list go into
 * one Aho–Corasick automaton; one pass over the lower-cased text gives, for each list, the
 * positions where one of its alternatives can start and which alternatives those are. A list is
 * then tried only there, and only with those alternatives, in their order in the list: at a
 * position, Java's matcher takes the first alternative that matches, so trying the others is wasted
 * work. What is found is what {@code Pattern.matcher(text).find()} finds, match for match ({@code
 * MailPhrasesTest}).
 *
 * <p>A phrase list is declared as before, a {@code Pattern} constant in {@link MailSigns}, and
 * named in {@link MailSigns#PHRASE_LISTS}; a list not named there, or with an alternative that does
 * not start with literal text, is still found exactly, by the slower ways.
 */
final class MailPhrases {

  /** One phrase list: the pattern and its top-level alternatives, each compiled alone. */
  private record PhraseList(Pattern pattern, Pattern[] alternatives) {}

  private final PhraseList[] lists;

  private final Map<Pattern, Integer> index = new IdentityHashMap<>();

  /** The class of each character: its own for a literal's character, 0 for every other. */
  private final char[] charClass = new char[Character.MAX_VALUE + 1];

  /**
   * The automaton, a complete transition table over the character classes, kept compressed: a
   * state's row is the start state's row ({@link #fromStart}) except in a few classes (seven on
   * average: its trie edges, and where a longer suffix of what was read starts another literal).
   * Those exceptions of every state are packed into one array, each state's at its own offset
   * ({@link #base}) so that no two overlap: slot {@code base[s] + class} holds {@code s << 16 |
   * target} when it is one of s's exceptions. The full table, thousands of states times hundreds of
   * classes, was megabytes read at random; this is a few hundred kilobytes read mostly near the
   * start, which stays in the cache on a busy machine.
   */
  private final int[] fromStart;

  private final int[] base;

  private final int[] slots;

  /** Per state, what ends there: pairs of (list, alternative) and the literal's length. */
  private final int[][] out;

  /** Whether anything ends at a state (most states: nothing). */
  private final boolean[] ends;

  MailPhrases(List<Pattern> patterns) {
    List<PhraseList> ls = new ArrayList<>();
    List<String> literals = new ArrayList<>();
    List<int[]> owners = new ArrayList<>();
    for (Pattern p : patterns) {
      List<String> alternatives = MailRegexStarts.topLevelAlternatives(p.pattern());
      List<List<String>> starts = new ArrayList<>();
      for (String a : alternatives) {
        List<String> s = MailRegexStarts.starts(a);
        starts.add(s);
        if (s == null) {
          starts = null;
          break;
        }
      }
      if (starts == null || index.containsKey(p)) {
        continue;
      }
      int li = ls.size();
      index.put(p, li);
      Pattern[] compiled = new Pattern[alternatives.size()];
      for (int a = 0; a < compiled.length; a++) {
        compiled[a] = Pattern.compile(alternatives.get(a));
        List<String> cut = new ArrayList<>();
        for (String s : starts.get(a)) {
          // a prefix of a start is a start too: the automaton stays small
          String c = s.length() > LITERAL ? s.substring(0, LITERAL) : s;
          if (!cut.contains(c)) {
            cut.add(c);
            literals.add(c);
            owners.add(new int[] {li, a});
          }
        }
      }
      ls.add(new PhraseList(p, compiled));
    }
    lists = ls.toArray(PhraseList[]::new);
    // characters of the literals, each a class of its own, ASCII ones first; every other character
    // is class 0
    java.util.TreeSet<Character> chars = new java.util.TreeSet<>();
    for (String s : literals) {
      for (char c : s.toCharArray()) {
        chars.add(c);
      }
    }
    char last = 0;
    for (char c : chars) {
      charClass[c] = ++last;
    }
    int classes = chars.size() + 1;
    // the trie
    List<int[]> gotoRows = new ArrayList<>();
    List<List<int[]>> outs = new ArrayList<>();
    gotoRows.add(new int[classes]);
    outs.add(new ArrayList<>());
    for (int i = 0; i < literals.size(); i++) {
      String s = literals.get(i);
      int state = 0;
      for (int k = 0; k < s.length(); k++) {
        int c = charClass[s.charAt(k)];
        if (gotoRows.get(state)[c] == 0) {
          gotoRows.get(state)[c] = gotoRows.size();
          gotoRows.add(new int[classes]);
          outs.add(new ArrayList<>());
        }
        state = gotoRows.get(state)[c];
      }
      int[] o = owners.get(i);
      outs.get(state).add(new int[] {o[0], o[1], s.length()});
    }
    // failure links, breadth first, turning the trie into a complete automaton
    int states = gotoRows.size();
    int[] next = new int[states * classes];
    int[] fail = new int[states];
    int[] queue = new int[states];
    int head = 0;
    int tail = 0;
    for (int c = 1; c < classes; c++) {
      int s = gotoRows.get(0)[c];
      next[c] = s;
      if (s != 0) {
        queue[tail++] = s;
      }
    }
    while (head < tail) {
      int r = queue[head++];
      outs.get(r).addAll(outs.get(fail[r]));
      for (int c = 1; c < classes; c++) {
        int s = gotoRows.get(r)[c];
        if (s != 0) {
          fail[s] = next[fail[r] * classes + c];
          next[r * classes + c] = s;
          queue[tail++] = s;
        } else {
          next[r * classes + c] = next[fail[r] * classes + c];
        }
      }
    }
    if (states > STATES) {
      throw new IllegalStateException(
          "the phrase automaton has " + states + " states, more than its " + STATES);
    }
    fromStart = Arrays.copyOf(next, classes);
    base = new int[states];
    slots = pack(next, states, classes, base);
    assert packedIsTable(next, states, classes) : "the packed automaton differs from its table";
    out = new int[states][];
    ends = new boolean[states];
    for (int s = 0; s < states; s++) {
      List<int[]> o = outs.get(s);
      out[s] = new int[o.size() * 3];
      ends[s] = !o.isEmpty();
      for (int k = 0; k < o.size(); k++) {
        System.arraycopy(o.get(k), 0, out[s], k * 3, 3);
      }
    }
  }

  /** Characters of an alternative's start the automaton looks for at most. */
  static final int LITERAL = 8;

  /** States the packed table can name (16 bits, one value left for a free slot). */
  static final int STATES = 0xFFFF;

  /**
   * Packs each state's exceptions to the start state's row into one array, first fit in state order
   * (the states near the start, read most, packed closest together); sets {@code base}.
   */
  private static int[] pack(int[] next, int states, int classes, int[] base) {
    int[] slots = new int[classes * 8];
    Arrays.fill(slots, -1);
    // free[i]: a slot at or after i that may be free (path-compressed; exact for free slots)
    int[] free = new int[slots.length + 1];
    Arrays.setAll(free, i -> i);
    int[] exceptions = new int[classes];
    int highest = 0;
    for (int s = 1; s < states; s++) {
      int n = 0;
      for (int c = 0; c < classes; c++) {
        if (next[s * classes + c] != next[c]) {
          exceptions[n++] = c;
        }
      }
      if (n == 0) {
        continue; // base 0: no slot holds this state, every class goes as from the start state
      }
      // first fit, from a row's width before the highest offset yet: the holes further back are
      // too few for a state of several exceptions, and trying them made building slow
      int b;
      int from = Math.max(exceptions[0], highest - classes + exceptions[0]);
      for (int f = freeFrom(free, from); ; f = freeFrom(free, f + 1)) {
        b = f - exceptions[0];
        if (b + classes > slots.length) {
          int old = slots.length;
          slots = Arrays.copyOf(slots, old * 2);
          Arrays.fill(slots, old, slots.length, -1);
          int[] more = Arrays.copyOf(free, slots.length + 1);
          for (int i = old + 1; i < more.length; i++) {
            more[i] = i;
          }
          free = more;
        }
        boolean fits = true;
        for (int k = 1; k < n && fits; k++) {
          fits = slots[b + exceptions[k]] == -1;
        }
        if (fits) {
          break;
        }
      }
      base[s] = b;
      highest = Math.max(highest, b);
      for (int k = 0; k < n; k++) {
        slots[b + exceptions[k]] = s << 16 | next[s * classes + exceptions[k]];
        free[b + exceptions[k]] = b + exceptions[k] + 1;
      }
    }
    int end = 0;
    for (int s = 0; s < states; s++) {
      end = Math.max(end, base[s] + classes);
    }
    return Arrays.copyOf(slots, end);
  }

  /** The first free slot at or after {@code i} (the last entry of {@code free} is never taken). */
  private static int freeFrom(int[] free, int i) {
    int r = i;
    while (free[r] != r) {
      r = free[r];
    }
    while (free[i] != r) {
      int up = free[i];
      free[i] = r;
      i = up;
    }
    return r;
  }

  /** Whether the packed table gives every transition of the full one (checked under -ea). */
  private boolean packedIsTable(int[] next, int states, int classes) {
    for (int s = 0; s < states; s++) {
      for (int c = 0; c < classes; c++) {
        int slot = slots[base[s] + c];
        if ((slot >>> 16 == s ? slot & 0xFFFF : fromStart[c]) != next[s * classes + c]) {
          return false;
        }
      }
    }
    return true;
  }

  /** Whether {@code p} is found through the automaton. */
  boolean covers(Pattern p) {
    return index.containsKey(p);
  }

  /** The place of {@code p}'s list in the automaton, for {@link Hits#first(int)}; -1 if none. */
  int list(Pattern p) {
    Integer l = index.get(p);
    return l == null ? -1 : l;
  }

  /** The automaton's pass over one text: where each list's alternatives can start. */
  Hits scan(String text) {
    // per list, the candidates as (start << 16 | alternative), in the order found
    long[][] at = new long[lists.length][];
    int[] n = new int[lists.length];
    int state = 0;
    for (int i = 0; i < text.length(); i++) {
      int c = charClass[text.charAt(i)];
      int slot = slots[base[state] + c];
      state = slot >>> 16 == state ? slot & 0xFFFF : fromStart[c];
      if (!ends[state]) {
        continue;
      }
      int[] o = out[state];
      for (int k = 0; k < o.length; k += 3) {
        int l = o[k];
        long[] a = at[l];
        if (a == null) {
          a = at[l] = new long[16];
        } else if (n[l] == a.length) {
          a = at[l] = Arrays.copyOf(a, a.length * 2);
        }
        a[n[l]++] = ((long) (i - o[k + 2] + 1) << 32) | o[k + 1];
      }
    }
    return new Hits(text, at, n);
  }

  /** One text's candidates, sorted per list when first asked for. */
  final class Hits {
    private final String text;
    private final long[][] at;
    private final int[] n;
    private final boolean[] sorted;
    private final Matcher[][] matchers;

    private Hits(String text, long[][] at, int[] n) {
      this.text = text;
      this.at = at;
      this.n = n;
      this.sorted = new boolean[at.length];
      this.matchers = new Matcher[at.length][];
    }

    /** The matcher of one alternative over the text, made once per text. */
    private Matcher matcher(int l, int alt) {
      Matcher[] ms = matchers[l];
      if (ms == null) {
        ms = matchers[l] = new Matcher[lists[l].alternatives().length];
      }
      if (ms[alt] == null) {
        ms[alt] =
            lists[l]
                .alternatives()[alt]
                .matcher(text)
                .useTransparentBounds(true)
                .useAnchoringBounds(false);
      }
      return ms[alt];
    }

    String text() {
      return text;
    }

    /**
     * The first {@code limit} distinct matches of {@code p} (stripped), each where {@code find()}
     * would find it; as {@link MailSigns#foundScanningAll} with a limit of three.
     */
    List<String> found(Pattern p, int limit) {
      Integer l = index.get(p);
      if (l == null) {
        throw new IllegalArgumentException("not a phrase list of the automaton: " + p);
      }
      List<String> result = new ArrayList<>();
      int[] cursor = {0};
      int from = 0;
      while (result.size() < limit) {
        Matcher m = next(l, from, cursor);
        if (m == null) {
          break;
        }
        String g = m.group().strip();
        if (!result.contains(g)) {
          result.add(g);
        }
        from = m.end() > m.start() ? m.end() : m.end() + 1;
      }
      return result;
    }

    /**
     * Where the first {@code limit} matches of {@code p} start and end, as successive {@code
     * find()} calls find them.
     */
    List<int[]> spans(Pattern p, int limit) {
      int l = index.get(p);
      List<int[]> result = new ArrayList<>();
      int[] cursor = {0};
      int from = 0;
      while (result.size() < limit) {
        Matcher m = next(l, from, cursor);
        if (m == null) {
          break;
        }
        result.add(new int[] {m.start(), m.end()});
        from = m.end() > m.start() ? m.end() : m.end() + 1;
      }
      return result;
    }

    /** The distinct positions, ascending, where one of {@code p}'s alternatives can start. */
    int[] starts(Pattern p) {
      int l = index.get(p);
      long[] a = at[l];
      if (a == null) {
        return new int[0];
      }
      sort(l);
      int[] out = new int[n[l]];
      int k = 0;
      for (int i = 0; i < n[l]; i++) {
        int start = (int) (a[i] >>> 32);
        if (k == 0 || out[k - 1] != start) {
          out[k++] = start;
        }
      }
      return Arrays.copyOf(out, k);
    }

    private void sort(int l) {
      if (!sorted[l]) {
        Arrays.sort(at[l], 0, n[l]);
        sorted[l] = true;
      }
    }

    /**
     * The first match of the list at {@code l} ({@link #list}), as {@code find()} finds its
     * pattern's first match, or null.
     */
    String first(int l) {
      if (at[l] == null) {
        return null;
      }
      Matcher m = next(l, 0, new int[] {0});
      return m == null ? null : m.group();
    }

    /** The first match of {@code p}, as {@code find()} finds it, or null. */
    String first(Pattern p) {
      Integer l = index.get(p);
      if (l == null) {
        Matcher m = p.matcher(text);
        return m.find() ? m.group() : null;
      }
      Matcher m = next(l, 0, new int[] {0});
      return m == null ? null : m.group();
    }

    /**
     * The leftmost match of list {@code l} starting at {@code from} or later, trying at each
     * candidate position the alternatives that can start there in their order in the list.
     */
    private Matcher next(int l, int from, int[] cursor) {
      long[] a = at[l];
      if (a == null) {
        return null;
      }
      sort(l);
      int k = cursor[0];
      while (k < n[l] && (int) (a[k] >>> 32) < from) {
        k++;
      }
      while (k < n[l]) {
        int start = (int) (a[k] >>> 32);
        // the alternatives that can start here, ascending (sorted with the position)
        for (; k < n[l] && (int) (a[k] >>> 32) == start; k++) {
          int alt = (int) a[k];
          if (k > 0 && a[k - 1] == a[k]) {
            continue;
          }
          Matcher m = matcher(l, alt).region(start, text.length());
          if (m.lookingAt()) {
            while (k < n[l] && (int) (a[k] >>> 32) == start) {
              k++;
            }
            cursor[0] = k;
            return m;
          }
        }
      }
      cursor[0] = k;
      return null;
    }
  }
}
