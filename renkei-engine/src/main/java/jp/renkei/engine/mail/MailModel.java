package jp.renkei.engine.mail;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * A small statistical model of phishing wording, in addition to the rules (issue 19): for every
 * word (Latin, Cyrillic ... letters) and every pair of adjacent Japanese or Chinese characters, the
 * log-ratio of how often messages of each kind contain it (naive Bayes, presence per message,
 * Laplace smoothing), learnt from labelled messages. A message is scored Graham-style by its {@link
 * #TELLING} most telling tokens (largest ratios either way), so the score is explained by the
 * tokens that made it: the analyst sees the words that resemble phishing.
 *
 * <p>The model is data, not code: it is trained by the benchmark from the corpora its licences
 * allow to be fetched but not shipped ({@code bench/mail-corpora.sh}, docs/benchmarks.md) and read
 * from a file; without one the analyser uses the rules alone. Immutable and thread-safe.
 */
public final class MailModel {

  /** The tokens that decide a message's score. */
  static final int TELLING = 15;

  /** Tokens kept in a model (the most frequent of those that tell the kinds apart). */
  static final int MAX_TOKENS = 20_000;

  /** Lines of a model file read at most (tokens plus header). */
  static final int MAX_LINES = MAX_TOKENS + 10;

  private static final String MAGIC = "renkei-mail-model 1";

  private final Map<String, Float> ratios;
  private final double threshold;
  private final String source;

  MailModel(Map<String, Float> ratios, double threshold, String source) {
    this.ratios = Map.copyOf(ratios);
    this.threshold = threshold;
    this.source = source;
  }

  /** A score over the threshold, and the tokens that pushed it there (most telling first). */
  public record Score(double value, boolean phishing, List<String> tokens) {}

  /** A model file that cannot be read: what is wrong and on which line. */
  public static final class InvalidModel extends RuntimeException {
    private static final long serialVersionUID = 1L;

    InvalidModel(int line, String what) {
      super("mail model, line " + line + ": " + what);
    }
  }

  public double threshold() {
    return threshold;
  }

  /** Which data trained it (corpora, split, date), as written in the file. */
  public String source() {
    return source;
  }

  public int size() {
    return ratios.size();
  }

  /** The same model with another decision threshold. */
  public MailModel withThreshold(double t) {
    return new MailModel(ratios, t, source);
  }

  /** The score of a (lower-cased) text. */
  public Score score(String text) {
    List<Map.Entry<String, Float>> seen = new ArrayList<>();
    for (String t : tokens(text)) {
      Float r = ratios.get(t);
      if (r != null) {
        seen.add(Map.entry(t, r));
      }
    }
    seen.sort(Comparator.comparingDouble((Map.Entry<String, Float> e) -> -Math.abs(e.getValue())));
    double sum = 0;
    List<String> phishy = new ArrayList<>();
    for (int i = 0; i < Math.min(TELLING, seen.size()); i++) {
      Map.Entry<String, Float> e = seen.get(i);
      sum += e.getValue();
      if (e.getValue() > 0 && phishy.size() < 6) {
        phishy.add(e.getKey());
      }
    }
    return new Score(sum, sum >= threshold, List.copyOf(phishy));
  }

  /**
   * The distinct tokens of a text: words of 3 to 24 letters outside the CJK scripts (digits and
   * words with them left out: dates, amounts and ids say when, not what), and pairs of adjacent CJK
   * characters (kana, kanji, hangul), as Japanese has no spaces.
   */
  static Set<String> tokens(String text) {
    Set<String> out = new LinkedHashSet<>();
    int n = text.length();
    int i = 0;
    while (i < n) {
      int c = text.codePointAt(i);
      if (cjk(c)) {
        int j = i + Character.charCount(c);
        if (j < n && cjk(text.codePointAt(j))) {
          int d = text.codePointAt(j);
          out.add(new StringBuilder().appendCodePoint(c).appendCodePoint(d).toString());
        }
        i = j;
      } else if (Character.isLetter(c)) {
        int j = i;
        boolean digit = false;
        while (j < n) {
          int d = text.codePointAt(j);
          if (cjk(d) || !(Character.isLetterOrDigit(d) || d == '\'')) {
            break;
          }
          digit |= Character.isDigit(d);
          j += Character.charCount(d);
        }
        int len = text.codePointCount(i, j);
        if (!digit && len >= 3 && len <= 24) {
          out.add(text.substring(i, j).replace("'", ""));
        }
        i = j;
      } else {
        i += Character.charCount(c);
      }
    }
    return out;
  }

  private static boolean cjk(int c) {
    if (c == 'ー' || c == '々') {
      return true; // the long-vowel and repetition marks belong to the word, though "common"
    }
    Character.UnicodeScript s = Character.UnicodeScript.of(c);
    return s == Character.UnicodeScript.HAN
        || s == Character.UnicodeScript.HIRAGANA
        || s == Character.UnicodeScript.KATAKANA
        || s == Character.UnicodeScript.HANGUL;
  }

  /**
   * Learns from the texts of phishing and of legitimate messages (each lower-cased): tokens seen in
   * at least {@code minCount} messages and in both kinds, the {@link #MAX_TOKENS} most frequent
   * kept.
   */
  public static MailModel train(
      Collection<String> phishing,
      Collection<String> legitimate,
      int minCount,
      double threshold,
      String source) {
    return train(phishing, legitimate, minCount, 1, threshold, source);
  }

  /**
   * As {@link #train(Collection, Collection, int, double, String)}, keeping only tokens seen in at
   * least {@code minEach} messages of each kind. With legitimate mail in one language, a word of
   * another language that a stray legitimate message or two happen to use ("für", "para") would
   * otherwise weigh as phishing and the model would tell languages apart, not phishing.
   */
  public static MailModel train(
      Collection<String> phishing,
      Collection<String> legitimate,
      int minCount,
      int minEach,
      double threshold,
      String source) {
    Map<String, int[]> counts = new HashMap<>();
    for (String t : phishing) {
      tokens(t).forEach(k -> counts.computeIfAbsent(k, x -> new int[2])[0]++);
    }
    for (String t : legitimate) {
      tokens(t).forEach(k -> counts.computeIfAbsent(k, x -> new int[2])[1]++);
    }
    double p = phishing.size();
    double l = legitimate.size();
    List<Map.Entry<String, int[]>> kept =
        counts.entrySet().stream()
            // only what both kinds of mail were seen to use: a word of a language the legitimate
            // mail lacks says which language it is, not whether it is phishing
            .filter(
                e ->
                    e.getValue()[0] >= Math.max(1, minEach)
                        && e.getValue()[1] >= Math.max(1, minEach))
            .filter(e -> e.getValue()[0] + e.getValue()[1] >= minCount)
            .sorted(
                Comparator.comparingInt(
                        (Map.Entry<String, int[]> e) -> -e.getValue()[0] - e.getValue()[1])
                    .thenComparing(Map.Entry::getKey))
            .limit(MAX_TOKENS)
            .toList();
    Map<String, Float> ratios = new HashMap<>();
    for (Map.Entry<String, int[]> e : kept) {
      double inPhishing = (e.getValue()[0] + 1) / (p + 2);
      double inLegitimate = (e.getValue()[1] + 1) / (l + 2);
      float r = (float) Math.log(inPhishing / inLegitimate);
      if (Math.abs(r) >= 0.5) {
        ratios.put(e.getKey(), r);
      }
    }
    return new MailModel(ratios, threshold, source);
  }

  /** Writes the model as text: a header, then one token and its log-ratio per line. */
  public void write(Writer out) throws IOException {
    out.write(MAGIC + "\n");
    out.write("threshold\t" + threshold + "\n");
    out.write("source\t" + source.replaceAll("[\\t\\r\\n]", " ") + "\n");
    List<String> keys = new ArrayList<>(ratios.keySet());
    keys.sort(null);
    for (String k : keys) {
      out.write(k + "\t" + String.format(Locale.ROOT, "%.4f", ratios.get(k)) + "\n");
    }
  }

  /** Reads a model written by {@link #write}; a bad file is refused naming the line. */
  public static MailModel read(Reader in) throws IOException {
    BufferedReader r = new BufferedReader(in);
    String first = r.readLine();
    if (!MAGIC.equals(first)) {
      throw new InvalidModel(1, "not a model file (expected \"" + MAGIC + "\")");
    }
    double threshold = Double.NaN;
    String source = "";
    Map<String, Float> ratios = new HashMap<>();
    int line = 1;
    for (String s = r.readLine(); s != null; s = r.readLine()) {
      line++;
      if (line > MAX_LINES) {
        throw new InvalidModel(line, "more than " + MAX_TOKENS + " tokens");
      }
      int tab = s.indexOf('\t');
      if (tab <= 0 || s.indexOf('\t', tab + 1) >= 0) {
        throw new InvalidModel(line, "expected a token, a tab and a number");
      }
      String key = s.substring(0, tab);
      String value = s.substring(tab + 1);
      if (line == 3 && key.equals("source")) {
        source = value;
        continue;
      }
      double v;
      try {
        v = Double.parseDouble(value);
      } catch (NumberFormatException e) {
        throw new InvalidModel(line, "not a number: " + value);
      }
      if (!Double.isFinite(v) || Math.abs(v) > 50) {
        throw new InvalidModel(line, "out of range: " + value);
      }
      if (line == 2) {
        if (!key.equals("threshold")) {
          throw new InvalidModel(line, "expected the threshold");
        }
        threshold = v;
      } else if (ratios.put(key, (float) v) != null) {
        throw new InvalidModel(line, "token given twice: " + key);
      }
    }
    if (Double.isNaN(threshold)) {
      throw new InvalidModel(line, "no threshold");
    }
    return new MailModel(ratios, threshold, source);
  }
}
