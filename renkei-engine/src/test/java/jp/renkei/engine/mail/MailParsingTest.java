package jp.renkei.engine.mail;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

/**
 * The parsing machinery made cheaper (issue 19) reads exactly what the code it replaced read: the
 * HTML elements of one walk are those of the selectors, a URL found only before a "//" is the one
 * {@code find()} finds, a Received date read by hand is the formatter's, spaces are folded as the
 * regex folded them.
 */
class MailParsingTest {

  private static final String[] HTML_PIECES = {
    "<a href=\"http://a.example/x\">",
    "<a>",
    "<A HREF='https://b.example'>",
    "</a>",
    "<area href=\"http://c.example\">",
    "<map name=m>",
    "</map>",
    "<img src=x.png>",
    "<IMG>",
    "<input type=password name=p>",
    "<input name=q>",
    "<form action=\"https://f.example\">",
    "<FORM ACTION=/post>",
    "<form>",
    "<form action>",
    "<svg><form action=s></form></svg>",
    "<math><Form Action=m></Form></math>",
    "</form>",
    "<meta http-equiv=\"Refresh\" content=\"0\">",
    "<meta http-equiv=refreshx>",
    "<meta name=refresh>",
    "<div style=\"display:none\">",
    "<span hidden>",
    "<p STYLE=\"color:red\">",
    "</div>",
    "</span>",
    "</p>",
    "text ",
    "<svg><a href=\"#s\"><image/></a></svg>",
    "<svg><A HREF=\"#u\"><IMG/></A><Input/><META http-equiv=refresh/></svg>",
    "<math><mi><Area href=v></Area></mi></math>",
    "<svg><foreignObject><a href=f><img></a></foreignObject></svg>",
    "<table><tr><td>",
    "</td></tr></table>",
    "<!-- <a href=x> -->",
    "<template><a href=t></a></template>",
    "<math><area href=m></math>",
    "<noscript><img></noscript>",
    "<a href>",
    "<area>",
    "<iframe>",
    "</iframe>"
  };

  private static void sameAsSelectors(String html) {
    Document doc = Jsoup.parse(html);
    MailHtml.HtmlElements found = new MailHtml.HtmlElements(doc);
    assertThat(found.areasInLinks)
        .as(html)
        .containsExactlyElementsOf(doc.select("a[href] area[href], a[href] map area[href]"));
    assertThat(found.links).as(html).containsExactlyElementsOf(doc.select("a[href], area[href]"));
    assertThat(found.inputs).as(html).containsExactlyElementsOf(doc.select("input"));
    assertThat(found.styled).as(html).containsExactlyElementsOf(doc.select("[style], [hidden]"));
    assertThat(found.refresh)
        .as(html)
        .isEqualTo(!doc.select("meta[http-equiv~=(?i)refresh]").isEmpty());
    assertThat(found.imagesInLinks).as(html).isEqualTo(doc.select("a[href] img").size());
    assertThat(found.formsWithAction)
        .as(html)
        .containsExactlyElementsOf(doc.select("form[action]"));
    for (Element area : found.areasInLinks) {
      assertThat(area.closest(MailHtml.A_HREF)).isSameAs(area.closest("a[href]"));
    }
  }

  /** The one walk over an HTML part collects what each selector collected, in the same order. */
  @Test
  void oneWalkFindsWhatTheSelectorsFound() {
    Random random = new Random(20261202L);
    for (int round = 0; round < 3_000; round++) {
      StringBuilder html = new StringBuilder();
      int n = random.nextInt(40);
      for (int k = 0; k < n; k++) {
        html.append(HTML_PIECES[random.nextInt(HTML_PIECES.length)]);
      }
      sameAsSelectors(html.toString());
    }
    for (MailCorpus.Sample c : MailCorpus.all()) {
      sameAsSelectors(new String(c.eml(), StandardCharsets.UTF_8));
    }
  }

  private static final String[] URL_PIECES = {
    "http",
    "https",
    "hxxp",
    "HXXPS",
    "h**p",
    "H**ps",
    "ftp",
    "ftps",
    "file",
    ":",
    "[:]",
    "//",
    "/",
    "///",
    "a.example",
    "[.]",
    "x",
    " ",
    "\n",
    "(",
    ")",
    "、",
    "\"",
    "<",
    "é",
    "_",
    "-",
    "1",
    "http://",
    "ahttp://",
    "https[:]//b.example/p?q=1",
    "ftp://f.example",
    "//",
    "::",
    "h",
    "t"
  };

  private static List<String> byFind(String text) {
    List<String> out = new ArrayList<>();
    Matcher m = MailText.URL.matcher(text);
    while (m.find()) {
      out.add(m.start() + ":" + m.group());
    }
    return out;
  }

  private static List<String> byNextUrl(String text) {
    List<String> out = new ArrayList<>();
    Matcher m = MailText.URL.matcher(text);
    for (int from = 0; (from = MailLinks.nextUrl(m, text, from)) >= 0; ) {
      out.add(m.start() + ":" + m.group());
    }
    return out;
  }

  /** URLs looked for only before a "//" are the ones the pattern finds anywhere, in order. */
  @Test
  void urlsFoundBeforeTheirSlashesAreTheOnesFindFinds() {
    Random random = new Random(20261203L);
    int urls = 0;
    for (int round = 0; round < 30_000; round++) {
      StringBuilder t = new StringBuilder();
      int n = random.nextInt(30);
      for (int k = 0; k < n; k++) {
        t.append(URL_PIECES[random.nextInt(URL_PIECES.length)]);
      }
      String text = t.toString();
      List<String> expected = byFind(text);
      urls += expected.size();
      assertThat(byNextUrl(text)).as(text).isEqualTo(expected);
    }
    assertThat(urls).isGreaterThan(10_000);
    for (MailCorpus.Sample c : MailCorpus.all()) {
      String text = new String(c.eml(), StandardCharsets.UTF_8);
      assertThat(byNextUrl(text)).isEqualTo(byFind(text));
    }
  }

