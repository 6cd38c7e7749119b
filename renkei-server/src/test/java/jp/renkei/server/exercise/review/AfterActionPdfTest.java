package jp.renkei.server.exercise.review;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import jp.renkei.server.failure.Busy;
import org.junit.jupiter.api.Test;

/** How the after-action PDF finds its Japanese font, and what it answers without one. */
class AfterActionPdfTest {

  @Test
  void withoutAJapaneseTrueTypeFontThePdfIsRefusedWithWhatToInstall() {
    // a missing file, a Latin-only TrueType font, and Noto CJK (CFF outlines PDFBox cannot embed)
    List<Path> unusable =
        List.of(
            Path.of("/nonexistent/ipaexg.ttf"),
            Path.of("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"),
            Path.of("/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc"));
    assertThat(AfterActionPdf.firstJapaneseTrueType(unusable)).isEmpty();
    AfterActionPdf pdf = new AfterActionPdf(null, null, unusable);
    assertThatThrownBy(() -> pdf.render(null, null, null, java.util.Locale.JAPANESE))
        .isInstanceOf(Busy.class)
        .hasMessage("aar.pdf.noFont")
        .satisfies(e -> assertThat(((Busy) e).status()).isEqualTo(503));
  }

  @Test
  void controlCharactersAUserTypedDoNotBreakTheXml() {
    assertThat(AfterActionPdf.xml("a\u0001b\tc\uFFFEd😀")).isEqualTo("a\uFFFDb\tc\uFFFDd😀");
  }
}
