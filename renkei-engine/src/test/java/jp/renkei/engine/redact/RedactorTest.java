package jp.renkei.engine.redact;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class RedactorTest {

  static final Identity SAKURA =
      new Identity(
          List.of("さくら架空銀行", "さくら銀行", "Sakura Fictional Bank", "op-sakura-bank"),
          List.of("sakura-bank.example"),
          List.of("duty@sakura-mail.example"),
          List.of("山田 太郎", "Taro Yamada"),
          List.of("192.0.2.0/24"));

  static final Map<Redactor.Kind, String> JA =
      Map.of(
          Redactor.Kind.ORGANISATION,
          "〔事業者〕",
          Redactor.Kind.PERSON,
          "〔氏名〕",
          Redactor.Kind.EMAIL,
          "〔メール〕",
          Redactor.Kind.DOMAIN,
          "〔ドメイン〕",
          Redactor.Kind.IP,
          "〔IP〕");

  final Redactor redactor = new Redactor(SAKURA, JA);

  @Test
  void replacesNamesDomainsMailPeopleAndOwnAddresses() {
    String text =
        "さくら架空銀行のIB (www.sakura-bank.example) に 192.0.2.15 から異常。"
            + "担当 山田 太郎 (taro.yamada@sakura-bank.example)。攻撃元 198.51.100.7。";
    Redactor.Result r = redactor.redact(text);
    assertThat(r.text())
        .isEqualTo("〔事業者〕のIB (〔ドメイン〕) に 〔IP〕 から異常。担当 〔氏名〕 (〔メール〕)。攻撃元 198.51.100.7。");
    assertThat(r.spans())
        .extracting(Redactor.Span::kind)
        .containsExactly(
            Redactor.Kind.ORGANISATION,
            Redactor.Kind.DOMAIN,
            Redactor.Kind.IP,
            Redactor.Kind.PERSON,
            Redactor.Kind.EMAIL);
    assertThat(r.spans().get(0).original()).isEqualTo("さくら架空銀行");
  }

  @Test
  void catchesFullWidthCaseDefangedAndCompactForms() {
    Redactor.Result r =
        redactor.redact(
            "ＳＡＫＵＲＡ Fictional BANK / vpn.Sakura-Bank[.]example / 山田太郎 / DUTY@sakura-mail.example");
    assertThat(r.text()).isEqualTo("〔事業者〕 / 〔ドメイン〕 / 〔氏名〕 / 〔メール〕");
  }

  @Test
  void aDomainMatchesItselfAndItsSubdomainsButNotALongerNameOrLabel() {
    String text =
        "notsakura-bank.example と sakura-bank.example.evil と sakura-bank.examples は別物。"
            + "mail.sakura-bank.example と sakura-bank.example。192.0.3.1 は範囲外。";
    assertThat(redactor.redact(text).text())
        .isEqualTo(
            "notsakura-bank.example と sakura-bank.example.evil と sakura-bank.examples は別物。"
                + "〔ドメイン〕 と 〔ドメイン〕。192.0.3.1 は範囲外。");
  }

  @Test
  void observablesThatPointAtTheReporterAreRecognised() {
    assertThat(redactor.identifies("domain-name", "mail.sakura-bank.example")).isTrue();
    assertThat(redactor.identifies("domain-name", "c2.example.net")).isFalse();
    assertThat(redactor.identifies("email-addr", "someone@sakura-bank.example")).isTrue();
    assertThat(redactor.identifies("email-addr", "duty@sakura-mail.example")).isTrue();
    assertThat(redactor.identifies("url", "https://ib.sakura-bank.example/login")).isTrue();
    assertThat(redactor.identifies("url", "http://192.0.2.9/x")).isTrue();
    assertThat(redactor.identifies("url", "http://evil.example/?q=op-sakura-bank")).isTrue();
    assertThat(redactor.identifies("ipv4-addr", "192.0.2.200")).isTrue();
    assertThat(redactor.identifies("ipv4-addr", "203.0.113.5")).isFalse();
    assertThat(
            redactor.identifies(
                "sha256", "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"))
        .isFalse();
  }

  @Test
  void noIdentifyingTermSurvivesInRandomText() {
    List<String> terms =
        List.of(
            "さくら架空銀行",
            "Sakura Fictional Bank",
            "sakura-bank.example",
            "ops.sakura-bank.example",
            "山田 太郎",
            "Taro Yamada",
            "duty@sakura-mail.example",
            "192.0.2.77");
    List<String> filler =
        List.of("不正アクセス", " を検知 ", "、", "。", " server ", "\n", "（至急）", "198.51.100.2", "攻撃者");
    Random random = new Random(7);
    for (int n = 0; n < 5_000; n++) {
      StringBuilder sb = new StringBuilder();
      for (int k = 0; k < 12; k++) {
        String piece =
            random.nextInt(3) == 0
                ? terms.get(random.nextInt(terms.size()))
                : filler.get(random.nextInt(filler.size()));
        // two Latin pieces glued together are one longer token (another domain), not this one
        if (sb.length() > 0 && latin(sb.charAt(sb.length() - 1)) && latin(piece.charAt(0))) {
          sb.append(' ');
        }
        sb.append(piece);
      }
      String out = Redactor.fold(redactor.redact(sb.toString()).text());
      for (String t : terms) {
        assertThat(out).as("case " + n + ": " + sb).doesNotContain(Redactor.fold(t));
      }
    }
  }

  private static boolean latin(char c) {
    return c < 0x80 && Character.isLetterOrDigit(c);
  }

  @Test
  void flagsLookalikesOfTheReportersDomainForTheSecretariat() {
    assertThat(redactor.identifies("url", "https://sakura-bank-login.example/")).isFalse();
    assertThat(redactor.resembles("https://sakura-bank-login.example/")).isTrue();
    assertThat(redactor.resembles("c2.example.net")).isFalse();
  }

  @Test
  void refusesWhatIsNoRange() {
    assertThatThrownBy(
            () ->
                new Redactor(
                    new Identity(
                        List.of(), List.of(), List.of(), List.of(), List.of("2001:db8::/129")),
                    JA))
        .hasMessageContaining("not a CIDR range: 2001:db8::/129");
  }
}