  private static Instant byFormatter(String d) {
    try {
      return ZonedDateTime.parse(d, MailEnvelope.RECEIVED_DATE).toInstant();
    } catch (DateTimeParseException e) {
      return null;
    }
  }

  /** One of the pieces, half the time one of the first three (the valid ones). */
  private static String pick(String[] pieces, Random random) {
    return pieces[random.nextInt(random.nextBoolean() ? 3 : pieces.length)];
  }

  /**
   * A Received date read by hand is the formatter's reading, and so is every refusal: usual dates,
   * and dates with a field out of range, a missing or extra digit, another case, another sign.
   */
  @Test
  void receivedDatesAreReadAsTheFormatterReadsThem() {
    String[] days = {"1", "01", "9", "28", "29", "30", "31", "32", "0", "00", "001", "", " 1", "a"};
    String[] months = {"Jan", "Feb", "Apr", "Dec", "dec", "DEC", "Jun", "Sept", "Fe", "Nov"};
    String[] years = {"2026", "2024", "1900", "2000", "0001", "0000", "999", "20260", "+2026"};
    String[] times = {
      "00:00",
      "23:59",
      "24:00",
      "09:05:07",
      "23:59:59",
      "23:59:60",
      "12:60",
      "1:05",
      "12:5",
      "12:05:7",
      "12:05:",
      "12-05",
      "12:05:07.5"
    };
    String[] offsets = {
      "+0000", "-0000", "+0900", "-0800", "+1800", "-1800", "+1801", "+1859", "+0960", "+2400",
      "+090", "+09:00", "0900", "GMT", "Z", "+09000"
    };
    Random random = new Random(20261204L);
    int read = 0;
    for (int round = 0; round < 40_000; round++) {
      String d =
          pick(days, random)
              + " "
              + pick(months, random)
              + " "
              + pick(years, random)
              + " "
              + pick(times, random)
              + (random.nextInt(20) == 0 ? "  " : " ")
              + pick(offsets, random)
              + (random.nextInt(20) == 0 ? " (JST)" : "");
      Instant expected = byFormatter(d);
      read += expected == null ? 0 : 1;
      assertThat(MailEnvelope.receivedDate(d)).as(d).isEqualTo(expected);
      Instant usual = MailEnvelope.usualReceivedDate(d);
      if (usual != null) {
        assertThat(usual).as(d).isEqualTo(expected);
      }
    }
    assertThat(read).isGreaterThan(2_000);
    assertThat(MailEnvelope.usualReceivedDate("1 Dec 2026 09:05:07 +0900"))
        .isEqualTo(Instant.parse("2026-12-01T00:05:07Z"));
    assertThat(MailEnvelope.usualReceivedDate("29 Feb 2023 09:05 +0900")).isNull();
    assertThat(MailEnvelope.receivedDate("")).isNull();
    assertThat(MailEnvelope.receivedDate("1 Dec")).isNull();
  }

  /** A link or its text offers unsubscribing exactly when the pattern finds a word in it. */
  @Test
  void unsubscribeWordsInLinksAreTheOnesThePatternFinds() {
    String[] pieces = {
      "unsubscribe",
      "unsub",
      "scribe",
      "opt-out",
      "opt out",
      "opt_out",
      "配信停止",
      "配信",
      "解除",
      "descadastr",
      "cancelar a inscri",
      "cancelar inscri",
      "darse de baja",
      "abmelden",
      "abbestellen",
      "désinscri",
      "desinscri",
      "se désabonner",
      "afmelden",
      "uitschrijven",
      "cancellare l'iscrizione",
      "cancella l'",
      "https://x.example/",
      "?u=",
      " ",
      "é",
      "o",
      "p",
      "t",
      "-"
    };
    Random random = new Random(20261206L);
    int found = 0;
    for (int round = 0; round < 30_000; round++) {
      StringBuilder t = new StringBuilder();
      int n = random.nextInt(8);
      for (int k = 0; k < n; k++) {
        t.append(pieces[random.nextInt(pieces.length)]);
      }
      String text = t.toString();
      boolean expected = MailUnsubscribe.UNSUBSCRIBE_TEXT.matcher(text).find();
      found += expected ? 1 : 0;
      assertThat(MailUnsubscribe.offersUnsubscribe(text)).as(text).isEqualTo(expected);
    }
    assertThat(found).isGreaterThan(5_000);
  }

  /**
   * Links and addresses are taken out of a text (before random words are counted) as the pattern's
   * replaceAll took them out: schemes, www., addresses, at any place of a run of non-space
   * characters.
   */
  @Test
  void linksAreTakenOutAsThePatternTookThemOut() {
    String[] pieces = {
      "a",
      "z",
      "w",
      "www.",
      "ww",
      ".",
      "@",
      "@@",
      ":",
      "://",
      "http:",
      "h1+.-:",
      "0",
      "+",
      "-",
      " ",
      "\t",
      "\n",
      "\u3000",
      "x@y",
      "mailto:",
      "é",
      "A",
      "https://a.example/p?q=1",
      "taro@example.co.jp",
      "1a:",
      "\uD83D\uDE00"
    };
    Random random = new Random(20261207L);
    int changed = 0;
    for (int round = 0; round < 50_000; round++) {
      StringBuilder t = new StringBuilder();
      int n = random.nextInt(14);
      for (int k = 0; k < n; k++) {
        t.append(pieces[random.nextInt(pieces.length)]);
      }
      String text = t.toString();
      String expected = MailRandomNames.LINK_OR_ADDRESS.matcher(text).replaceAll(" ");
      changed += expected.equals(text) ? 0 : 1;
      assertThat(MailRandomNames.withoutLinks(text)).as(text).isEqualTo(expected);
    }
    assertThat(changed).isGreaterThan(20_000);
    for (MailCorpus.Sample c : MailCorpus.all()) {
      String text = new String(c.eml(), StandardCharsets.UTF_8).toLowerCase(java.util.Locale.ROOT);
      assertThat(MailRandomNames.withoutLinks(text))
          .isEqualTo(MailRandomNames.LINK_OR_ADDRESS.matcher(text).replaceAll(" "));
    }
  }

