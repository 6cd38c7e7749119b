package jp.renkei.server.exercise.review;

import com.openhtmltopdf.pdfboxout.PdfBoxRenderer;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import jp.renkei.server.exercise.survey.SurveyViews;
import jp.renkei.server.failure.Busy;
import jp.renkei.server.failure.InvalidInput;
import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.io.RandomAccessReadBufferedFile;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationContext;
import org.springframework.stereotype.Component;
import org.thymeleaf.context.Context;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.spring6.expression.ThymeleafEvaluationContext;

/**
 * The after-action report as PDF: the same report model as the HTML page and the workbook, laid out
 * by the template {@code exercise/aar-pdf} (XHTML, A4) and rendered by openhtmltopdf onto PDFBox
 * with an embedded Japanese TrueType font.
 *
 * <p>The font is the file named by {@code renkei.exercise.pdf-font}, else the first of the known
 * Debian paths of a Japanese TrueType font (fonts-ipaexfont-gothic, fonts-ipafont-gothic,
 * fonts-vlgothic, fonts-takao) that really holds glyph outlines ({@code glyf}) and a glyph for 疎;
 * Noto CJK (CFF outlines) cannot be embedded by PDFBox. Without one the PDF is refused (503, what
 * to install) rather than made with missing glyphs. Limits: {@link #MAX_ROWS} table rows, {@link
 * #MAX_PAGES} pages, {@link #MAX_BYTES} bytes, one PDF laid out at a time.
 */
@Component
class AfterActionPdf {

  private static final Logger log = LoggerFactory.getLogger(AfterActionPdf.class);

  /** Table rows (timeline, teams, scores, comparison, 課題, lessons) a PDF takes. */
  static final int MAX_ROWS = 3_000;

  /** Pages a PDF may have. */
  static final int MAX_PAGES = 200;

  /** Size of the PDF in bytes. */
  static final int MAX_BYTES = 20 * 1024 * 1024;

  /** The known places of a Japanese TrueType font on Debian, in order of preference. */
  static final List<Path> KNOWN_FONTS =
      List.of(
          Path.of("/usr/share/fonts/opentype/ipaexfont-gothic/ipaexg.ttf"),
          Path.of("/usr/share/fonts/truetype/ipaexfont-gothic/ipaexg.ttf"),
          Path.of("/usr/share/fonts/opentype/ipafont-gothic/ipag.ttf"),
          Path.of("/usr/share/fonts/truetype/fonts-japanese-gothic.ttf"),
          Path.of("/usr/share/fonts/truetype/vlgothic/VL-Gothic-Regular.ttf"),
          Path.of("/usr/share/fonts/truetype/takao-gothic/TakaoPGothic.ttf"));

  static final String FAMILY = "renkei-jp";

  private final SpringTemplateEngine templates;
  private final ApplicationContext context;
  private final List<Path> fonts;
  private final Semaphore rendering = new Semaphore(1);
  private volatile Optional<Path> font;

  @Autowired
  AfterActionPdf(
      SpringTemplateEngine templates,
      ApplicationContext context,
      @Value("${renkei.exercise.pdf-font:}") String configuredFont) {
    this(templates, context, candidates(configuredFont));
  }

  /** With the font files to try, in order. */
  AfterActionPdf(SpringTemplateEngine templates, ApplicationContext context, List<Path> fonts) {
    this.templates = templates;
    this.context = context;
    this.fonts = List.copyOf(fonts);
  }

  private static List<Path> candidates(String configured) {
    List<Path> candidates = new ArrayList<>();
    if (!configured.isBlank()) {
      candidates.add(Path.of(configured));
    }
    candidates.addAll(KNOWN_FONTS);
    return candidates;
  }

