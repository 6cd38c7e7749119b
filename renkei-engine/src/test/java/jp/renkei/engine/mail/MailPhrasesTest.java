package jp.renkei.engine.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The phrase automaton finds what the phrase lists' own matchers find, match for match: the same
 * phrases in the same order for every list, the same first match for the callback claim.
 */
class MailPhrasesTest {

  /** What {@code find()} finds first, or null. */
  private static String first(Pattern p, String text) {
    Matcher m = p.matcher(text);
    return m.find() ? m.group() : null;
  }

  @Test
  void everyPhraseListIsReadByTheAutomaton() {
    MailPhrases phrases = new MailPhrases(MailSigns.PHRASE_LISTS);
    for (Pattern p : MailSigns.PHRASE_LISTS) {
      // a list with an alternative that starts with a class or a look-ahead is still found
      // exactly, but by a scan of its own: keep every alternative starting with literal text
      assertThat(phrases.covers(p)).as(p.pattern().substring(0, 40)).isTrue();
      assertThat(MailSigns.readByAutomaton(p)).isTrue();
    }
    for (MailBrands.Brand b : MailBrands.BRANDS) {
      assertThat(MailSigns.readByAutomaton(b.claim())).as(b.name()).isTrue();
    }
    assertThat(MailRegexStarts.starts(MailSigns.SIGNING.pattern()))
        .isEqualTo(MailSigns.SIGNING_STARTS);
  }

  @Test
  void atOnePositionTheFirstAlternativeInTheListWins() {
    // "ab" and "abcd" both start at 0: find() takes the first alternative that matches there,
    // not the longest; "(?:b)?c" may start at "c" or "bc"; "(?<!x)\\d+z" at any digit not after x
    List<Pattern> lists =
        List.of(
            Pattern.compile("ab|abcd|\\b(?:b)?c|(?<!x)\\d+z|é(?:tat|té)"),
            Pattern.compile("abcd|ab|cd|d"),
            Pattern.compile("\\w+|ab"));
    MailPhrases phrases = new MailPhrases(lists);
    assertThat(phrases.covers(lists.get(0))).isTrue();
    assertThat(phrases.covers(lists.get(1))).isTrue();
    assertThat(phrases.covers(lists.get(2))).isFalse();
    String text = "abcd c bc x12z 34z été état abab cd abcd";
    MailPhrases.Hits hits = phrases.scan(text);
    assertThat(hits.found(lists.get(0), 10))
        .containsExactly("ab", "c", "bc", "2z", "34z", "été", "état");
    assertThat(hits.found(lists.get(1), 10)).containsExactly("abcd", "ab", "cd");
    assertThat(hits.first(lists.get(1))).isEqualTo("abcd");
    assertThat(hits.first(lists.get(2))).isEqualTo("abcd");
    assertThatThrownBy(() -> hits.found(lists.get(2), 3))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(phrases.scan("").found(lists.get(0), 3)).isEmpty();
    assertThat(phrases.scan("xyz").first(lists.get(0))).isNull();
  }

  /**
   * Texts made of the lists' own words in random order (many matches, overlaps and near misses),
   * with filler, Japanese and digits, and the test corpus: every list's phrases and the callback
   * claim's first match as the full scan finds them.
   */
  @Test
  void theAutomatonFindsWhatTheFullScanFinds() {
    Random random = new Random(20261201L);
    String[] filler = {
      " ", "  ", ". ", ", ", "\n", "the ", "your ", "a", "e", "お客様", "！", "-", "'", "1", "2024 ",
      "$", "#", "0.5 ", "€"
    };
    List<String[]> words = new ArrayList<>();
    for (Pattern p : MailSigns.PHRASE_LISTS) {
      words.add(p.pattern().split("[\\\\()\\[\\]|?:*+{}^$.,0-9]+"));
    }
    int matches = 0;
    for (int round = 0; round < 4_000; round++) {
      StringBuilder t = new StringBuilder();
      int n = 5 + random.nextInt(80);
      for (int k = 0; k < n; k++) {
        String[] w = words.get(random.nextInt(words.size()));
        t.append(
            random.nextInt(3) == 0
                ? filler[random.nextInt(filler.length)]
                : w[random.nextInt(w.length)]);
        if (random.nextBoolean()) {
          t.append(' ');
        }
      }
      matches += same(t.toString());
    }
    assertThat(matches).isGreaterThan(10_000);
    for (MailCorpus.Sample c : MailCorpus.all()) {
      same(new String(c.eml(), StandardCharsets.UTF_8).toLowerCase(Locale.ROOT));
    }
  }