  /**
   * Words broken by invisible characters are counted as before the quick look for those characters:
   * the pattern's count on every text (the look only skips texts where it finds nothing).
   */
  @Test
  void brokenWordsAreFoundWithOrWithoutTheQuickLook() {
    String[] pieces = {
      "a",
      "Z",
      "é",
      "漢",
      " ",
      "1",
      "a\u200B",
      "b\u200C\u200D",
      "\u2060",
      "\uFEFF",
      "\u00AD",
      "x\u200Bx"
    };
    java.util.regex.Pattern invisible =
        java.util.regex.Pattern.compile(
            "\\p{IsLatin}[\\u200B\\u200C\\u200D\\u2060\\uFEFF]+(?=\\p{IsLatin})");
    java.util.regex.Pattern inNumber =
        java.util.regex.Pattern.compile(
            "(?<=[0-9][-.]?)[\\u200B\\u200C\\u200D\\u2060\\uFEFF]+(?=[0-9])");
    Random random = new Random(20261208L);
    int flagged = 0;
    for (int round = 0; round < 20_000; round++) {
      StringBuilder t = new StringBuilder();
      int n = random.nextInt(60);
      for (int k = 0; k < n; k++) {
        t.append(pieces[random.nextInt(pieces.length)]);
      }
      String text = t.toString();
      Matcher m = invisible.matcher(text);
      int count = 0;
      while (m.find()) {
        count += m.group().length() - 1;
      }
      // invisible characters inside numbers are a mail builder's guard against auto-linking
      Matcher inNumbers = inNumber.matcher(text);
      int numbers = 0;
      while (inNumbers.find()) {
        numbers += inNumbers.group().length();
      }
      String found = MailBrokenWords.brokenWords(text);
      flagged += found == null ? 0 : 1;
      assertThat(found == null)
          .as(text)
          .isEqualTo(count < MailBrokenWords.BROKEN_WORDS || numbers * 2 >= count);
      if (found != null) {
        assertThat(found).as(text).startsWith(count + " × ");
      }
    }
    assertThat(flagged).isGreaterThan(100);
  }

  /**
   * Styles that move text out of sight are found before their colons as the pattern finds them
   * anywhere: the same matches, in order.
   */
  @Test
  void outOfSightStylesAreTheOnesFindFinds() {
    String[] pieces = {
      "margin-top",
      "MARGIN-BOTTOM",
      "padding-top",
      "top",
      "Height",
      "min-height",
      "max-height",
      "-",
      "x",
      "_",
      ":",
      " ",
      "\t",
      "\n",
      "1234",
      "99999",
      "0",
      "px",
      "PX",
      "vh",
      "em",
      "%",
      ";",
      "style=\"",
      "\"",
      "margin-",
      "-top",
      "é",
      "margin-top:1234px",
      "top : 99999vh",
      "Height:12345em",
      "x-top:1234px",
      "min-height:\t5000%",
      "padding-top :0001PX;",
      "margin-bottom:  20000px"
    };
    Random random = new Random(20261209L);
    int found = 0;
    for (int round = 0; round < 40_000; round++) {
      StringBuilder t = new StringBuilder();
      int n = random.nextInt(16);
      for (int k = 0; k < n; k++) {
        t.append(pieces[random.nextInt(pieces.length)]);
      }
      String html = t.toString();
      List<String> expected = new ArrayList<>();
      Matcher all = MailHtml.OUT_OF_SIGHT.matcher(html);
      while (all.find()) {
        expected.add(all.start() + ":" + all.group());
      }
      found += expected.size();
      List<String> actual = new ArrayList<>();
      Matcher m = MailHtml.OUT_OF_SIGHT.matcher(html);
      for (int from = 0; (from = MailHtml.nextOutOfSight(m, html, from)) >= 0; ) {
        actual.add(m.start() + ":" + m.group());
      }
      assertThat(actual).as(html).isEqualTo(expected);
    }
    assertThat(found).isGreaterThan(10_000);
  }

  /** Runs of regex white space become one space, other space (U+3000, U+00A0) stays. */
  @Test
  void spacesAreFoldedAsTheRegexFoldedThem() {
    String[] pieces = {
      "a", " ", "\t", "\n", "\r", "\u000B", "\f", "\u3000", "\u00A0", "é", "\u2028"
    };
    Random random = new Random(20261205L);
    for (int round = 0; round < 20_000; round++) {
      StringBuilder t = new StringBuilder();
      int n = random.nextInt(20);
      for (int k = 0; k < n; k++) {
        t.append(pieces[random.nextInt(pieces.length)]);
      }
      String text = t.toString();
      assertThat(MailText.oneSpace(text)).isEqualTo(text.replaceAll("\\s+", " "));
    }
  }

