package jp.renkei.server.exercise;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.context.support.ReloadableResourceBundleMessageSource;

/**
 * The shipped templates' phases and prompts read in English on an English page (the English console
 * showed the 2015 template's 第1部 標的型攻撃 and its Japanese prompts); a planner's own text stays as
 * written.
 */
class PhaseWordsTest {

  private static final Pattern JAPANESE =
      Pattern.compile("[\\p{IsHiragana}\\p{IsKatakana}\\p{IsHan}]");

  private static PhaseWords words() {
    ReloadableResourceBundleMessageSource m = new ReloadableResourceBundleMessageSource();
    m.setBasenames("classpath:i18n/exercise");
    m.setDefaultEncoding("UTF-8");
    m.setFallbackToSystemLocale(false);
    return new PhaseWords(m);
  }

  @Test
  void everyShippedPhaseAndPromptHasEnglishWithoutJapanese() {
    PhaseWords words = words();
    int checked = 0;
    for (String name : ScenarioTemplates.NAMES) {
      for (ScenarioDocument.PhaseDoc p : ScenarioTemplates.document(name).phases()) {
        for (String text :
            java.util.stream.Stream.concat(
                    java.util.stream.Stream.of(p.title()), p.prompts().stream())
                .toList()) {
          String english = words.of(text, Locale.ENGLISH);
          assertThat(english).as(name + ": " + text).isNotEqualTo(text);
          assertThat(JAPANESE.matcher(english).find()).as(name + ": " + english).isFalse();
          assertThat(words.of(text, Locale.JAPANESE)).isEqualTo(text);
          checked++;
        }
      }
    }
    assertThat(checked).isGreaterThan(30);
    assertThat(words.of("第1部 標的型攻撃", Locale.ENGLISH)).isEqualTo("Part 1: targeted attack");
    assertThat(words.of(PhaseWords.DEMO_PHASE, Locale.ENGLISH)).isEqualTo("Reporting");
  }

  @Test
  void aPhaseThePlannerWroteStaysAsWritten() {
    PhaseWords words = words();
    assertThat(words.of("第1部 標的型攻撃（改）", Locale.ENGLISH)).isEqualTo("第1部 標的型攻撃（改）");
    assertThat(words.of("Our own phase", Locale.ENGLISH)).isEqualTo("Our own phase");
    assertThat(words.of(null, Locale.ENGLISH)).isNull();
  }
}