  /**
   * The word count and the word list without the regex count and list what the regex finds, in
   * every script.
   */
  @Test
  void wordsAreCountedAsTheWordPatternFindsThem() {
    String[] pieces = {
      "a", "bc", "dé", "İ", "ß", " ", "\n", "1", "23", "-", "漢字", "ひらがな", "カタカナ", "ｶﾀｶﾅ", "々", "〇",
      "㋐", "ー", "・", "한국어", "русский", "عربى", "𠮷", "😀", "\u0301", "ǅ", "ʰ", "〻", "㆑", "ㇰ",
      "\uD800", "x\uDC00"
    };
    Random random = new Random(20261201L);
    for (int round = 0; round < 20_000; round++) {
      StringBuilder t = new StringBuilder();
      int n = random.nextInt(25);
      for (int k = 0; k < n; k++) {
        t.append(pieces[random.nextInt(pieces.length)]);
      }
      String text = t.toString();
      assertThat(MailText.wordCount(text))
          .as(text)
          .isEqualTo((int) MailText.WORD.matcher(text).results().count());
      assertThat(MailText.words(text))
          .as(text)
          .isEqualTo(MailText.WORD.matcher(text).results().map(r -> r.group()).toList());
    }
    for (MailCorpus.Sample c : MailCorpus.all()) {
      String text = new String(c.eml(), StandardCharsets.UTF_8);
      assertThat(MailText.wordCount(text))
          .isEqualTo((int) MailText.WORD.matcher(text).results().count());
      assertThat(MailText.words(text))
          .isEqualTo(MailText.WORD.matcher(text).results().map(r -> r.group()).toList());
    }
  }

  /**
   * User-name fields and greetings found where they can start (a field name, a line start after any
   * of Java's line terminators) are the ones a full scan finds.
   */
  @Test
  void userNameFieldsAreFoundAsTheFullScanFindsThem() {
    String[] pieces = {
      "user name: ",
      "username:",
      "usuário：",
      "usuario: ",
      "ユーザー名：",
      "ログインid: ",
      "benutzername ",
      "hi ",
      "hello ",
      "dear ",
      "beste ",
      "olá ",
      " ",
      "\t",
      "\n",
      "\r",
      "\r\n",
      "\u2028",
      "\u0085",
      ",",
      "!",
      "www.x.blogspot.com",
      "75 btc",
      "$100",
      "+1 888 555 0199",
      "taro",
      "a@b.example",
      "https://evil.example/x",
      "mr smith",
      "0120-123-456"
    };
    Random random = new Random(20261202L);
    int found = 0;
    for (int round = 0; round < 20_000; round++) {
      StringBuilder t = new StringBuilder();
      int n = random.nextInt(30);
      for (int k = 0; k < n; k++) {
        t.append(pieces[random.nextInt(pieces.length)]);
      }
      String text = t.toString();
      String all = MailNameFieldLures.nameFieldScanningAll(text);
      assertThat(MailNameFieldLures.nameField(text)).as(text).isEqualTo(all);
      found += all == null ? 0 : 1;
    }
    assertThat(found).isGreaterThan(1_000);
    for (MailCorpus.Sample c : MailCorpus.all()) {
      String text = new String(c.eml(), StandardCharsets.UTF_8).toLowerCase(Locale.ROOT);
      assertThat(MailNameFieldLures.nameField(text))
          .isEqualTo(MailNameFieldLures.nameFieldScanningAll(text));
    }
  }