  /** The local-part test by a loop says what {@code matches(".*[._\\-0-9].*")} says. */
  @Test
  void punctuatedLocalPartsAreTheRegexOnes() {
    String[] pieces = {
      "a", "Z", ".", "_", "-", "0", "9", "\n", "\r", "\u0085", "\u2028", "\u2029", "é", "+", "@",
      " ", "\t", "٣"
    };
    Random random = new Random(20261210L);
    int punctuated = 0;
    for (int round = 0; round < 30_000; round++) {
      StringBuilder t = new StringBuilder();
      int n = random.nextInt(10);
      for (int k = 0; k < n; k++) {
        t.append(pieces[random.nextInt(pieces.length)]);
      }
      String local = t.toString();
      boolean expected = local.matches(".*[._\\-0-9].*");
      punctuated += expected ? 1 : 0;
      assertThat(MailSenders.punctuatedLocal(local)).as(local).isEqualTo(expected);
    }
    assertThat(punctuated).isGreaterThan(3_000);
  }

  /**
   * The brands a display name or subject claims, their claims tried where the automaton says they
   * can start, are those every claim's {@code find()} finds over the whole text; and a display
   * name's brand by name is the one whose reduced name it is.
   */
  @Test
  void claimedAndNamedBrandsAreThoseEveryPatternFinds() {
    List<String> pieces = new ArrayList<>();
    for (MailBrands.Brand b : MailBrands.BRANDS) {
      pieces.add(b.name());
    }
    int brands = pieces.size();
    pieces.addAll(
        List.of(
            " ",
            "-",
            ".",
            "の",
            "株式会社",
            "support",
            "Support Team",
            "セキュリティ",
            "アカウント",
            "カスタマーサービス",
            "お客様",
            "様",
            "team",
            "\n",
            "é",
            "ｱﾏｿﾞﾝ",
            "ＡＭＡＺＯＮ",
            "@",
            "customer service",
            "お知らせ",
            "【重要】",
            "Re: ",
            "'",
            "&",
            "x",
            "1",
            "securite",
            "Ｐａｙｐａｌ",
            "事務局"));
    Random random = new Random(20261211L);
    int claimed = 0;
    int named = 0;
    for (int round = 0; round < 30_000; round++) {
      StringBuilder t = new StringBuilder();
      int n = random.nextInt(6);
      for (int k = 0; k < n; k++) {
        String piece = pieces.get(random.nextInt(random.nextBoolean() ? brands : pieces.size()));
        t.append(
            switch (random.nextInt(4)) {
              case 0 -> piece.toUpperCase(java.util.Locale.ROOT);
              case 1 -> piece.toLowerCase(java.util.Locale.ROOT);
              default -> piece;
            });
      }
      String text = t.toString();
      String folded = MailText.fold(text).toLowerCase(java.util.Locale.ROOT);
      List<MailBrands.Brand> expected = new ArrayList<>();
      for (MailBrands.Brand b : MailBrands.BRANDS) {
        if (b.claim().matcher(folded).find()) {
          expected.add(b);
        }
      }
      claimed += expected.isEmpty() ? 0 : 1;
      assertThat(MailSigns.claimed(text)).as(text).isEqualTo(expected);
      String reduced = folded.replaceAll("[^\\p{L}\\p{N}]", "");
      // a brand that is also a first name is named only as it writes itself ("ANA", not "Ana")
      String asWritten = MailText.fold(text).replaceAll("[^\\p{L}\\p{N}]", "");
      List<MailBrands.Brand> byName = new ArrayList<>();
      for (MailBrands.Brand b : MailBrands.BRANDS) {
        if (!reduced.isEmpty()
            && b.name()
                .toLowerCase(java.util.Locale.ROOT)
                .replaceAll("[^\\p{L}\\p{N}]", "")
                .equals(reduced)
            && (!MailBrands.AS_WRITTEN.contains(b.name()) || asWritten.equals(b.name()))) {
          byName.add(b);
        }
      }
      named += byName.isEmpty() ? 0 : 1;
      assertThat(MailBrands.named(text)).as(text).isEqualTo(byName);
    }
    assertThat(claimed).isGreaterThan(10_000);
    assertThat(named).isGreaterThan(1_000);
  }

  /** A random text of {@code pieces}, up to {@code max} of them. */
  private static String randomText(Random random, String[] pieces, int max) {
    StringBuilder t = new StringBuilder();
    int n = random.nextInt(max + 1);
    for (int k = 0; k < n; k++) {
      t.append(pieces[random.nextInt(pieces.length)]);
    }
    return t.toString();
  }

  /**
   * Styles that hide an element are found where a property name starts as the pattern finds them
   * anywhere.
   */
  @Test
  void hiddenStylesAreTheOnesFindFinds() {
    String[] pieces = {
      "display",
      "DISPLAY",
      "Visibility",
      "visibility",
      "font-size",
      "FONT-SIZE",
      "max-height",
      "opacity",
      "Opacity",
      "dısplay",
      "\u0130",
      "\u212A",
      ":",
      " ",
      "\t",
      "\n",
      "none",
      "NONE",
      "hidden",
      "0",
      "0.5",
      "1",
      "00",
      "px",
      "pt",
      "PX",
      ";",
      "!",
      "important",
      "x",
      "-",
      "block",
      "display:none",
      "visibility:hidden",
      "font-size:1px;",
      "opacity:0.00",
      "max-height:0px",
      "font-size: 0 !important",
      "color:#333;",
      "mso-hide:all;",
      "d",
      "o",
      "m",
      "v",
      "f"
    };
    Random random = new Random(20261216L);
    int hidden = 0;
    for (int round = 0; round < 60_000; round++) {
      String style = randomText(random, pieces, 10);
      boolean expected = MailHtml.HIDDEN_STYLE.matcher(style).find();
      hidden += expected ? 1 : 0;
      assertThat(MailHtml.hiddenStyle(style)).as(style).isEqualTo(expected);
    }
    assertThat(hidden).isGreaterThan(10_000);
  }

