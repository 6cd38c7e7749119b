package jp.renkei.server.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.context.i18n.LocaleContextHolder;

/**
 * ux42's walk: an attachment that gave no name is a file the mail analyser calls "(no name)"; the
 * C4TAP preview and share showed that English placeholder on the Japanese page. It reads 「(名前なし)」
 * there now, "(no name)" in English; a file's own name is shown as it is.
 */
class StixViewNoNameTest {

  private static final String BUNDLE =
      "{\"type\":\"bundle\",\"id\":\"bundle--6f1d0a3e-8e0b-4c4e-9b1a-2f9d3c1b7a10\",\"objects\":["
          + "{\"type\":\"file\",\"spec_version\":\"2.1\","
          + "\"id\":\"file--0b1f5f3e-7c1d-5a8e-9c2b-1e2d3c4b5a60\",\"name\":\"(no name)\","
          + "\"size\":7480,\"hashes\":{\"SHA-256\":"
          + "\"3f7c549cfacde11c4129c09b1908d106126d823682cc758f70fc046638d7746b\"}},"
          + "{\"type\":\"file\",\"spec_version\":\"2.1\","
          + "\"id\":\"file--1c2f5f3e-7c1d-5a8e-9c2b-1e2d3c4b5a61\",\"name\":\"fatura.pdf\","
          + "\"size\":10}]}";

  @AfterEach
  void reset() {
    LocaleContextHolder.resetLocaleContext();
  }

  @Test
  void anAttachmentWithoutANameReadsInThePagesLanguage() {
    LocaleContextHolder.setLocale(Locale.JAPANESE);
    assertThat(StixViewMailTest.view().rows(BUNDLE))
        .extracting(StixView.Row::value)
        .contains("(名前なし)", "fatura.pdf")
        .doesNotContain("(no name)");
    LocaleContextHolder.setLocale(Locale.ENGLISH);
    assertThat(StixViewMailTest.view().rows(BUNDLE))
        .extracting(StixView.Row::value)
        .contains("(no name)", "fatura.pdf");
  }
}