  /** The unsubscribe words' spans are the successive matches of find(). */
  @Test
  void spansAreTheSuccessiveMatches() {
    Pattern p = Pattern.compile("unsubscribe|opt[- ]out|配信(?:停止|解除)|un");
    MailPhrases phrases = new MailPhrases(List.of(p));
    String text = "to unsubscribe or opt-out, un un 配信停止 unsub opt out";
    List<int[]> spans = phrases.scan(text).spans(p, 20);
    Matcher m = p.matcher(text);
    List<String> expected = new ArrayList<>();
    while (m.find()) {
      expected.add(m.start() + "-" + m.end());
    }
    assertThat(spans.stream().map(s -> s[0] + "-" + s[1]).toList()).isEqualTo(expected);
    assertThat(phrases.scan(text).spans(p, 2)).hasSize(2);
  }

  /** Random words are counted run by run as the patterns count them. */
  @Test
  void randomWordsAreCountedAsThePatternsCountThem() {
    String[] pieces = {
      "a",
      "b",
      "g",
      "z",
      "x9",
      "q7",
      "0",
      "5",
      "k3j8",
      "zdb5oq",
      "xl3etiungy5oqk2e",
      " ",
      ".",
      "-",
      "é",
      "漢",
      "²",
      "Ⅻ",
      "A",
      "_",
      "𠮷",
      "\uD835\uDC00",
      "\uDC00",
      "\uD800",
      "٣",
      "ab12cd34ef56gh78ij90kl",
      "\n"
    };
    Random random = new Random(20261203L);
    int words = 0;
    for (int round = 0; round < 30_000; round++) {
      StringBuilder t = new StringBuilder();
      int n = random.nextInt(40);
      for (int k = 0; k < n; k++) {
        t.append(pieces[random.nextInt(pieces.length)]);
      }
      String text = t.toString();
      List<String> a = new ArrayList<>();
      List<String> b = new ArrayList<>();
      int expected = MailRandomNames.randomWordsByPattern(text, b);
      assertThat(MailRandomNames.randomWords(text, a)).as(text).isEqualTo(expected);
      assertThat(a).as(text).isEqualTo(b);
      words += expected;
    }
    assertThat(words).isGreaterThan(5_000);
    for (MailCorpus.Sample c : MailCorpus.all()) {
      String text = new String(c.eml(), StandardCharsets.UTF_8).toLowerCase(Locale.ROOT);
      assertThat(MailRandomNames.randomWords(text, null))
          .isEqualTo(MailRandomNames.randomWordsByPattern(text, null));
    }
  }

