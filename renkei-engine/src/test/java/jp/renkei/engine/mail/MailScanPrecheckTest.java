package jp.renkei.engine.mail;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * speed35: the cheaper ways the judge now asks two questions answer as the plain ways did: the
 * form-reply pattern searched only in a text holding one of its words, and two domains' brand
 * looked up through the brands of the first label.
 */
class MailScanPrecheckTest {

  @Test
  void everyAlternativeOfTheFormReplyHoldsOneOfItsWordsWithoutCase() {
    String regex = MailWording.FORM_REPLY.pattern();
    // the only flag is (?i), written first: ASCII case-blind, so the words' kana and kanji match
    // only as written
    assertThat(regex).startsWith("(?i)");
    assertThat(MailWording.FORM_REPLY.flags()).isEqualTo(java.util.regex.Pattern.CASE_INSENSITIVE);
    // no other inline flag further on ((?u) would fold more than ASCII)
    assertThat(
            java.util.regex.Pattern.compile("\\(\\?[a-zA-Z-]").matcher(regex.substring(4)).find())
        .isFalse();
    List<String> alternatives = MailRegexStarts.topLevelAlternatives(regex.substring(4));
    assertThat(alternatives).hasSizeGreaterThanOrEqualTo(3);
    for (String a : alternatives) {
      assertThat(MailWording.FORM_REPLY_NEEDS).as(a).anyMatch(a::startsWith);
    }
    for (String w : MailWording.FORM_REPLY_NEEDS) {
      for (char c : w.toCharArray()) {
        assertThat(Character.toUpperCase(c)).isEqualTo(c);
        assertThat(Character.toLowerCase(c)).isEqualTo(c);
      }
    }
  }

  private static final String[] PIECES = {
    "このメールは",
    "このメール",
    "お問い合わせ",
    "お問合せ",
    "お問い合わせいただき",
    "誠に",
    "ありがとう",
    "ございました",
    "受付",
    "自動",
    "返信",
    "配信",
    "送信",
    "メール",
    "にて",
    "フォーム",
    "から",
    "、",
    ",",
    " ",
    "\n",
    "thank you for contacting us",
    "AUTO",
    "x",
    "お",
    "問",
  };

  @Test
  void theFormReplyIsFoundWhereThePatternFindsIt() {
    Random r = new Random(35);
    int found = 0;
    for (int n = 0; n < 100_000; n++) {
      StringBuilder t = new StringBuilder();
      int pieces = r.nextInt(12);
      for (int k = 0; k < pieces; k++) {
        t.append(PIECES[r.nextInt(PIECES.length)]);
      }
      String text = t.toString();
      boolean plain = MailWording.FORM_REPLY.matcher(text).find();
      assertThat(MailWording.mayBeFormReply(text) && plain).as(text).isEqualTo(plain);
      found += plain ? 1 : 0;
    }
    // the random texts reach both answers
    assertThat(found).isBetween(1_000, 99_000);
  }

  /** As sameBrand answered before: every brand asked whether it holds both labels. */
  private static boolean sameBrandOverEveryBrand(String a, String b) {
    String la = MailDomains.label(a);
    String lb = MailDomains.label(b);
    return MailBrands.BRANDS.stream()
        .anyMatch(x -> x.labels().contains(la) && x.labels().contains(lb));
  }

  @Test
  void sameBrandAnswersAsEveryBrandAskedDid() {
    Set<String> labels = new LinkedHashSet<>();
    for (MailBrands.Brand b : MailBrands.BRANDS) {
      labels.addAll(b.labels());
    }
    labels.addAll(List.of("example", "gmail", "co", "www"));
    List<String> domains = new ArrayList<>();
    for (String l : labels) {
      domains.add(l + ".com");
      domains.add("mail." + l + ".co.jp");
    }
    domains.add("localhost");
    domains.add("192.0.2.1");
    int same = 0;
    for (String a : domains) {
      for (String b : domains) {
        boolean expected = sameBrandOverEveryBrand(a, b);
        assertThat(MailBrands.sameBrand(a, b)).as(a + " ~ " + b).isEqualTo(expected);
        same += expected ? 1 : 0;
      }
    }
    assertThat(same).isGreaterThan(domains.size());
  }

  @Test
  void theFormReplyWordsAreWhatThePatternNeeds() {
    // a text with one of the pattern's replies, and the same without its needed word
    assertThat(MailWording.mayBeFormReply("お問い合わせありがとうございました")).isTrue();
    assertThat(MailWording.FORM_REPLY.matcher("お問い合わせありがとうございました").find()).isTrue();
    assertThat(MailWording.mayBeFormReply("thank you for contacting us")).isFalse();
  }

  private static final String[] HEAD_PIECES = {
    "your order ",
    "order # ",
    "invoice no. 4471",
    "has been charged",
    "have been ",
    "auto-renewal",
    "automatic renewal",
    "payment of $",
    "payment of usd",
    "total charged",
    "amount: $",
    "ご請求",
    "ご注文",
    "お支払い",
    "receipt",
    "#",
    "12",
    " ",
    "geek squad",
    "call +1 (808) 555-0100",
    "re: ",
    "Your Order ",
  };

  @Test
  void aChargeClaimInTheSubjectIsFoundThroughTheAutomatonAsThePatternFindsIt() {
    Random r = new Random(3535);
    int found = 0;
    for (int n = 0; n < 50_000; n++) {
      StringBuilder t = new StringBuilder();
      int pieces = r.nextInt(8);
      for (int k = 0; k < pieces; k++) {
        t.append(HEAD_PIECES[r.nextInt(HEAD_PIECES.length)]);
      }
      String head = t.toString().toLowerCase(java.util.Locale.ROOT);
      java.util.regex.Matcher m = MailCallbackLures.CHARGE_CLAIM.matcher(head);
      String plain = m.find() ? m.group() : null;
      assertThat(MailSigns.phrases(head).first(MailCallbackLures.CHARGE_CLAIM))
          .as(head)
          .isEqualTo(plain);
      found += plain != null ? 1 : 0;
    }
    assertThat(found).isBetween(1_000, 49_000);
  }

  @Test
  void anAsciiCharacterInAWordWithALookalikeIsReadAsBefore() {
    // U+0430, Cyrillic a (a look-alike) before each ASCII character: a Latin letter makes the word
    // mixed and read as Latin; anything else leaves a one-letter word of look-alikes, not read
    for (char c = 0; c < 0x80; c++) {
      String word = "\u0430" + c;
      boolean letter = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
      assertThat(Character.isLetter(c)).isEqualTo(letter);
      assertThat(MailLookalikes.read(word))
          .as("U+%04X", (int) c)
          .isEqualTo(letter ? "a" + c : word);
      // two look-alikes around it: a word of look-alikes is read when nothing else is a letter
      String two = "\u0430" + c + "\u0435";
      String expected = letter ? "a" + c + "e" : Character.isWhitespace(c) ? two : "a" + c + "e";
      assertThat(MailLookalikes.read(two)).as("U+%04X between", (int) c).isEqualTo(expected);
    }
  }
}
