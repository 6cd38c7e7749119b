package jp.renkei.engine.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The statistical model of phishing wording: tokens, training, scoring with reasons, its file. */
class MailModelTest {

  static final List<String> PHISHING =
      List.of(
          "your mailbox quota is full, verify your account now",
          "verify your account or your mailbox will be closed",
          "アカウントを確認してください。パスワードの有効期限が切れます",
          "パスワードの有効期限 アカウント確認 mailbox verify");
  static final List<String> LEGITIMATE =
      List.of(
          "the build fails on the release branch, see the patch attached",
          "minutes of the meeting and the patch for the release",
          "会議の議事録を送ります。次回の会議は月曜です",
          "release notes for the build; 議事録 attached",
          "please verify the mailbox settings of the build server; パスワードの有効期限は会議で決めます");

  @Test
  void tokensAreWordsAndJapaneseCharacterPairsWithoutNumbers() {
    assertThat(MailModel.tokens("verify your account2024 at 10:00 パスワード"))
        .containsExactly("verify", "your", "パス", "スワ", "ワー", "ード");
  }

  @Test
  void wordsOnlyOneKindOfMailUsesAreLeftOut() {
    MailModel m = MailModel.train(PHISHING, LEGITIMATE, 2, 0.5, "test");
    // "quota" and "closed" appear in phishing only: they would say which corpus, not which kind
    assertThat(m.score("quota closed").tokens()).isEmpty();
    assertThat(m.score("quota closed").value()).isZero();
  }

  @Test
  void wordsAStrayLegitimateMessageUsesAreLeftOutWhenEachKindMustUseThemSeveralTimes() {
    List<String> phishing =
        List.of(
            "bitte bestätigen sie ihr konto für die zahlung",
            "ihr konto wird gesperrt, bitte für heute bestätigen",
            "für ihre sicherheit: verify the account",
            "verify your account for the payment today");
    List<String> legitimate =
        List.of(
            "the patch für the release, thanks",
            "the meeting minutes and the patch",
            "the release build is green",
            "see the release notes");
    // kept when one legitimate message uses it: "für" then weighs as phishing
    assertThat(MailModel.train(phishing, legitimate, 2, 0, "test").score("für").tokens())
        .containsExactly("für");
    // each kind must use a word twice: "für" (one legitimate message) is left out, "the" (every
    // legitimate message, two phishing ones) is kept and leans legitimate
    MailModel m = MailModel.train(phishing, legitimate, 2, 2, 0, "test");
    assertThat(m.score("für").value()).isZero();
    assertThat(m.score("für").tokens()).isEmpty();
    assertThat(m.score("the").value()).isNegative();
  }

  @Test
  void phishingWordingScoresOverTheThresholdAndSaysWhichWords() {
    MailModel m = MailModel.train(PHISHING, LEGITIMATE, 2, 0.5, "test");
    MailModel.Score p = m.score("please verify your mailbox account");
    MailModel.Score l = m.score("the patch for the release build");
    assertThat(p.phishing()).isTrue();
    assertThat(p.tokens()).contains("verify", "mailbox");
    assertThat(l.phishing()).isFalse();
    assertThat(m.score("パスワードの有効期限").value()).isGreaterThan(m.score("会議の議事録").value());
  }

  @Test
  void theAnalyserShowsTheModelsWordsAsAFinding() {
    MailModel m = MailModel.train(PHISHING, LEGITIMATE, 2, 0.5, "test");
    MailAnalyzer a = new MailAnalyzer(MailAnalyzer.Limits.DEFAULT, List.of(), List.of(), m);
    String eml =
        "From: a@example.org\r\nTo: b@example.jp\r\nSubject: mailbox\r\n\r\nverify your"
            + " mailbox\r\n";
    MailReport r = a.analyze(new ByteArrayInputStream(eml.getBytes(StandardCharsets.UTF_8)));
    assertThat(r.findings())
        .anySatisfy(
            f -> {
              assertThat(f.flag()).isEqualTo(RedFlag.PHISHING_WORDING);
              assertThat(f.evidence()).contains("\"mailbox\"").contains("verify");
            });
  }

  @Test
  void aModelSurvivesItsFileAndABadFileIsRefusedNamingTheLine() throws Exception {
    MailModel m = MailModel.train(PHISHING, LEGITIMATE, 2, 1.5, "test corpora");
    StringWriter w = new StringWriter();
    m.write(w);
    MailModel back = MailModel.read(new StringReader(w.toString()));
    assertThat(back.size()).isEqualTo(m.size());
    assertThat(back.threshold()).isEqualTo(1.5);
    assertThat(back.source()).isEqualTo("test corpora");
    assertThat(back.score("verify your mailbox").value())
        .isCloseTo(
            m.score("verify your mailbox").value(), org.assertj.core.data.Offset.offset(1e-3));

    assertThatThrownBy(() -> MailModel.read(new StringReader("hello\n")))
        .hasMessageContaining("line 1");
    assertThatThrownBy(
            () ->
                MailModel.read(
                    new StringReader(
                        "renkei-mail-model 1\nthreshold\t1\nsource\tx\nverify\tNaN\n")))
        .hasMessageContaining("line 4");
    assertThatThrownBy(
            () ->
                MailModel.read(
                    new StringReader("renkei-mail-model 1\nthreshold\t1\nsource\tx\nverify 3\n")))
        .hasMessageContaining("line 4")
        .hasMessageContaining("tab");
  }
}