  /**
   * The starts the automaton looks for are sound: every match of every alternative of every list,
   * brand claim and signing pattern, found at every position where it matches, begins with one of
   * that alternative's starts (so trying an alternative only where one of them occurs misses
   * nothing). On texts made of each pattern's own words and filler, and on the test corpus.
   */
  @Test
  void everyMatchOfAnAlternativeBeginsWithOneOfItsStarts() {
    List<Pattern> patterns = new ArrayList<>(MailSigns.PHRASE_LISTS);
    MailBrands.BRANDS.forEach(b -> patterns.add(b.claim()));
    patterns.add(MailSigns.SIGNING);
    patterns.addAll(MailSigns.SIGNED_AS);
    String[] filler = {" ", ". ", "\n", "the ", "a", "e", "-", "1", "2024 ", "$", "#", "お客様", "様"};
    Random random = new Random(20261202L);
    List<String> corpus = new ArrayList<>();
    for (MailCorpus.Sample c : MailCorpus.all()) {
      corpus.add(new String(c.eml(), StandardCharsets.UTF_8).toLowerCase(Locale.ROOT));
    }
    int matches = 0;
    for (Pattern p : patterns) {
      String[] words = p.pattern().split("[\\\\()\\[\\]|?:*+{}^$.,]+");
      List<String> texts = new ArrayList<>(corpus);
      for (int round = 0; round < 40; round++) {
        StringBuilder t = new StringBuilder();
        for (int k = 5 + random.nextInt(60); k > 0; k--) {
          t.append(
              random.nextInt(3) == 0
                  ? filler[random.nextInt(filler.length)]
                  : words[random.nextInt(words.length)]);
          if (random.nextBoolean()) {
            t.append(random.nextBoolean() ? " " : "");
          }
        }
        texts.add(t.toString());
      }
      for (String alternative : MailRegexStarts.topLevelAlternatives(p.pattern())) {
        List<String> starts = MailRegexStarts.starts(alternative);
        assertThat(starts).as(alternative).isNotNull();
        Matcher m = Pattern.compile(alternative).matcher("");
        for (String text : texts) {
          m.reset(text).useTransparentBounds(true).useAnchoringBounds(false);
          for (int at = 0; at < text.length() && m.find(at); at = m.start() + 1) {
            int start = m.start();
            assertThat(starts)
                .as("%s at %d of %s", alternative, start, text)
                .anyMatch(s -> text.startsWith(s, start));
            matches++;
          }
        }
      }
    }
    assertThat(matches).isGreaterThan(20_000);
  }

  /**
   * The packed transition table gives every transition of the full table it was made from: the
   * constructor compares them when assertions are on (as in these tests), for the analyser's
   * automata and for random ones of many shapes, whose first matches are also find()'s.
   */
  @Test
  void thePackedTableIsTheFullTable() {
    boolean checked = false;
    assert checked = true;
    assertThat(checked).as("assertions on: the constructor compares the tables").isTrue();
    List<Pattern> all = new ArrayList<>(MailSigns.PHRASE_LISTS);
    MailBrands.BRANDS.forEach(b -> all.add(b.claim()));
    new MailPhrases(all);
    String letters = "abcdeé漢字 -";
    Random random = new Random(20261204L);
    for (int round = 0; round < 300; round++) {
      List<Pattern> lists = new ArrayList<>();
      for (int l = 1 + random.nextInt(6); l > 0; l--) {
        List<String> alternatives = new ArrayList<>();
        for (int a = 1 + random.nextInt(12); a > 0; a--) {
          StringBuilder w = new StringBuilder();
          for (int k = 1 + random.nextInt(7); k > 0; k--) {
            w.append(letters.charAt(random.nextInt(letters.length())));
            if (random.nextInt(6) == 0) {
              w.append('?');
            }
          }
          alternatives.add(w.toString().replaceFirst("^\\?", ""));
        }
        lists.add(Pattern.compile(String.join("|", alternatives).replace("|?", "|")));
      }
      MailPhrases phrases = new MailPhrases(lists);
      for (int t = 0; t < 20; t++) {
        StringBuilder text = new StringBuilder();
        for (int k = random.nextInt(60); k > 0; k--) {
          text.append(letters.charAt(random.nextInt(letters.length())));
        }
        MailPhrases.Hits hits = phrases.scan(text.toString());
        for (Pattern p : lists) {
          if (phrases.covers(p)) {
            assertThat(hits.first(p)).as(p + " in " + text).isEqualTo(first(p, text.toString()));
          }
        }
      }
    }
  }

  private static int same(String text) {
    MailPhrases.Hits hits = MailSigns.phrases(text);
    int matches = 0;
    for (Pattern p : MailSigns.PHRASE_LISTS) {
      List<String> all = MailSigns.foundScanningAll(p, text);
      assertThat(MailSigns.found(p, hits)).as(text).isEqualTo(all);
      assertThat(hits.first(p)).as(text).isEqualTo(first(p, text));
      matches += all.size();
    }
    return matches;
  }
}
