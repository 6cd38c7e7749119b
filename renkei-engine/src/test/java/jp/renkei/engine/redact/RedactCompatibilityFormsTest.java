package jp.renkei.engine.redact;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * attack40: a reporter's names are taken out of what is shared however the text writes them. The
 * redactor folded only full-width ASCII, so a name written in another compatibility form — the
 * half-width katakana of bank transfers and older systems (ｻｸﾗｷﾞﾝｺｳ), ㈱ for (株), a ligature, a
 * Roman numeral — stayed in an anonymised report or a C4TAP share, naming the reporter; and an
 * alias an administrator typed in such a form (aliases are stored as typed, organisation names in
 * NFKC) never matched the plain text. Each case below kept the name on main (808e01d7).
 */
class RedactCompatibilityFormsTest {

  static final Identity BANK =
      new Identity(
          // as stored: names in NFKC, aliases as their administrator typed them
          List.of("サクラギンコウ", "(株)ミドリ証券", "ｱｵｿﾞﾗ信金", "Fintech Sakura", "さくらⅡ号"),
          List.of("sakura-bank.example"),
          List.of(),
          List.of("ダイゴ ハナコ"),
          List.of());

  final Redactor redactor = new Redactor(BANK);

  String redacted(String text) {
    return redactor.redact(text).text();
  }

  @Test
  void aNameInHalfWidthKatakanaIsTakenOut() {
    assertThat(redacted("振込先: ｻｸﾗｷﾞﾝｺｳ 本店")).isEqualTo("振込先: 〔組織名〕 本店");
  }

  @Test
  void anAliasTypedInHalfWidthKatakanaMatchesThePlainForm() {
    assertThat(redacted("アオゾラ信金をかたるメール")).isEqualTo("〔組織名〕をかたるメール");
  }

  @Test
  void enclosedLigatureAndRomanNumeralFormsAreTheirPlainForms() {
    assertThat(redacted("㈱ミドリ証券より")).isEqualTo("〔組織名〕より");
    assertThat(redacted("ﬁntech sakura support")).isEqualTo("〔組織名〕 support");
    assertThat(redacted("さくらII号 システム")).isEqualTo("〔組織名〕 システム");
  }

  @Test
  void aPersonsNameInHalfWidthKatakanaIsTakenOutAndSpansPointAtTheOriginal() {
    Redactor.Result r = redactor.redact("ﾀﾞｲｺﾞ ﾊﾅｺ 様");
    assertThat(r.text()).isEqualTo("〔担当者名〕 様");
    assertThat(r.spans()).hasSize(1);
    assertThat(r.spans().get(0).original()).isEqualTo("ﾀﾞｲｺﾞ ﾊﾅｺ");
  }

  @Test
  void textAroundKeepsItsOwnForm() {
    // only the name goes; other half-width katakana and full-width letters stay as written
    assertThat(redacted("ｶﾞｲﾌﾞ ＡＢＣ ｻｸﾗｷﾞﾝｺｳ ｶﾞｲﾌﾞ")).isEqualTo("ｶﾞｲﾌﾞ ＡＢＣ 〔組織名〕 ｶﾞｲﾌﾞ");
  }
}