  /** Links and link texts read as login pages through the automaton as by the pattern's find(). */
  @Test
  void loginLikeLinksAreTheOnesFindFinds() {
    String[] pieces = {
      "https://",
      "http://",
      "HTTP://",
      "www.",
      "example",
      ".com",
      ".co.jp",
      "/",
      "?",
      "=",
      "&",
      "log",
      "in",
      "log-in",
      "LOGIN",
      "sign",
      "-",
      "signon",
      "verify",
      "verification",
      "secure",
      "account",
      "auth",
      "password",
      "passwd",
      "webmail",
      "owa",
      "wallet",
      "billing",
      "update",
      "confirm",
      "unlock",
      "validate",
      "banking",
      "ログイン",
      "確認",
      "ロ",
      "グ",
      "イン",
      "確",
      "\u0130",
      "\u212A",
      "a",
      "o",
      "w",
      " ",
      "%20",
      "://"
    };
    Random random = new Random(20261218L);
    int login = 0;
    for (int round = 0; round < 60_000; round++) {
      String url = randomText(random, pieces, 8);
      String text = round % 3 == 0 ? null : randomText(random, pieces, 6);
      String u = url.toLowerCase(java.util.Locale.ROOT);
      int q = u.indexOf("://");
      String rest = q < 0 ? u : u.substring(q + 3);
      boolean expected =
          MailCredentialWords.LOGIN_WORDS.matcher(rest).find()
              || (text != null
                  && MailCredentialWords.LOGIN_WORDS
                      .matcher(text.toLowerCase(java.util.Locale.ROOT))
                      .find());
      login += expected ? 1 : 0;
      assertThat(MailCredentialWords.loginLike(url, text))
          .as(url + " | " + text)
          .isEqualTo(expected);
    }
    assertThat(login).isGreaterThan(10_000);
  }

  /** IPv4 addresses in a Received header, found where a number starts, as find() finds them. */
  @Test
  void receivedAddressesAreTheOnesFindFinds() {
    String[] pieces = {
      "1",
      "12",
      "123",
      "1234",
      "0",
      "255",
      "256",
      "999",
      ".",
      "..",
      "[",
      "]",
      "(",
      ")",
      " ",
      "from",
      "by",
      "mx.example.jp",
      "192.0.2.1",
      "10.0.0.1.",
      ".10.0.0.1",
      "198.51.100.77",
      "٣",
      "a",
      ";",
      "IPv6:2001:db8::1",
      "1.2.3",
      "-",
      "\t"
    };
    Random random = new Random(20261219L);
    int found = 0;
    for (int round = 0; round < 80_000; round++) {
      String text = randomText(random, pieces, 14);
      List<String> expected = new ArrayList<>();
      Matcher all = MailEnvelope.IPV4.matcher(text);
      while (all.find()) {
        expected.add(all.start() + ":" + all.group(1));
      }
      found += expected.size();
      List<String> actual = new ArrayList<>();
      Matcher m = MailEnvelope.IPV4.matcher(text);
      for (int from = 0; (from = MailEnvelope.nextIpv4(m, text, from)) >= 0; ) {
        actual.add(m.start() + ":" + m.group(1));
      }
      assertThat(actual).as(text).isEqualTo(expected);
    }
    assertThat(found).isGreaterThan(10_000);
  }

  /** The first of {@code pieces} (the usual one) half the time, else any. */
  private static String oneOf(Random random, String[] pieces) {
    return random.nextBoolean() ? pieces[0] : pieces[random.nextInt(pieces.length)];
  }

  /**
   * Date headers of the usual shape are read as mime4j's lenient reader reads them (the reader the
   * analyser's MIME parser uses); anything else is left to that reader.
   */
  @Test
  void usualDateHeadersAreReadAsMime4jReadsThem() throws Exception {
    String[] weekdays = {"", "Tue, ", "Wed, ", "tue, ", "Tue,", "Tue,  ", "Xyz, ", "Sun, ", "Mon "};
    String[] days = {"1", "01", "9", "28", "29", "30", "31", "32", "0", "001", " 1"};
    String[] months = {"Jan", "Feb", "Apr", "Dec", "dec", "DEC", "Sept", "Foo"};
    String[] years = {"2026", "1999", "2000", "2024", "0026", "0000", "26", "99", "20260"};
    String[] times = {
      "09:05:07",
      "23:59:59",
      "00:00:00",
      "09:05",
      "9:05:07",
      "24:00:00",
      "23:60:00",
      "23:59:60",
      "09:05:07.123",
      "0905"
    };
    String[] offsets = {
      " +0900", " -0000", " +0000", " -0500", " +1800", " -1800", " +1801", " +2500", " +0960",
      " GMT", " UT", " +09:00", "", " +090", " +09000", "+0900"
    };
    String[] tails = {"", " (JST)", "(JST)", " (", " +0100", " GMT", "  ", " x", " (UTC) extra"};
    org.apache.james.mime4j.message.DefaultMessageBuilder builder =
        new org.apache.james.mime4j.message.DefaultMessageBuilder();
    builder.setMimeEntityConfig(
        org.apache.james.mime4j.stream.MimeConfig.custom().setStrictParsing(false).build());
    builder.setDecodeMonitor(org.apache.james.mime4j.codec.DecodeMonitor.SILENT);
    Random random = new Random(20261220L);
    int usual = 0;
    for (int round = 0; round < 40_000; round++) {
      String body =
          (random.nextInt(4) == 0 ? " " : "")
              + oneOf(random, weekdays)
              + oneOf(random, days)
              + " "
              + oneOf(random, months)
              + " "
              + oneOf(random, years)
              + " "
              + oneOf(random, times)
              + oneOf(random, offsets)
              + oneOf(random, tails);
      Instant ours = MailEnvelope.usualDate(body);
      if (ours == null) {
        continue;
      }
      usual++;
      org.apache.james.mime4j.dom.Message m =
          builder.parseMessage(
              new java.io.ByteArrayInputStream(
                  ("Date: " + body + "\r\nSubject: x\r\n\r\nbody\r\n")
                      .getBytes(StandardCharsets.US_ASCII)));
      assertThat(m.getDate()).as(body).isNotNull();
      assertThat(ours).as(body).isEqualTo(m.getDate().toInstant());
    }
    assertThat(usual).isGreaterThan(1_000);
  }

