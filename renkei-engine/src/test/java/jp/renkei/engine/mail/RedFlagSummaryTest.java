package jp.renkei.engine.mail;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** A sign's one-line summary: its rule's first sentence, whole, or cut after a whole list item. */
class RedFlagSummaryTest {

  @Test
  void keepsAFirstSentenceOfMoreThanOneHundredSixtyCharactersWhole() {
    String sentence =
        "The sender's name, the subject, or the text's greeting, signature or copyright line"
            + " claims a company, bank or public body, but the sender's domain is not one of theirs.";
    assertThat(sentence.length()).isGreaterThan(160);
    assertThat(RedFlag.firstSentence(sentence + " More detail follows.", true)).isEqualTo(sentence);
  }

  @Test
  void cutsAnOverlongSentenceAfterItsLastWholeItem() {
    StringBuilder list = new StringBuilder("The text uses");
    for (int i = 0; i < 40; i++) {
      list.append(i == 0 ? " " : ", ").append("trick number ").append(i);
    }
    String summary = RedFlag.firstSentence(list + ".", true);
    assertThat(summary.length()).isLessThanOrEqualTo(RedFlag.SUMMARY + 1);
    assertThat(summary).endsWith("…").matches(".*trick number \\d+…");

    StringBuilder ja = new StringBuilder("本文に");
    for (int i = 0; i < 60; i++) {
      ja.append(i == 0 ? "" : "、").append("仕掛けその").append(i);
    }
    String jaSummary = RedFlag.firstSentence(ja + "があります。", false);
    assertThat(jaSummary).endsWith("…").matches(".*仕掛けその\\d+…");
  }
}
