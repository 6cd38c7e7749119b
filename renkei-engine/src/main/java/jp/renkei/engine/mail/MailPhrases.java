package jp.renkei.engine.mail;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
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
 * text ({@link MailSigns#starts}). The literals of every alternative of every list go into one
 * Aho–Corasick automaton; one pass over the lower-cased text gives, for each list, the positions
 * where one of its alternatives can start and which alternatives those are. A list is then tried
 * only there, and only with those alternatives, in their order in the list: at a position, Java's
 * matcher takes the first alternative that matches, so trying the others is wasted work. What is
 * found is what {@code Pattern.matcher(text).find()} finds, match for match ({@code
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

  /** The automaton: a complete transition table over the classes of the literals' characters. */
  private final char[] charClass = new char[Character.MAX_VALUE + 1];

  private final int classes;

  private final int[] next;

  /** Per state, what ends there: pairs of (list, alternative) and the literal's length. */
  private final int[][] out;

  /** Whether anything ends at a state (most states: nothing). */
  private final boolean[] ends;

  MailPhrases(List<Pattern> patterns) {
    List<PhraseList> ls = new ArrayList<>();
    List<String> literals = new ArrayList<>();
    List<int[]> owners = new ArrayList<>();
    for (Pattern p : patterns) {
      List<String> alternatives = MailSigns.topLevelAlternatives(p.pattern());
      List<List<String>> starts = new ArrayList<>();
      for (String a : alternatives) {
        List<String> s = MailSigns.starts(a);
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
        for (String s : starts.get(a)) {
          literals.add(s);
          owners.add(new int[] {li, a});
        }
      }
      ls.add(new PhraseList(p, compiled));
    }
    lists = ls.toArray(PhraseList[]::new);
    // characters of the literals, each a class of its own; every other character is class 0
    Map<Character, Character> cls = new HashMap<>();
    for (String s : literals) {
      for (char c : s.toCharArray()) {
        cls.computeIfAbsent(c, x -> (char) (cls.size() + 1));
      }
    }
    cls.forEach((c, k) -> charClass[c] = k);
    classes = cls.size() + 1;
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
    next = new int[states * classes];
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

  /** Whether {@code p} is found through the automaton. */
  boolean covers(Pattern p) {
    return index.containsKey(p);
  }

  /** The automaton's pass over one text: where each list's alternatives can start. */
  Hits scan(String text) {
    // per list, the candidates as (start << 16 | alternative), in the order found
    long[][] at = new long[lists.length][];
    int[] n = new int[lists.length];
    int state = 0;
    for (int i = 0; i < text.length(); i++) {
      state = next[state * classes + charClass[text.charAt(i)]];
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
