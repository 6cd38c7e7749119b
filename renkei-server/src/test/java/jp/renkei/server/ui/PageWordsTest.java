package jp.renkei.server.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.springframework.context.support.ResourceBundleMessageSource;

/**
 * Words a new analyst met on the walk (walk19): counts on the home page read as English counts (the
 * sightings notice read "1 sightings were reported of 1 of the indicators"), and the token scopes
 * are named in words (two read "probe (…)" and "notice (…)", their codes, on the Japanese page).
 */
class PageWordsTest {

  private static final ResourceBundleMessageSource MESSAGES = new ResourceBundleMessageSource();

  static {
    MESSAGES.setBasenames("messages", "i18n/monitor", "i18n/notice");
    MESSAGES.setDefaultEncoding("UTF-8");
    MESSAGES.setFallbackToSystemLocale(false);
  }

  private static String sighted(Locale locale, int sightings, int indicators) {
    return MESSAGES.getMessage("home.sighted", new Object[] {sightings, indicators}, locale);
  }

  @Test
  void everyTokenScopeIsNamedInWordsInBothLanguages() {
    for (jp.renkei.server.directory.TokenScope scope :
        jp.renkei.server.directory.TokenScope.values()) {
      String key = "tokens.scope." + scope.code();
      String ja = MESSAGES.getMessage(key, null, Locale.JAPANESE);
      String en = MESSAGES.getMessage(key, null, Locale.ENGLISH);
      assertThat(ja).as(key).doesNotStartWith(scope.code() + " ").isNotEqualTo(en);
      assertThat(Character.isUpperCase(en.charAt(0))).as(en).isTrue();
    }
  }

  @Test
  void theSightingsNoticeCountsInTheSingularAndThePlural() {
    assertThat(sighted(Locale.ENGLISH, 1, 1))
        .startsWith("In the last 7 days, 1 sighting was reported of 1 indicator your");
    assertThat(sighted(Locale.ENGLISH, 1200, 3))
        .startsWith("In the last 7 days, 1,200 sightings were reported of 3 indicators your");
    assertThat(sighted(Locale.JAPANESE, 1200, 3)).contains("指標 3 件", "観測情報が 1,200 件");
  }
}