  /**
   * A text part decoded in one step is what its Reader gives, for random bytes (malformed UTF-8,
   * lone surrogates, stray escapes) in the charsets of real mail, declared or not, unknown or
   * misspelt, in the three transfer encodings, short and longer than the Reader's reads; a part too
   * large for the one step is left to the Reader.
   */
  @Test
  void textPartsDecodedWholeAreWhatTheirReaderGives() throws Exception {
    String[] charsets = {
      null,
      "utf-8",
      "UTF8",
      "us-ascii",
      "iso-8859-1",
      "windows-1252",
      "iso-2022-jp",
      "shift_jis",
      "euc-jp",
      "koi8-r",
      "gb2312",
      "big5",
      "utf-16",
      "x-unknown",
      "",
      "utf-8\"",
      "latin1",
      "cp1252",
      "sjis",
      "Shift_JIS",
      "utf-8",
      "UTF-8",
      "euc-jp",
      "iso-8859-1",
      "us-ascii"
    };
    String[] encodings = {null, "8bit", "quoted-printable", "base64"};
    byte[][] pieces = {
      "plain text ".getBytes(StandardCharsets.US_ASCII),
      "日本語のテキスト".getBytes(StandardCharsets.UTF_8),
      "日本語".getBytes(java.nio.charset.Charset.forName("Shift_JIS")),
      "日本語".getBytes(java.nio.charset.Charset.forName("ISO-2022-JP")),
      {(byte) 0xE6, (byte) 0x97},
      {(byte) 0xFF, (byte) 0xFE, 0},
      {(byte) 0xED, (byte) 0xA0, (byte) 0x80},
      {0x1B, '$', 'B'},
      {(byte) 0xC3},
      {'\r', '\n'},
      {'=', '4', '1', '=', '\r', '\n'},
      "é ü".getBytes(StandardCharsets.ISO_8859_1)
    };
    org.apache.james.mime4j.message.DefaultMessageBuilder builder =
        new org.apache.james.mime4j.message.DefaultMessageBuilder();
    builder.setMimeEntityConfig(
        org.apache.james.mime4j.stream.MimeConfig.custom().setStrictParsing(false).build());
    builder.setDecodeMonitor(org.apache.james.mime4j.codec.DecodeMonitor.SILENT);
    Random random = new Random(20261205L);
    int whole = 0;
    for (int round = 0; round < 6_000; round++) {
      java.io.ByteArrayOutputStream body = new java.io.ByteArrayOutputStream();
      // some parts past the Reader's 8 KB reads, so that its reads end inside a character
      int count = random.nextInt(10) == 0 ? 2_000 + random.nextInt(2_000) : random.nextInt(30);
      for (int k = count; k > 0; k--) {
        byte[] piece = pieces[random.nextInt(pieces.length)];
        if (random.nextInt(8) == 0) {
          piece = new byte[1 + random.nextInt(6)];
          random.nextBytes(piece);
        }
        body.write(piece);
      }
      String charset = oneOf(random, charsets);
      String encoding = oneOf(random, encodings);
      byte[] content = body.toByteArray();
      if ("base64".equals(encoding)) {
        content = java.util.Base64.getMimeEncoder().encode(content);
      }
      java.io.ByteArrayOutputStream message = new java.io.ByteArrayOutputStream();
      message.write(
          ("Subject: x\r\nContent-Type: text/plain"
                  + (charset == null ? "" : "; charset=" + charset)
                  + (encoding == null ? "" : "\r\nContent-Transfer-Encoding: " + encoding)
                  + "\r\n\r\n")
              .getBytes(StandardCharsets.ISO_8859_1));
      message.write(content);
      org.apache.james.mime4j.dom.Message m =
          builder.parseMessage(new java.io.ByteArrayInputStream(message.toByteArray()));
      org.apache.james.mime4j.dom.TextBody text =
          (org.apache.james.mime4j.dom.TextBody) m.getBody();
      String one = MailAnalyzer.decodedWhole(text);
      if (one != null) {
        whole++;
        assertThat(one).as(charset + " " + encoding).isEqualTo(MailAnalyzer.readByReader(text));
      }
    }
    assertThat(whole).isGreaterThan(2_000);
    byte[] large = new byte[MailAnalyzer.TEXT_PART + 10];
    java.util.Arrays.fill(large, (byte) 'a');
    org.apache.james.mime4j.dom.Message m =
        builder.parseMessage(
            new java.io.SequenceInputStream(
                new java.io.ByteArrayInputStream(
                    "Content-Type: text/plain\r\n\r\n".getBytes(StandardCharsets.US_ASCII)),
                new java.io.ByteArrayInputStream(large)));
    org.apache.james.mime4j.dom.TextBody text = (org.apache.james.mime4j.dom.TextBody) m.getBody();
    assertThat(MailAnalyzer.decodedWhole(text)).isNull();
    assertThat(MailAnalyzer.readByReader(text).length())
        .isBetween(MailAnalyzer.TEXT_PART, MailAnalyzer.TEXT_PART + 8192);
  }

  /** A stream shorter, as long as or longer than its body says is read whole all the same. */
  @Test
  void allBytesReadsTheWholeStreamWhateverItsSaidSize() throws java.io.IOException {
    byte[] data = new byte[20_000];
    new Random(20261203L).nextBytes(data);
    for (long said : new long[] {0, 1, 8_191, 8_192, 19_999, 20_000, 20_001, 40_000}) {
      assertThat(MailAnalyzer.allBytes(new java.io.ByteArrayInputStream(data), said))
          .as("said %d", said)
          .isEqualTo(data);
    }
  }

