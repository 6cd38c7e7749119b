package jp.renkei.engine.mail;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * A lure word written with spaces between its letters (issue 19, mail19b). The messages are written
 * for this test.
 */
class MailSpacedWordsTest {

  @Test
  void aSpacedOutLureWordIsObfuscatedText() {
    String eml =
        "From: \"Loan Desk\" <desk@offers-example.net>\r\nTo: someone@example.org\r\n"
            + "Subject: Your application\r\nContent-Type: text/html; charset=US-ASCII\r\n\r\n"
            + "<html><body><p>We could not a p prove your mor tga g e at 3.5 %.</p>"
            + "<p>Please <a href=\"http://offers-example.net/form\">send your details</a>.</p>"
            + "</body></html>\r\n";
    MailReport r =
        new MailAnalyzer()
            .analyze(new ByteArrayInputStream(eml.getBytes(StandardCharsets.US_ASCII)));
    assertThat(r.findings())
        .anySatisfy(
            f -> {
              assertThat(f.flag()).isEqualTo(RedFlag.OBFUSCATED_TEXT);
              assertThat(f.evidence()).isEqualTo("letters spaced out: \"mor tga g e\"");
              assertThat(f.evidence(false)).isEqualTo("文字の間に空白: \"mor tga g e\"");
            });
    assertThat(r.verdict()).isNotEqualTo(MailReport.Verdict.CLEAN);
  }

  @Test
  void findsTheRunAsWrittenWithSpacesOrNoBreakSpaces() {
    assertThat(MailSpacedWords.find("please v e r i f y your details")).isEqualTo("v e r i f y");
    assertThat(MailSpacedWords.find("your p\u00A0a\u00A0y\u00A0p\u00A0a\u00A0l account"))
        .isEqualTo("p a y p a l");
  }

  @Test
  void spacedLettersWithoutAHiddenLureWordAreNotASign() {
    for (String text :
        new String[] {
          "the I T team in the U S A will call",
          "a b c d e f g",
          "is it a bank or a loan", // the words are there unbroken
          "the account is at a b a n", // no lure word hidden
          "",
          "x"
        }) {
      assertThat(MailSpacedWords.find(text)).as(text).isNull();
    }
  }
}
