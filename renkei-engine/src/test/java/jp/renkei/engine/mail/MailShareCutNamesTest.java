package jp.renkei.engine.mail;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import jp.renkei.engine.policy.Tlp;
import jp.renkei.engine.redact.Redactor;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The analyser quotes a sign's words with a little of the sentence around them and cuts the quote
 * at a length ("…中様、至急ログインしてください"); a shared copy then took the victims' names out of the cut text,
 * where half a name no longer matched and went to every reader (share34). The cut ends of a shared
 * text lose what is left of a victim's name there, in the evidence of both languages, the STIX
 * note, and every other text the share builds.
 */
class MailShareCutNamesTest {

  private static final Redactor BANK = SakuraBank.REDACTOR;

  /** A filler without any character of the victim's name. */
  private static final String FILLER = "お客様のメールアカウントのセキュリティ設定が本日変更されましたので確認が必要です";

  private static String lure(int pad) {
    return "From: \"Microsoft 365\" <no-reply@m365-notice.example>\r\n"
        + "To: \"田中 一郎\" <ichiro@sakura-trust.example>\r\n"
        + "Subject: パスワードの有効期限\r\nMIME-Version: 1.0\r\n"
        + "Content-Type: text/plain; charset=UTF-8\r\n\r\n"
        + "田中一郎様"
        + FILLER.substring(0, pad)
        + "至急ログインしてください。パスワードを入力してください。\r\n"
        + "https://evil-login.example/login\r\n";
  }

  /** Every evidence text of a report, both languages. */
  private static List<String> evidence(MailReport r) {
    List<String> out = new ArrayList<>();
    for (MailReport.Finding f : r.findings()) {
      out.add(f.evidence());
      if (f.evidenceJa() != null) {
        out.add(f.evidenceJa());
      }
    }
    return out;
  }

  private static boolean namesAny(String text) {
    return text.chars().anyMatch(c -> "田中一郎".indexOf(c) >= 0);
  }

  @Test
  void aVictimsNameCutInHalfByAQuoteLeavesNoHalfInTheShare() {
    int cut = 0;
    for (int pad = 0; pad <= 40; pad++) {
      MailReport r =
          new MailAnalyzer()
              .analyze(new ByteArrayInputStream(lure(pad).getBytes(StandardCharsets.UTF_8)));
      // the quote cut the name: a part of it stands in the analysis without the whole
      if (evidence(r).stream().anyMatch(e -> namesAny(e) && !e.contains("田中一郎"))) {
        cut++;
      }
      MailReport shared = MailRedaction.apply(r, BANK).shared();
      for (String e : evidence(shared)) {
        assertThat(namesAny(e)).as("pad " + pad + ": " + e).isFalse();
      }
      JsonNode bundle = MailStix.bundle(shared, Tlp.AMBER, Instant.now(), false);
      for (JsonNode o : bundle.path("objects")) {
        for (JsonNode f : o.path("x_renkei_findings")) {
          assertThat(namesAny(f.path("evidence").asString(""))).as("pad " + pad).isFalse();
          assertThat(namesAny(f.path("evidence_ja").asString(""))).as("pad " + pad).isFalse();
        }
      }
    }
    // the lure is built so that some quotes do cut the name (else this test proves nothing)
    assertThat(cut).isPositive();
  }

  @Test
  void theCutEndsOfATextLoseWhatIsLeftOfAVictimsName() {
    java.util.Set<String> words = java.util.Set.of("田中", "一郎", "田中一郎", "tanaka", "t.suzuki");
    assertThat(MailRedaction.cutEnds("\"…中様、至急ログインしてください…\"", words))
        .isEqualTo("\"…" + MailRedaction.HIDDEN + "様、至急ログインしてください…\"");
    assertThat(MailRedaction.cutEnds("\"ご確認ください 田…\"", words))
        .isEqualTo("\"ご確認ください " + MailRedaction.HIDDEN + "…\"");
    assertThat(MailRedaction.cutEnds("…naka様 ログイン", words))
        .isEqualTo("…" + MailRedaction.HIDDEN + "様 ログイン");
    assertThat(MailRedaction.cutEnds("https://evil.example/?u=t.suz…", words))
        .isEqualTo("https://evil.example/?u=" + MailRedaction.HIDDEN + "…");
    // what is not part of a name at a cut, and a name's part away from a cut, stay
    assertThat(MailRedaction.cutEnds("…様、至急ログイン…", words)).isEqualTo("…様、至急ログイン…");
    assertThat(MailRedaction.cutEnds("中央 …", words)).isEqualTo("中央 …");
    assertThat(MailRedaction.cutEnds("…information", words)).isEqualTo("…information");
  }
}
