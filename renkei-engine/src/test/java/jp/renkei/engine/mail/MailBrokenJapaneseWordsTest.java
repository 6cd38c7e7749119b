package jp.renkei.engine.mail;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Japanese words broken by invisible characters (issue 19, mail18): a lure that writes its key
 * words with zero-width characters between the kana ("ロ", U+200B, "グ", …) looks like Japanese to
 * the reader and like nothing to a filter. The analyser names the trick, in both languages, and
 * reads the words as the reader sees them; Japanese mail with a stray invisible character stays
 * clean.
 */
class MailBrokenJapaneseWordsTest {

  /** The word with one of the six invisible characters after every letter but the last. */
  private static String broken(String word, char invisible) {
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < word.length(); i++) {
      b.append(word.charAt(i));
      if (i < word.length() - 1) {
        b.append(invisible);
      }
    }
    return b.toString();
  }

  private static MailReport lure(String body) {
    return JapaneseMail.utf8()
        .from("サポートセンター", "notice@account-help.example.com")
        .subject("【重要】お客様のアカウントについて")
        .text(body)
        .analyze();
  }

  @Test
  void keyWordsBrokenByZeroWidthCharactersAreNamedAndStillRead() {
    MailReport r =
        lure(
            "お客様の"
                + broken("アカウント", '\u200B')
                + "で不正な"
                + broken("ログイン", '\u200C')
                + "を検知しました。\n"
                + broken("パスワード", '\u2060')
                + "の再設定が必要です。24時間以内に下記より"
                + broken("ログイン", '\uFEFF')
                + "してください。\n"
                + "https://account-help.example.com/reset\n");
    List<MailReport.Finding> obfuscated = r.findingsByFlag().get(RedFlag.OBFUSCATED_TEXT);
    assertThat(obfuscated).as(r.findings().toString()).isNotNull();
    MailReport.Finding f =
        obfuscated.stream()
            .filter(x -> x.evidence().startsWith("inside words: "))
            .findFirst()
            .orElseThrow(() -> new AssertionError(r.findings().toString()));
    // 4 + 3 + 4 + 3 characters between Japanese letters; the first broken word shown whole
    assertThat(f.evidence()).startsWith("inside words: 14 × ").contains("\"お客様のアカウント");
    assertThat(f.evidence(false)).startsWith("単語の文字の間に: 14 × ").doesNotContain("inside");
    // the phrase rules read the words as the reader sees them
    List<MailReport.Finding> creds = r.findingsByFlag().get(RedFlag.CREDENTIAL_REQUEST);
    assertThat(creds).as(r.findings().toString()).isNotNull();
    assertThat(creds.get(0).evidence()).contains("不正なログイン").contains("パスワードの再設定");
    assertThat(r.verdict()).isNotEqualTo(MailReport.Verdict.CLEAN);
  }

  @Test
  void aSingleWordBrokenBySoftHyphensIsEnough() {
    MailReport r =
        lure(
            "ご登録の"
                + broken("パスワード", '\u00AD')
                + "の有効期限が切れています。\nhttps://account-help.example.com/renew\n");
    assertThat(r.findings())
        .anySatisfy(
            f -> {
              assertThat(f.flag()).isEqualTo(RedFlag.OBFUSCATED_TEXT);
              assertThat(f.evidence()).startsWith("inside words: 4 × ").contains("パスワード");
            });
    assertThat(r.findings()).anySatisfy(f -> assertThat(f.evidence()).contains("パスワードの有効期限"));
  }

  @Test
  void aStrayInvisibleCharacterInJapaneseMailIsNotASign() {
    // a byte-order mark pasted with a quote, a zero-width space an editor left, and soft hyphens
    // in a German word and around a Japanese one (between a letter and a space or a mark)
    MailReport r =
        JapaneseMail.utf8()
            .from("総務部 山田", "yamada@example-corp.co.jp")
            .subject("来週の定例会議について")
            .text(
                "各位\n\nお疲れさまです。総務部の山田です。\n来週の定例\uFEFF会議は第二会議室で行います。\n"
                    + "資料は共有フォルダの「議事\u200B録」をご覧ください。\n"
                    + "参考: Sicher\u00ADheits\u00ADrichtlinie（ドイツ拠点の規程）\u00AD。\n\n以上、よろしくお願いします。\n")
            .analyze();
    assertThat(r.findings())
        .noneSatisfy(f -> assertThat(f.evidence()).startsWith("inside words: "));
  }

  @Test
  void theTextReadIsTheTextWithoutTheInvisibleCharactersCountedPieceByPiece() {
    MailBrokenWords.BrokenWords b = new MailBrokenWords.BrokenWords();
    assertThat(b.read("ロ\u200Bグ\u200Dイ\u00ADン")).isEqualTo("ログイン");
    assertThat(b.evidence()).startsWith("3 × ").endsWith("(\"ログイン\" …)");
    assertThat(b.read("ID\u200Bを abc")).isEqualTo("IDを abc"); // Latin and kana: not inside a word
    assertThat(b.evidence()).startsWith("3 × ");
    MailBrokenWords.BrokenWords two = new MailBrokenWords.BrokenWords();
    two.read("パ\u200Bス");
    two.read("ワ\u200Bー");
    assertThat(two.evidence()).isNull();
    two.read("ド\u200B\u200Bを");
    assertThat(two.evidence()).startsWith("4 × ");
    assertThat(new MailBrokenWords.BrokenWords().read("ただのテキスト")).isEqualTo("ただのテキスト");
  }
}
