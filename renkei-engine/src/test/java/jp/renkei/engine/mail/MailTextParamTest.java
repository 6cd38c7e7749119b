package jp.renkei.engine.mail;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * share39: one query-parameter reader for the redirects the signs judge ({@link MailRedirects},
 * form encoding: '+' a space) and the targets a share names ({@link MailLinkTargets}, '+' as
 * written).
 */
class MailTextParamTest {

  @Test
  void formReadingTakesPlusForASpace() {
    assertThat(MailText.param("https://www.google.com/url?q=a+b%2Bc&sa=D", "q", false))
        .isEqualTo("a b+c");
    assertThat(
            MailRedirects.redirectTarget(
                "https://www.google.com/url?q=https://kit.example/a+b&sa=D", "www.google.com"))
        .isEqualTo("https://kit.example/a b");
  }

  @Test
  void dataReadingKeepsPlusAsWritten() {
    // Sophos writes its target in base64, whose '+' is data, not a space
    String target = "https://kit.example/~~~";
    String base64 = java.util.Base64.getEncoder().encodeToString(target.getBytes());
    assertThat(base64).contains("+");
    assertThat(MailText.param("https://x.protection.sophos.com/?d=1&u=" + base64, "u", true))
        .isEqualTo(base64);
    assertThat(MailText.param("https://x.protection.sophos.com/?d=1&u=" + base64, "u", false))
        .isNotEqualTo(base64);
    assertThat(MailLinkTargets.target("https://eu2.protection.sophos.com/?d=1&u=" + base64))
        .isEqualTo(target);
  }

  @Test
  void readsTheFirstOfItsNameAfterEscapedAmpersandsAndBeforeTheFragment() {
    String url = "https://h.example/p?a=1&amp;u=x%2Fy&u=second#u=frag";
    assertThat(MailText.param(url, "u", false)).isEqualTo("x/y");
    assertThat(MailText.param(url, "u", true)).isEqualTo("x/y");
    assertThat(MailText.param("https://h.example/p?x=1#u=frag", "u", true)).isNull();
    assertThat(MailText.param("https://h.example/p", "u", true)).isNull();
    assertThat(MailText.param("https://h.example/p?uu=1&=2", "u", true)).isNull();
  }

  @Test
  void badPercentEncodingIsNoValueInEitherReading() {
    assertThat(MailText.param("https://h.example/p?u=%zz", "u", false)).isNull();
    assertThat(MailText.param("https://h.example/p?u=%zz", "u", true)).isNull();
    assertThat(MailText.percentDecoded("a+b%20c", true)).isEqualTo("a+b c");
    assertThat(MailText.percentDecoded("a+b%20c", false)).isEqualTo("a b c");
  }
}
