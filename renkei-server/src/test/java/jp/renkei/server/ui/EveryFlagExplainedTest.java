package jp.renkei.server.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import jp.renkei.engine.mail.MailReport;
import jp.renkei.engine.mail.MailStix;
import jp.renkei.engine.mail.RedFlag;
import jp.renkei.engine.policy.Tlp;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.context.i18n.LocaleContextHolder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Every sign of {@link RedFlag}, as each way out shows it: the browser's mail page (title from
 * {@code mailcheck.flag.*}, explanation from the sign), the STIX note a share carries (code, both
 * explanations, evidence) and the C4TAP share page that reads that note back ({@link
 * StixView#findings}), in Japanese and in English. A new sign without its texts fails here.
 */
class EveryFlagExplainedTest {

  private static final String JAPANESE = ".*[\\p{IsHan}\\p{IsHiragana}\\p{IsKatakana}].*";

  @AfterEach
  void reset() {
    LocaleContextHolder.resetLocaleContext();
  }

  private static String title(RedFlag f, Locale locale) {
    return StixViewMailTest.messages().getMessage("mailcheck.flag." + f.name(), null, null, locale);
  }

  /** A report with one finding of every sign, each with its own evidence in both languages. */
  private static MailReport everySign() {
    List<MailReport.Finding> findings = new ArrayList<>();
    for (RedFlag f : RedFlag.values()) {
      findings.add(new MailReport.Finding(f, "evidence of " + f.name(), f.name() + " の根拠"));
    }
    return new MailReport(
        "件名",
        "sender@example.net",
        "Sender",
        null,
        List.of(),
        null,
        List.of(),
        Instant.parse("2026-12-02T15:00:00Z"),
        "<m@example.net>",
        List.of(),
        new MailReport.Authentication(null, null, null),
        List.of(),
        List.of(),
        findings,
        100,
        MailReport.Verdict.MALICIOUS,
        List.of(),
        new MailReport.Work(0, 0, 0, List.of()),
        List.of(),
        List.of(),
        List.of(),
        List.of());
  }

  @Test
  void everySignHasItsTitleAndExplanationInBothLanguages() {
    for (RedFlag f : RedFlag.values()) {
      String ja = title(f, Locale.JAPANESE);
      String en = title(f, Locale.ENGLISH);
      assertThat(ja).as(f + " title in Japanese").matches(JAPANESE).isNotEqualTo(en);
      assertThat(en).as(f + " title in English").isNotBlank().doesNotContain(f.name());
      assertThat(f.ja()).as(f + " in Japanese").matches(JAPANESE).isNotEqualTo(f.en());
      assertThat(f.en()).as(f + " in English").isNotBlank();
      // English prose: Japanese only as a quoted example, never most of the text
      long cjk = f.en().codePoints().filter(c -> c > 0x2E80).count();
      assertThat(cjk * 4).as(f + " in English is English").isLessThan(f.en().length());
      assertThat(f.weight()).as(f + " weight").isPositive();
    }
  }

  @Test
  void theStixNoteCarriesEverySignWithBothExplanationsAndItsEvidence() {
    JsonNode bundle =
        JsonMapper.builder()
            .build()
            .readTree(MailStix.bundle(everySign(), Tlp.AMBER, Instant.now(), false).toString());
    JsonNode note = null;
    for (JsonNode o : bundle.path("objects")) {
      if ("note".equals(o.path("type").asString(""))) {
        note = o;
      }
    }
    assertThat(note).as("the red flags' note").isNotNull();
    String content = note.path("content").asString("");
    List<String> codes = new ArrayList<>();
    for (JsonNode f : note.path("x_renkei_findings")) {
      codes.add(f.path("flag").asString(""));
      RedFlag flag = RedFlag.valueOf(f.path("flag").asString(""));
      assertThat(f.path("evidence").asString("")).isEqualTo("evidence of " + flag.name());
      assertThat(f.path("evidence_ja").asString("")).isEqualTo(flag.name() + " の根拠");
    }
    for (RedFlag f : RedFlag.values()) {
      assertThat(codes).contains(f.name());
      assertThat(content).as(f.name()).contains(f.name() + ": " + f.ja() + " / " + f.en());
    }
  }

  @Test
  void theC4tapSharePageNamesAndExplainsEverySignInTheReadersLanguage() {
    String bundle = MailStix.bundle(everySign(), Tlp.AMBER, Instant.now(), false).toString();
    for (Locale locale : List.of(Locale.JAPANESE, Locale.ENGLISH)) {
      LocaleContextHolder.setLocale(locale);
      boolean english = locale == Locale.ENGLISH;
      List<StixView.Finding> shown = StixViewMailTest.view().findings(bundle);
      assertThat(shown).extracting(StixView.Finding::flag).hasSize(RedFlag.values().length);
      for (StixView.Finding s : shown) {
        RedFlag f = RedFlag.valueOf(s.flag());
        assertThat(s.name()).as(f + " " + locale).isEqualTo(title(f, locale));
        assertThat(s.explanation()).as(f + " " + locale).isEqualTo(english ? f.en() : f.ja());
        assertThat(s.evidence())
            .as(f + " " + locale)
            .containsExactly(english ? "evidence of " + f.name() : f.name() + " の根拠");
      }
      // the note's row names the signs, never their codes
      String row =
          StixViewMailTest.view().rows(bundle).stream()
              .filter(r -> r.type().equals("note"))
              .findFirst()
              .orElseThrow()
              .value();
      for (RedFlag f : RedFlag.values()) {
        assertThat(row).as(locale.toString()).doesNotContain(f.name());
      }
    }
  }
}