  /** The PDF of the report, as {@code viewer}'s locale labels it. */
  byte[] render(AfterActionReport r, FollowUp.View f, SurveyViews.Results sv, Locale locale) {
    Path fontFile =
        font().orElseThrow(() -> new Busy(false, Duration.ofHours(1), "aar.pdf.noFont"));
    int rows = rows(r, f);
    if (rows > MAX_ROWS) {
      throw new InvalidInput("report", "aar.pdf.tooLarge", rows, MAX_ROWS);
    }
    String html = xml(html(r, f, sv, locale));
    try {
      if (!rendering.tryAcquire(30, TimeUnit.SECONDS)) {
        throw new Busy(false, Duration.ofSeconds(30), "aar.pdf.busy");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new Busy(false, Duration.ofSeconds(30), "aar.pdf.busy");
    }
    try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      PdfRendererBuilder b = new PdfRendererBuilder();
      b.useFastMode();
      b.useFont(fontFile.toFile(), FAMILY);
      b.withHtmlContent(html, null);
      b.toStream(new Bounded(out));
      try (PdfBoxRenderer renderer = b.buildPdfRenderer()) {
        renderer.layout();
        int pages = renderer.getRootBox().getLayer().getPages().size();
        if (pages > MAX_PAGES) {
          throw new InvalidInput("report", "aar.pdf.tooManyPages", pages, MAX_PAGES);
        }
        renderer.createPDF();
      }
      return out.toByteArray();
    } catch (Bounded.TooLarge e) {
      throw new InvalidInput("report", "aar.pdf.tooLarge.bytes", MAX_BYTES);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } finally {
      rendering.release();
    }
  }

  private String html(AfterActionReport r, FollowUp.View f, SurveyViews.Results sv, Locale locale) {
    Context ctx = new Context(locale);
    ctx.setVariable("r", r);
    ctx.setVariable("f", f);
    ctx.setVariable("sv", sv);
    ctx.setVariable("madeAt", java.time.Instant.now());
    ctx.setVariable(
        ThymeleafEvaluationContext.THYMELEAF_EVALUATION_CONTEXT_CONTEXT_VARIABLE_NAME,
        new ThymeleafEvaluationContext(context, null));
    return templates.process("exercise/aar-pdf", ctx);
  }

  /** Characters XML 1.0 does not allow (controls a user may have typed) become U+FFFD. */
  static String xml(String html) {
    StringBuilder s = new StringBuilder(html.length());
    html.codePoints()
        .forEach(
            c -> {
              boolean ok =
                  c == 0x9
                      || c == 0xA
                      || c == 0xD
                      || (c >= 0x20 && c <= 0xD7FF)
                      || (c >= 0xE000 && c <= 0xFFFD)
                      || c >= 0x10000;
              s.appendCodePoint(ok ? c : 0xFFFD);
            });
    return s.toString();
  }

  private static int rows(AfterActionReport r, FollowUp.View f) {
    int scores = r.run().scores().stream().mapToInt(e -> Math.max(1, e.teams().size())).sum();
    return r.run().timeline().size()
        + r.teams().size()
        + scores
        + r.trends().size()
        + f.issues().size()
        + f.lessons().size();
  }

  Optional<Path> font() {
    Optional<Path> found = font;
    if (found == null) {
      found = firstJapaneseTrueType(fonts);
      font = found;
      if (found.isEmpty()) {
        log.warn("no Japanese TrueType font for the after-action PDF among {}", fonts);
      }
    }
    return found;
  }

  /** The first file that is a TrueType font with glyph outlines and a glyph for 疎. */
  static Optional<Path> firstJapaneseTrueType(List<Path> candidates) {
    for (Path p : candidates) {
      if (!Files.isRegularFile(p)) {
        continue;
      }
      try (TrueTypeFont ttf = new TTFParser().parse(new RandomAccessReadBufferedFile(p.toFile()))) {
        if (ttf.getGlyph() != null && ttf.getUnicodeCmapLookup().getGlyphId('疎') > 0) {
          return Optional.of(p);
        }
      } catch (IOException | RuntimeException e) {
        log.debug("not a usable font for the PDF: {}", p, e);
      }
    }
    return Optional.empty();
  }

  /** Refuses to grow past {@link #MAX_BYTES}. */
  private static final class Bounded extends OutputStream {
    private final OutputStream out;
    private long written;

    Bounded(OutputStream out) {
      this.out = out;
    }

    @Override
    public void write(int b) throws IOException {
      write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
      written += len;
      if (written > MAX_BYTES) {
        throw new TooLarge();
      }
      out.write(b, off, len);
    }

    static final class TooLarge extends IOException {
      private static final long serialVersionUID = 1L;
    }
  }
}
