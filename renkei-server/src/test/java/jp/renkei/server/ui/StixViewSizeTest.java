package jp.renkei.server.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.context.support.ResourceBundleMessageSource;

/**
 * A shared file's size in the STIX table is written in the reader's language with its digits
 * grouped (the Japanese page said "1778 bytes"), read from the same bundles the pages use.
 */
class StixViewSizeTest {

  private static final String BUNDLE =
      "{\"type\":\"bundle\",\"objects\":[{\"type\":\"file\",\"name\":\"手順.pdf\","
          + "\"hashes\":{\"SHA-256\":\"ab\"},\"size\":1778,\"mime_type\":\"application/pdf\"}]}";

  private static StixView view() {
    ResourceBundleMessageSource m = new ResourceBundleMessageSource();
    m.setBasenames("i18n/pages");
    m.setDefaultEncoding("UTF-8");
    m.setFallbackToSystemLocale(false);
    return new StixView(m);
  }

  @AfterEach
  void reset() {
    LocaleContextHolder.resetLocaleContext();
  }

  @Test
  void theSizeIsInTheReadersLanguage() {
    LocaleContextHolder.setLocale(Locale.JAPANESE);
    assertThat(view().rows(BUNDLE).get(0).detail())
        .isEqualTo("SHA-256 ab · 1,778 バイト · application/pdf");
    LocaleContextHolder.setLocale(Locale.ENGLISH);
    assertThat(view().rows(BUNDLE).get(0).detail())
        .isEqualTo("SHA-256 ab · 1,778 bytes · application/pdf");
  }
}