  /** "hxxp" and "h**p" at the start, in either case, are "http", as the two patterns made them. */
  @Test
  void defangedSchemesAreTheOnesThePatternsFound() {
    java.util.regex.Pattern hxxp = java.util.regex.Pattern.compile("(?i)^hxxp");
    java.util.regex.Pattern starred = java.util.regex.Pattern.compile("(?i)^h\\*\\*p");
    String[] pieces = {
      "h", "H", "x", "X", "*", "p", "P", "t", "s", "://", "k", "\u212A", "ẋ", " ", ""
    };
    Random random = new Random(20261206L);
    int changed = 0;
    for (int round = 0; round < 60_000; round++) {
      StringBuilder b = new StringBuilder();
      if (random.nextBoolean()) {
        // most often a scheme of four letters near "hxxp"
        b.append(oneOf(random, new String[] {"h", "H", "k"}))
            .append(oneOf(random, new String[] {"x", "X", "*", "t", "ẋ"}))
            .append(oneOf(random, new String[] {"x", "X", "*", "t"}))
            .append(oneOf(random, new String[] {"p", "P", "s"}));
      }
      for (int k = random.nextInt(8); k > 0; k--) {
        b.append(oneOf(random, pieces));
      }
      String s = b.toString();
      String expected = starred.matcher(hxxp.matcher(s).replaceFirst("http")).replaceFirst("http");
      assertThat(MailLinks.httpRefanged(s)).as(s).isEqualTo(expected);
      changed += expected.equals(s) ? 0 : 1;
    }
    assertThat(changed).isGreaterThan(3_000);
  }

  /**
   * The message is read up to the limit and one byte more (to tell that it is longer), whatever the
   * stream says it holds and however little one read gives.
   */
  @Test
  void messagesAreReadUpToTheLimitAndOneByteMore() throws Exception {
    Random random = new Random(20261207L);
    for (int round = 0; round < 300; round++) {
      byte[] data = new byte[random.nextInt(3) == 0 ? random.nextInt(40_000) : random.nextInt(50)];
      random.nextBytes(data);
      int max = 1 + random.nextInt(30_000);
      int step = 1 + random.nextInt(5_000);
      boolean lies = random.nextBoolean();
      java.io.InputStream in =
          new java.io.ByteArrayInputStream(data) {
            @Override
            public synchronized int read(byte[] b, int off, int len) {
              return super.read(b, off, Math.min(len, step));
            }

            @Override
            public synchronized int available() {
              return lies ? 3 : super.available();
            }
          };
      MailAnalyzer.Read read = MailAnalyzer.readUpTo(in, max);
      int expected = Math.min(max, data.length);
      assertThat(read.length()).isEqualTo(expected);
      assertThat(java.util.Arrays.copyOf(read.bytes(), read.length()))
          .isEqualTo(java.util.Arrays.copyOf(data, expected));
    }
  }

  /**
   * The address pattern that starts only where a run of address characters does (attack19) finds
   * the addresses, at the same places, that the plain pattern found.
   */
  @Test
  void addressesAreTheOnesThePlainPatternFound() {
    String[] pieces = {
      "a",
      "taro.yamada",
      "@",
      "example",
      ".",
      "jp",
      "-",
      "+",
      "_",
      "1",
      " ",
      "<",
      ">",
      "@@",
      "..",
      "x@y.example",
      "日本",
      ",",
      "\"",
      "\n",
      "Ａ"
    };
    Random random = new Random(20261202L);
    int found = 0;
    for (int round = 0; round < 100_000; round++) {
      String text = randomText(random, pieces, 12);
      assertThat(matches(MailText.ADDRESS.matcher(text)))
          .as(text)
          .isEqualTo(matches(MailText.ADDRESS_AS_WAS.matcher(text)));
      found += matches(MailText.ADDRESS.matcher(text)).size();
    }
    assertThat(found).isGreaterThan(10_000);
  }

  private static List<String> matches(Matcher m) {
    List<String> out = new ArrayList<>();
    while (m.find()) {
      out.add(m.start() + ":" + m.group());
    }
    return out;
  }

  /** A Received date's comments are taken out in one pass as the lazy regex took them out. */
  @Test
  void commentsAreTakenOutAsTheRegexTookThemOut() {
    String[] pieces = {
      "(", ")", "((", "))", "JST", " ", "+0900", "\n", "\r", "\u0085", "\u2028", "x"
    };
    Random random = new Random(20261203L);
    int changed = 0;
    for (int round = 0; round < 100_000; round++) {
      String text = randomText(random, pieces, 12);
      String expected = MailText.COMMENT.matcher(text).replaceAll("");
      assertThat(MailText.withoutComments(text)).as(text).isEqualTo(expected);
      changed += expected.equals(text) ? 0 : 1;
    }
    assertThat(changed).isGreaterThan(10_000);
  }

  /** PGP signature blocks are taken out of a text in one pass as the lazy regex took them out. */
  @Test
  void signatureBlocksAreTakenOutAsTheRegexTookThemOut() {
    String[] pieces = {
      "-----BEGIN PGP SIGNATURE-----",
      "-----END PGP SIGNATURE-----",
      "\n",
      "text ",
      "-----",
      "-----BEGIN PGP SIGNATURE----",
      "BEGIN PGP SIGNATURE-----"
    };
    Random random = new Random(20261204L);
    int changed = 0;
    for (int round = 0; round < 100_000; round++) {
      String text = randomText(random, pieces, 10);
      String expected = MailText.PGP_ARMOUR.matcher(text).replaceAll(" ");
      assertThat(MailText.withoutArmour(text)).as(text).isEqualTo(expected);
      changed += expected.equals(text) ? 0 : 1;
    }
    assertThat(changed).isGreaterThan(10_000);
  }

