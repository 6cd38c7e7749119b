package jp.renkei.engine.mail;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * speed34: the colon scan before {@code MailInlineForwards.MAY_FORWARD} answers as the pattern's
 * own search on every text, labels in any case, spaced, glued to words, at the start and end.
 */
class MailInlineForwardsScanTest {

  private static final String[] PIECES = {
    "to",
    "TO",
    "To",
    "cc",
    "CC",
    "an",
    "AN",
    "para",
    "PARA",
    "宛先",
    "宛て先",
    "あて先",
    "同報",
    "à",
    "À",
    "送信先",
    "\u00A0",
    "\u202F",
    ":",
    "：",
    " ",
    "\t",
    "\n",
    "\u000b",
    "\f",
    "\r",
    "\u00a0",
    "\u3000",
    "_",
    "x",
    "7",
    "é",
    "\u0301",
    "ſ",
    "\u212a",
    "İ",
    "ı",
    "at",
    "c",
    "p",
    "ara",
    "宛",
    "先",
    "報",
    "->",
    "mailto",
    "@",
    "\ud83d\ude00"
  };

  @Test
  void answersAsThePatternOnRandomTexts() {
    Random r = new Random(34);
    int matched = 0;
    for (int n = 0; n < 200_000; n++) {
      StringBuilder b = new StringBuilder();
      int pieces = r.nextInt(12);
      for (int i = 0; i < pieces; i++) {
        b.append(PIECES[r.nextInt(PIECES.length)]);
      }
      String text = b.toString();
      boolean expected = MailInlineForwards.MAY_FORWARD.matcher(text).find();
      assertThat(MailInlineForwards.mayForward(text)).as("%s", text).isEqualTo(expected);
      matched += expected ? 1 : 0;
    }
    assertThat(matched).isGreaterThan(1_000);
  }

  @Test
  void everyLabelFoundAndWordsEndingInOneNot() {
    for (String label :
        new String[] {"To", "cc", "AN", "Para", "À", "à", "宛先", "宛て先", "あて先", "送信先", "同報"}) {
      for (String colon : new String[] {":", " :", "\t：", " \r\n :", "\u00a0:", "\u202f:"}) {
        String text = "転送メッセージ\n" + label + colon + " 山田 <yamada@example.jp>";
        assertThat(MailInlineForwards.mayForward(text)).as(text).isTrue();
      }
    }
    for (String text :
        new String[] {"photo: x", "scan: x", "Ditto:", "to\u3000: x", "", ":", "to"}) {
      assertThat(MailInlineForwards.mayForward(text)).as(text).isFalse();
      assertThat(MailInlineForwards.MAY_FORWARD.matcher(text).find()).as(text).isFalse();
    }
  }
}
