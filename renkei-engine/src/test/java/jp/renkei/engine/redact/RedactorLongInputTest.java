package jp.renkei.engine.redact;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * Attacker-sized text: a host of tens of thousands of labels, or a hundred thousand short pieces,
 * must give an answer, not a StackOverflowError from a repeated regex group.
 */
class RedactorLongInputTest {

  final Redactor redactor = new Redactor(RedactorTest.SAKURA);

  @Test
  void aHostOfThirtyThousandLabelsEndingInTheOwnDomainIsRedactedWithoutOverflow() {
    String host = "a.".repeat(30_000) + "sakura-bank.example";
    Redactor.Result r = redactor.redact("see " + host + " now");
    assertThat(r.text()).doesNotContain("sakura-bank.example").endsWith(" now");
    assertThat(r.spans()).extracting(Redactor.Span::kind).contains(Redactor.Kind.DOMAIN);
    // a real-sized subdomain still goes whole
    String deep = "x." + "b.".repeat(100) + "sakura-bank.example";
    assertThat(redactor.redact(deep + " ok").text()).isEqualTo("〔ドメイン〕 ok");
  }

  @Test
  void anAddressWhoseHostHasThirtyThousandLabelsIsRedactedWithoutOverflow() {
    String text = "mail x@" + "a.".repeat(30_000) + "sakura-bank.example please";
    Redactor.Result r = redactor.redact(text);
    assertThat(r.text()).doesNotContain("sakura-bank.example").endsWith(" please");
  }

  @Test
  void aHundredThousandShortPiecesNamingNothingComeBackUnchanged() {
    String text = "ab.".repeat(100_000) + "end";
    Redactor.Result r = redactor.redact(text);
    assertThat(r.text()).isEqualTo(text);
    assertThat(r.spans()).isEmpty();
  }

  @Test
  void lookalikesInALongTokenAreFoundWithoutOverflow() {
    String token = "x".repeat(200_000) + "-sakura-bank-login.example";
    assertThat(redactor.lookalikes("go to " + token + " now")).hasSize(1);
    String dotted = "b.".repeat(50_000) + "sakura-bank-login.example";
    assertThat(redactor.lookalikes(dotted)).hasSize(1);
  }

  @Test
  void aUrlObservableOnAVeryLongHostIsStillJudged() {
    String url = "https://" + "c.".repeat(30_000) + "sakura-bank.example/x";
    assertThat(redactor.identifies("url", url)).isTrue();
    String other = "https://" + "c.".repeat(30_000) + "evil.example/sakura-bank.example";
    assertThat(redactor.identifies("url", other)).isTrue();
    String none = "https://" + "c.".repeat(30_000) + "evil.example/x";
    assertThat(redactor.identifies("url", none)).isFalse();
  }
}