  /**
   * Comments change nothing in what an Authentication-Results header says: random comments (nested,
   * holding ';', '=', quotes and escaped parentheses) put between the words of random headers leave
   * the same results as the header without them.
   */
  @Test
  void commentsAnywhereChangeNoAuthenticationResult() {
    String[] words = {
      "dkim=pass",
      "DKIM=Fail",
      "spf=pass",
      "dmarc=pass",
      "header.d=bank.example",
      "header.i=@a.example",
      "smtp.mailfrom=x@b.example",
      "header.from=c.example",
      "reason=\"x; y\"",
      "header.b=Ab/c+=",
      ";",
      ";"
    };
    String[] comments = {
      "(2048-bit key; unprotected)",
      "(a (nested; one) here)",
      "(dkim=pass header.d=evil.example;)",
      "(\\) escaped)",
      "(\"quote)",
      "(\r\n folded)"
    };
    Random random = new Random(20261202L);
    int results = 0;
    for (int round = 0; round < 20_000; round++) {
      StringBuilder plain = new StringBuilder("mx.example.jp;");
      StringBuilder commented = new StringBuilder("mx.example.jp" + comments[1] + ";");
      int n = 1 + random.nextInt(10);
      for (int k = 0; k < n; k++) {
        String w = words[random.nextInt(words.length)];
        plain.append(' ').append(w);
        commented.append(random.nextBoolean() ? " " : "\r\n\t").append(w);
        if (random.nextInt(3) == 0) {
          commented
              .append(random.nextBoolean() ? "" : " ")
              .append(comments[random.nextInt(comments.length)]);
        }
      }
      AuthResults expected = AuthResults.parse(plain.toString());
      assertThat(AuthResults.parse(commented.toString()))
          .as(commented.toString())
          .isEqualTo(expected);
      results += expected.results().size();
    }
    assertThat(results).isGreaterThan(10_000);
  }

  /**
   * The walk of {@link MailAnalyzer#elements}: jsoup's {@code getAllElements()}, element for
   * element.
   */
  @Test
  void elementsAreEveryElementInDocumentOrder() {
    String[] pieces = {
      "<table>",
      "</table>",
      "<tr>",
      "<td>",
      "</td>",
      "x",
      "&zwnj;",
      " ",
      "<p>",
      "</p>",
      "<a href=q>",
      "</a>",
      "<div style=\"font-size:0\">",
      "</div>",
      "<b>",
      "<i>",
      "</b>",
      "<svg>",
      "<a xlink:href=s>",
      "</svg>",
      "<form action=f>",
      "<input name=p>",
      "<select>",
      "<option>",
      "<template>",
      "</template>",
      "<head>",
      "<body>",
      "<frameset>",
      "<!-- c -->",
      "<script>1<2</script>",
      "<style>p{}</style>",
      "<br>",
      "<img src=i>",
      "<math><mi>",
      "<ul><li>",
      "<li>",
      "<h1>",
      "<button>",
      "<nobr>",
      "<font>"
    };
    Random r = new Random(32);
    for (int n = 0; n < 3_000; n++) {
      StringBuilder html = new StringBuilder();
      for (int k = r.nextInt(60); k >= 0; k--) {
        html.append(pieces[r.nextInt(pieces.length)]);
      }
      Document doc = Jsoup.parse(html.toString());
      List<Element> walked = MailHtml.elements(doc);
      List<Element> all = doc.getAllElements();
      assertThat(walked).as(html.toString()).hasSameSizeAs(all);
      for (int i = 0; i < all.size(); i++) {
        assertThat(walked.get(i)).as(html + " #" + i).isSameAs(all.get(i));
      }
    }
    Document deep = Jsoup.parse("<div>".repeat(5_000) + "x");
    assertThat(MailHtml.elements(deep)).hasSameSizeAs(deep.getAllElements());
  }

  /**
   * {@link MailAnalyzer#holds} compares only where the word's first letter stands: no character but
   * f and F equals f case-blind, nor any but v and V equals v, so it answers as a comparison at
   * every position did; checked for every char, and on random styles with the letters that case
   * folding makes equal to others (dotted and dotless i, Kelvin sign, long s).
   */
  @Test
  void holdsAnswersAsEveryPositionCompared() {
    for (String word : List.of("font", "visibility")) {
      char first = word.charAt(0);
      for (int c = 0; c <= 0xFFFF; c++) {
        boolean equal = String.valueOf((char) c).regionMatches(true, 0, word, 0, 1);
        assertThat(equal)
            .as(word + " " + Integer.toHexString(c))
            .isEqualTo(c == first || c == Character.toUpperCase(first));
      }
    }
    String letters = "fFoOnNtTvViIsSbBlLyY-: ;\u0130\u0131\u212A\u017F\uFB00\u00DF";
    Random r = new Random(32);
    for (int n = 0; n < 50_000; n++) {
      StringBuilder style = new StringBuilder();
      for (int k = r.nextInt(30); k >= 0; k--) {
        style.append(letters.charAt(r.nextInt(letters.length())));
      }
      if (r.nextInt(4) == 0) {
        style.insert(
            r.nextInt(style.length() + 1), r.nextBoolean() ? "FoNt" : "vIs\u0130bil\u0131ty");
      }
      for (String word : List.of("font", "visibility")) {
        boolean any = false;
        for (int i = 0; i + word.length() <= style.length(); i++) {
          any |= style.toString().regionMatches(true, i, word, 0, word.length());
        }
        assertThat(MailHtml.holds(style.toString(), word)).as(style + " " + word).isEqualTo(any);
      }
    }
  }
}
