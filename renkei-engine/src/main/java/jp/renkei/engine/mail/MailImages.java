package jp.renkei.engine.mail;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.DecodeHintType;
import com.google.zxing.NotFoundException;
import com.google.zxing.PlanarYUVLuminanceSource;
import com.google.zxing.Result;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.multi.qrcode.QRCodeMultiReader;
import java.awt.image.BufferedImage;
import java.awt.image.ColorModel;
import java.awt.image.Raster;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.contentstream.PDContentStream;
import org.apache.pdfbox.contentstream.operator.Operator;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdfparser.PDFStreamParser;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.encryption.InvalidPasswordException;
import org.apache.pdfbox.pdmodel.graphics.PDXObject;
import org.apache.pdfbox.pdmodel.graphics.color.PDColorSpace;
import org.apache.pdfbox.pdmodel.graphics.color.PDDeviceGray;
import org.apache.pdfbox.pdmodel.graphics.color.PDDeviceRGB;
import org.apache.pdfbox.pdmodel.graphics.form.PDFormXObject;
import org.apache.pdfbox.pdmodel.graphics.image.PDImage;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotation;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAppearanceStream;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.rendering.PageDrawer;
import org.apache.pdfbox.rendering.PageDrawerParameters;

/**
 * QR codes in the images and PDFs of a message (quishing: the link is in a picture, out of reach of
 * link checks). The image is decoded by the JDK's ImageIO, its QR codes by ZXing; the texts they
 * hold are treated like links of the message. Bounded: images over {@link #MAX_BYTES} or {@link
 * #MAX_PIXELS} are not decoded (their size is read from the header first, so a small file claiming
 * a huge image costs nothing), and at most {@link #MAX_IMAGES} images per message are tried.
 */
final class MailImages {

  /** Bytes of one image decoded at most (5 MiB). */
  static final int MAX_BYTES = 5 << 20;

  /** Pixels of one image decoded at most (16 million, e.g. 4000 × 4000). */
  static final long MAX_PIXELS = 16_000_000L;

  /**
   * Bytes of one decoded image at most (64 MiB: 16 million pixels of 4 bytes). A PNG of 16-bit RGBA
   * takes 8 bytes a pixel, a TIFF any number of samples (64 bytes a pixel was a gigabyte from a 1
   * MB file).
   */
  static final long MAX_RASTER_BYTES = 64L << 20;

  /**
   * A JPEG's scans times its pixels at most (320 million: 20 scans of a 16-million-pixel image).
   * Each scan of a progressive JPEG is a pass over the whole image that ImageIO makes before it
   * reports anything or looks at an abort: a 63 KB JPEG of 4000 × 4000 pixels and 1,000 scans held
   * the QR search for 66 s. A camera's progressive JPEG has about 10.
   */
  static final long MAX_SCAN_PIXELS = 20 * MAX_PIXELS;

  /** Bytes of a JPEG walked at most to count its scans; a longer one is not decoded. */
  static final long MAX_JPEG_WALK = 64L << 20;

  /**
   * Distinct images and PDFs per message searched for QR codes (images too small to hold a code and
   * copies of one already searched are not counted); past it, BEYOND_LIMITS names how many were
   * left.
   */
  static final int MAX_IMAGES = 100;

  /**
   * Pixels (from the images' headers; a PDF counts {@link #PDF_COST}) searched for QR codes per
   * message at most: 200 million, twenty 10-megapixel photographs.
   */
  static final long MAX_MESSAGE_PIXELS = 200_000_000L;

  /**
   * The most pixels of one image the QR search looks at (photos24): a larger image (a phone photo
   * of 12 megapixels) is decoded subsampled by the smallest whole factor that brings it within this
   * (every second pixel of every second row for a photo of 12 or 16 megapixels; a screenshot is
   * searched whole), and only these pixels count against {@link #MAX_MESSAGE_PIXELS}. A code that a
   * phone can read from such a photo keeps modules of several pixels after it (one filling 12 % of
   * the width: about 7 pixels a module); what is lost is a code whose modules are under about two
   * pixels in the original.
   */
  static final long SEARCH_PIXELS = 4_000_000L;

  /** What a PDF counts against {@link #MAX_MESSAGE_PIXELS} (one A4 page drawn at 100 dpi). */
  static final long PDF_COST = 1_000_000L;

  /** Pages of one PDF whose images are searched for QR codes (the first fifty). */
  static final int MAX_PDF_PAGES = 50;

  /** Pages of one PDF drawn for a code made otherwise than as an image, at most. */
  static final int MAX_PDF_DRAWN = 10;

  /**
   * Distinct embedded images of one PDF decoded at most (those too small for a code not counted).
   */
  static final int MAX_PDF_IMAGES = 50;

  /** Drawing operators of one PDF carried out at most while its pages are drawn. */
  static final int MAX_PDF_OPERATIONS = 200_000;

  /** Resolution of a rendered PDF page (an A4 page: 827 × 1169 pixels). */
  static final float PDF_DPI = 100f;

  /** Pixels of the longer side of a rendered PDF page at most. */
  static final int MAX_SIDE = 16_000;

  /**
   * The lowest resolution a page is rendered at: a page that would need less to stay within {@link
   * #MAX_PIXELS} and {@link #MAX_SIDE} (larger than about 8,000,000 points, or one side longer than
   * 576,000 points) is not drawn.
   */
  static final float MIN_PDF_DPI = 1f;

  private static final Map<DecodeHintType, Object> HINTS =
      Map.of(DecodeHintType.TRY_HARDER, Boolean.TRUE, DecodeHintType.CHARACTER_SET, "UTF-8");

  static {
    ImageIO.setUseCache(false);
  }

  private MailImages() {}

  /**
   * What one image or PDF gave: the texts of its QR codes, or why it was not searched (in English
   * and Japanese); for a PDF, its links and active actions ({@link PdfLinks}) and the words of its
   * first page ({@link PdfText}, "" when none).
   */
  record Decoded(
      List<String> texts,
      String problem,
      String problemJa,
      List<String> links,
      List<PdfLinks.Action> actions,
      boolean beyondLimits,
      String pageText) {

    Decoded(List<String> texts) {
      this(texts, null, null);
    }

    Decoded(List<String> texts, String problem, String problemJa) {
      this(texts, problem, problemJa, List.of(), List.of(), false, "");
    }

    /** This result with a PDF's link targets and active actions ({@link PdfLinks}). */
    Decoded with(PdfLinks.Found found) {
      return found == null
          ? this
          : new Decoded(
              texts, problem, problemJa, found.links(), found.actions(), beyondLimits, pageText);
    }

    /** This result with the words of a PDF's first page ({@link PdfText}). */
    Decoded withPageText(String text) {
      return new Decoded(texts, problem, problemJa, links, actions, beyondLimits, text);
    }

    /**
     * This result marked as having left part of a PDF unsearched for a count or time limit (pages,
     * images, drawings): a padded PDF hides its code there, so the analyser makes it BEYOND_LIMITS.
     */
    Decoded beyond() {
      return new Decoded(texts, problem, problemJa, links, actions, true, pageText);
    }
  }

  /**
   * The width and height of an image read from its header (no pixel decoded), or null when it is no
   * image ImageIO reads.
   */
  static int[] dimensions(byte[] data) {
    try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(data))) {
      Iterator<ImageReader> readers = in == null ? null : ImageIO.getImageReaders(in);
      if (readers == null || !readers.hasNext()) {
        return null;
      }
      ImageReader reader = readers.next();
      try {
        reader.setInput(in, true, true);
        return new int[] {reader.getWidth(0), reader.getHeight(0)};
      } finally {
        reader.dispose();
      }
    } catch (IOException | RuntimeException e) {
      return null;
    }
  }

  static Decoded qrCodes(byte[] data) {
    if (data.length > MAX_BYTES) {
      return new Decoded(
          List.of(),
          "larger than " + MailReport.grouped(MAX_BYTES) + " bytes",
          MailReport.grouped(MAX_BYTES) + " バイトを超えています");
    }
    try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(data))) {
      Iterator<ImageReader> readers = in == null ? null : ImageIO.getImageReaders(in);
      if (readers == null || !readers.hasNext()) {
        return new Decoded(List.of(), "not a readable image", "画像として読めません");
      }
      ImageReader reader = readers.next();
      try {
        reader.setInput(in, true, true);
        long pixels = (long) reader.getWidth(0) * reader.getHeight(0);
        if (pixels > MAX_PIXELS) {
          return new Decoded(
              List.of(),
              "more than " + MailReport.grouped(MAX_PIXELS) + " pixels",
              MailReport.grouped(MAX_PIXELS) + " 画素を超えています");
        }
        if (pixels * bytesPerPixel(reader) > MAX_RASTER_BYTES) {
          return new Decoded(
              List.of(),
              "more than " + MailReport.grouped(MAX_RASTER_BYTES) + " bytes once decoded",
              "展開すると " + MailReport.grouped(MAX_RASTER_BYTES) + " バイトを超えます");
        }
        if (isJpeg(data)) {
          long scans = jpegScans(new ByteArrayInputStream(data));
          if (scans * pixels > MAX_SCAN_PIXELS) {
            return new Decoded(List.of(), tooManyScans(scans), tooManyScansJa(scans));
          }
        }
        int s = subsampling(reader.getWidth(0), reader.getHeight(0));
        ImageReadParam param = reader.getDefaultReadParam();
        if (s > 1) {
          param.setSourceSubsampling(s, s, 0, 0);
        }
        javax.imageio.ImageTypeSpecifier inOrder = inOrderBytes(reader);
        if (inOrder != null) {
          param.setDestinationType(inOrder);
        }
        BufferedImage image = reader.read(0, param);
        List<String> out = new ArrayList<>();
        decode(image, out);
        if (out.isEmpty() && MailQrUnread.seemsToHoldOne(image)) {
          return MailQrUnread.decoded();
        }
        return new Decoded(out);
      } finally {
        reader.dispose();
      }
    } catch (IOException | RuntimeException e) {
      return new Decoded(
          List.of(),
          "not a readable image: damaged, cut short or of a kind not supported",
          "画像として読めません (壊れているか、途中で切れているか、対応していない形式です)");
    }
  }

  /**
   * pdf35: the picture a reader decodes into, when its own choice is one of blue, green, red (,
   * alpha) bytes and it offers the same samples as red, green, blue (, alpha) bytes in sRGB: a PNG
   * reader copies each decoded row into its picture, sample by sample when their orders differ (a
   * tenth of the CPU of messages with a picture, pdf35), with one array copy when they agree. The
   * samples are the same, so are their grey levels ({@link #luminance}); null to keep the reader's
   * choice.
   */
  static javax.imageio.ImageTypeSpecifier inOrderBytes(ImageReader reader) throws IOException {
    Iterator<javax.imageio.ImageTypeSpecifier> types = reader.getImageTypes(0);
    if (types == null || !types.hasNext()) {
      return null;
    }
    int first = types.next().getBufferedImageType();
    if (first != BufferedImage.TYPE_3BYTE_BGR && first != BufferedImage.TYPE_4BYTE_ABGR) {
      return null;
    }
    while (types.hasNext()) {
      javax.imageio.ImageTypeSpecifier t = types.next();
      if (inOrderSrgbBytes(t.getColorModel(), t.getSampleModel())
          && t.getColorModel().hasAlpha() == (first == BufferedImage.TYPE_4BYTE_ABGR)) {
        return t;
      }
    }
    return null;
  }

  /**
   * Whether pixels are sRGB samples of 8 bits, not pre-multiplied, stored red, green, blue (,
   * alpha) one byte each in one array: {@code getRGB} gives the samples themselves.
   */
  private static boolean inOrderSrgbBytes(ColorModel colours, java.awt.image.SampleModel samples) {
    if (!(colours instanceof java.awt.image.ComponentColorModel)
        || !colours.getColorSpace().isCS_sRGB()
        || colours.isAlphaPremultiplied()
        || colours.getTransferType() != java.awt.image.DataBuffer.TYPE_BYTE
        || !(samples instanceof java.awt.image.PixelInterleavedSampleModel model)
        || model.getNumBands() != colours.getNumComponents()
        || model.getNumBands() != (colours.hasAlpha() ? 4 : 3)
        || model.getPixelStride() != model.getNumBands()) {
      return false;
    }
    int[] offsets = model.getBandOffsets();
    for (int b = 0; b < offsets.length; b++) {
      if (offsets[b] != b || colours.getComponentSize(b) != 8) {
        return false;
      }
    }
    return true;
  }

  /**
   * The subsampling factor the QR search decodes an image of {@code w} × {@code h} at: the smallest
   * that leaves at most {@link #SEARCH_PIXELS} pixels (1 for an image within it).
   */
  static int subsampling(int w, int h) {
    int s = 1;
    while (searchedPixels(w, h, s) > SEARCH_PIXELS) {
      s++;
    }
    return s;
  }

  /** How many pixels the QR search looks at in an image of {@code w} × {@code h}. */
  static long searchedPixels(int w, int h) {
    return searchedPixels(w, h, subsampling(w, h));
  }

  private static long searchedPixels(int w, int h, int s) {
    return (long) ((w + s - 1) / s) * ((h + s - 1) / s);
  }

  private static String tooManyScans(long scans) {
    return (scans > MAX_SCAN_PIXELS ? "a JPEG too long to walk" : "a JPEG of " + scans + " scans")
        + ": its scans times its pixels exceed "
        + MailReport.grouped(MAX_SCAN_PIXELS);
  }

  private static String tooManyScansJa(long scans) {
    return (scans > MAX_SCAN_PIXELS ? "長すぎる JPEG" : "スキャン " + scans + " 回の JPEG")
        + " です (スキャン数と画素数の積が "
        + MailReport.grouped(MAX_SCAN_PIXELS)
        + " を超えます)";
  }

  /**
   * Bytes a pixel of the reader's first image takes once decoded (the widest of the types it can
   * decode to; 4 when it does not say).
   */
  static long bytesPerPixel(ImageReader reader) throws IOException {
    long widest = 0;
    for (Iterator<javax.imageio.ImageTypeSpecifier> types = reader.getImageTypes(0);
        types != null && types.hasNext(); ) {
      java.awt.image.SampleModel model = types.next().getSampleModel(1, 1);
      long bits = 0;
      for (int size : model.getSampleSize()) {
        bits += size;
      }
      widest = Math.max(widest, (bits + 7) / 8);
    }
    return widest == 0 ? 4 : widest;
  }

  static boolean isJpeg(byte[] data) {
    return data.length > 2 && (data[0] & 0xff) == 0xFF && (data[1] & 0xff) == 0xD8;
  }

  /**
   * The scans (start-of-scan markers) of a JPEG, walking its segments and skipping the coded data
   * between them; {@code Long.MAX_VALUE} past {@link #MAX_JPEG_WALK} bytes. Reads no pixel.
   */
  static long jpegScans(java.io.InputStream jpeg) throws IOException {
    java.io.InputStream in = new java.io.BufferedInputStream(jpeg, 1 << 16);
    long walked = 0;
    long scans = 0;
    int b = in.read();
    while (b >= 0) {
      if (++walked > MAX_JPEG_WALK) {
        return Long.MAX_VALUE;
      }
      if (b != 0xFF) {
        b = in.read(); // coded data of a scan, or bytes between segments
        continue;
      }
      int marker = in.read();
      walked++;
      while (marker == 0xFF) {
        marker = in.read(); // fill bytes
        walked++;
      }
      if (marker < 0 || marker == 0xD9) {
        break; // end of data or of the image
      }
      if (marker == 0x00 || marker == 0x01 || (marker >= 0xD0 && marker <= 0xD8)) {
        b = in.read(); // a stuffed 0xFF in coded data, or a marker without a length
        continue;
      }
      int high = in.read();
      int low = in.read();
      if (low < 0) {
        break;
      }
      int length = (high << 8) | low;
      if (marker == 0xDA) {
        scans++;
      }
      long skip = Math.max(0, length - 2);
      walked += 2 + skip;
      while (skip > 0) {
        long n = in.skip(skip);
        if (n <= 0) {
          if (in.read() < 0) {
            return scans;
          }
          n = 1;
        }
        skip -= n;
      }
      b = in.read();
    }
    return scans;
  }

  /**
   * The QR codes of a PDF's first {@link #MAX_PDF_PAGES} pages. Each page's images (those of its
   * resources, of the forms it holds at any depth within {@link #MAX_FORM_DEPTH}, and of its
   * annotations' appearances; at most {@link #MAX_PDF_IMAGES} per PDF, each within {@link
   * #MAX_PIXELS}) are decoded directly, at their own resolution: most PDF lures embed the code as a
   * picture, and rendering the page only to find it again at 100 dpi was the dearest step of an
   * analysis. A page is also rendered at {@link #PDF_DPI} dpi (fewer if it would exceed {@link
   * #MAX_PIXELS} or {@link #MAX_SIDE}; a page that would need under {@link #MIN_PDF_DPI} dpi is not
   * drawn, and the problem names it) when it may draw a code some other way ({@link PageScan}): it
   * makes {@link #MIN_CODE_MARKS} marks or more (painted path operators, images and forms shown,
   * single glyphs set in place: a code drawn as rectangles, stamped or typed module by module),
   * shows a glyph that draws something {@link #MIN_GLYPH_RUN} times in a row (a code typed in
   * squares or half blocks), strokes a dashed line, paints a shading, holds a pattern, an inline
   * image, a Type 3 font, a soft mask or a stencil image, an annotation without an appearance, or
   * an image that could not be decoded directly (over the limits, unreadable); or when its scan
   * reached a bound. A page of text, rules, boxes and logos is not drawn. Drawing is bounded: at
   * most {@link #MAX_PDF_OPERATIONS} operators over the drawn pages, and images (with their masks)
   * over {@link #MAX_PIXELS} are not decoded while drawing either; the problem names the page where
   * drawing stopped and the limit. Encrypted or unreadable PDFs are a problem, not a failure.
   */
  static Decoded pdfQrCodes(byte[] data) {
    return pdfQrCodes(data, 0L, false);
  }

  /**
   * As {@link #pdfQrCodes(byte[])}, drawing stopped once {@code System.nanoTime()} passes {@code
   * deadline} (the analysis's own time), as well as past {@link #MAX_PDF_OPERATIONS}.
   */
  static Decoded pdfQrCodes(byte[] data, long deadline) {
    return pdfQrCodes(data, deadline, true);
  }

  private static Decoded pdfQrCodes(byte[] data, long deadline, boolean timed) {
    if (data.length > MAX_BYTES) {
      return new Decoded(
          List.of(),
          "larger than " + MailReport.grouped(MAX_BYTES) + " bytes",
          MailReport.grouped(MAX_BYTES) + " バイトを超えています");
    }
    List<String> out = new ArrayList<>();
    PdfLinks.Found found = null;
    String pageText = "";
    try (PDDocument doc = Loader.loadPDF(data)) {
      // the links and the first page's words first: reading them costs little, and a page that
      // cannot be drawn keeps them
      found = PdfLinks.read(doc);
      pageText = PdfText.firstPage(doc, deadline, timed);
      int pages = doc.getNumberOfPages();
      PageScan scan = new PageScan(out);
      boolean[] draw = scanPages(doc, scan, deadline, timed);
      String skipped = null;
      List<String> en = new ArrayList<>();
      List<String> ja = new ArrayList<>();
      boolean beyond = false;
      if (scan.scanned < pages) {
        beyond = true;
        boolean time = scan.scanned < Math.min(pages, MAX_PDF_PAGES);
        en.add(
            "pages "
                + (scan.scanned + 1)
                + "–"
                + pages
                + " not searched for QR codes: "
                + (time ? "out of analysis time" : "over " + MAX_PDF_PAGES + " pages"));
        ja.add(
            (scan.scanned + 1)
                + "–"
                + pages
                + " ページ目は QR コードを探していません ("
                + (time ? "解析時間を超えました" : MAX_PDF_PAGES + " ページを超えています")
                + ")");
      }
      if (scan.imagesOver > 0) {
        beyond = true;
        en.add(
            scan.imagesOver
                + " embedded image(s) past the first "
                + MAX_PDF_IMAGES
                + " not decoded (their pages drawn instead, within the limits of drawing)");
        ja.add(
            "埋め込み画像のうち最初の "
                + MAX_PDF_IMAGES
                + " 個を超える "
                + scan.imagesOver
                + " 個は直接には読んでいません (ページの描画で探します)");
      }
      DrawingBudget budget = null;
      PDFRenderer renderer = null;
      int drawn = 0;
      for (int i = 0; i < draw.length; i++) {
        if (!draw[i]) {
          continue;
        }
        if (drawn == MAX_PDF_DRAWN || (timed && System.nanoTime() - deadline >= 0)) {
          int left = 0;
          for (int j = i; j < draw.length; j++) {
            left += draw[j] ? 1 : 0;
          }
          beyond = true;
          boolean time = drawn < MAX_PDF_DRAWN;
          en.add(
              left
                  + " page(s) from page "
                  + (i + 1)
                  + " not drawn for a code: "
                  + (time ? "out of analysis time" : "over " + MAX_PDF_DRAWN + " pages drawn"));
          ja.add(
              (i + 1)
                  + " ページ目以降の "
                  + left
                  + " ページは QR コードを探す描画をしていません ("
                  + (time ? "解析時間を超えました" : "描画するページが " + MAX_PDF_DRAWN + " を超えました")
                  + ")");
          break;
        }
        drawn++;
        PDRectangle box = doc.getPage(i).getCropBox();
        float dpi = renderDpi(box.getWidth(), box.getHeight());
        if (dpi < MIN_PDF_DPI) {
          skipped = skipped == null ? String.valueOf(i + 1) : skipped + ", " + (i + 1);
          continue;
        }
        if (renderer == null) {
          budget = new DrawingBudget(deadline, timed);
          renderer = new BoundedRenderer(doc, budget);
        }
        budget.imagesSkipped = 0;
        try {
          decode(renderer.renderImageWithDPI(i, dpi, ImageType.GRAY), out);
        } catch (DrawingStopped stop) {
          en.add(
              "page "
                  + (i + 1)
                  + (stop.outOfTime
                      ? " not drawn to the end: out of analysis time"
                      : " not drawn to the end: over "
                          + MailReport.grouped(MAX_PDF_OPERATIONS)
                          + " drawing operations in the PDF"));
          ja.add(
              (i + 1)
                  + (stop.outOfTime
                      ? " ページ目は解析時間を超えたため描画を打ち切りました"
                      : " ページ目は PDF の描画命令が "
                          + MailReport.grouped(MAX_PDF_OPERATIONS)
                          + " を超えたため描画を打ち切りました"));
          break; // the budget is the PDF's: no page after this one is drawn either
        }
        if (budget.imagesSkipped > 0) {
          en.add(
              "page "
                  + (i + 1)
                  + ": "
                  + budget.imagesSkipped
                  + " image(s) of more than "
                  + MailReport.grouped(MAX_PIXELS)
                  + " pixels not drawn");
          ja.add(
              (i + 1)
                  + " ページ目の "
                  + MailReport.grouped(MAX_PIXELS)
                  + " 画素を超える画像 "
                  + budget.imagesSkipped
                  + " 個は描画していません");
        }
      }
      if (skipped != null) {
        en.add(
            0,
            "page "
                + skipped
                + " too large to draw (over "
                + MailReport.grouped(MAX_PIXELS)
                + " pixels or a side over "
                + MailReport.grouped(MAX_SIDE)
                + " pixels at "
                + MIN_PDF_DPI
                + " dpi)");
        ja.add(
            0,
            skipped
                + " ページ目は大きすぎて描画していません ("
                + MIN_PDF_DPI
                + " dpi で "
                + MailReport.grouped(MAX_PIXELS)
                + " 画素または一辺 "
                + MailReport.grouped(MAX_SIDE)
                + " 画素を超えます)");
      }
      Decoded d =
          (en.isEmpty()
                  ? new Decoded(out)
                  : new Decoded(out, String.join("; ", en), String.join("。", ja)))
              .with(found)
              .withPageText(pageText);
      return beyond ? d.beyond() : d;
    } catch (InvalidPasswordException e) {
      return new Decoded(out, "an encrypted PDF", "暗号化された PDF です");
    } catch (IOException | RuntimeException e) {
      return new Decoded(
              out,
              "not a readable PDF: damaged, cut short or of a kind not supported",
              "PDF として読めません (壊れているか、途中で切れているか、対応していない形式です)")
          .with(found)
          .withPageText(pageText);
    }
  }

  /**
   * Decodes the images of a PDF's first {@link #MAX_PDF_PAGES} pages into {@code out}; per page,
   * whether it must be rendered as well because it may draw a code some other way.
   */
  static boolean[] scanPages(PDDocument doc, List<String> out) throws IOException {
    return scanPages(doc, new PageScan(out), 0L, false);
  }

  /**
   * As {@link #scanPages(PDDocument, List)}, with no page begun once {@code System.nanoTime()}
   * passes {@code deadline} (when {@code timed}); {@code scan.scanned} says how many were read.
   */
  private static boolean[] scanPages(PDDocument doc, PageScan scan, long deadline, boolean timed)
      throws IOException {
    boolean[] draw = new boolean[Math.min(doc.getNumberOfPages(), MAX_PDF_PAGES)];
    for (int i = 0; i < draw.length; i++) {
      if (timed && i > 0 && System.nanoTime() - deadline >= 0) {
        break;
      }
      draw[i] = scan.mayDrawOtherwise(doc.getPage(i));
      scan.scanned = i + 1;
    }
    return draw;
  }

  /** Depth of forms inside forms a page's scan follows; deeper, the page is rendered. */
  static final int MAX_FORM_DEPTH = 12;

  /** Forms and annotation appearances one PDF's scan reads; beyond, the page is rendered. */
  static final int MAX_PDF_FORMS = 200;

  /** Content-stream tokens one PDF's scan reads; beyond, the page is rendered. */
  static final int MAX_PDF_TOKENS = 2_000_000;

  /**
   * Marks a page has to make before it is rendered for a code drawn with them: path operators that
   * are painted (a rectangle, a line, a curve, each move), images and forms shown (a form as many
   * times as it makes marks), and texts of one or two bytes shown on their own (a glyph set in
   * place). The smallest QR code (21 × 21 modules) has at least 102 runs of dark modules in its
   * rows and as many in its columns (the fewest over 20,000 codes ZXing wrote for random texts of 1
   * to 40 characters at each error-correction level), and a run takes a mark of its own unless the
   * pen paints the light modules between; half of that leaves room for modules its error correction
   * restores. A page of text with a few rules, boxes and logos makes far fewer.
   */
  static final int MIN_CODE_MARKS = 50;

  /**
   * The same glyph this many times in a row in one shown text, and the page is rendered: a code
   * written with a glyph for a dark module (█, ■, a period scaled up) shows the top row of a finder
   * pattern as seven in a row, and one written with half blocks (▀ ▄ █) five.
   */
  static final int MIN_GLYPH_RUN = 5;

  /** Operators that build a path. */
  private static final Set<String> PATH = Set.of("m", "l", "c", "v", "y", "re", "h");

  /** Operators that paint the path built. */
  private static final Set<String> PAINT = Set.of("f", "F", "f*", "B", "B*", "b", "b*", "S", "s");

  /** Operators that stroke the path built. */
  private static final Set<String> STROKE = Set.of("B", "B*", "b", "b*", "S", "s");

  /** Operators that show text. */
  private static final Set<String> SHOW = Set.of("Tj", "TJ", "'", "\"");

  /** What a content stream's scan answers when it may draw a code otherwise than its images. */
  private static final int DRAW = Integer.MAX_VALUE;

  /**
   * One PDF's pages read for what they draw, without drawing them: their images decoded for QR
   * codes as they are met (each image object once), and whether a page may draw a code any other
   * way, so that it has to be rendered: a shading, an inline image, a Type 3 font, a pattern, a
   * soft mask, a stencil image or one that could not be decoded, a dashed stroke, an annotation
   * without an appearance, a glyph shown {@link #MIN_GLYPH_RUN} times in a row, or at least {@link
   * #MIN_CODE_MARKS} marks.
   */
  private static final class PageScan {
    private final List<String> out;

    /** Images read already, and whether a page that holds them must be rendered. */
    private final Map<COSBase, Boolean> seen = new IdentityHashMap<>();

    /** Forms read already, and their marks ({@link #DRAW}: the page must be rendered). */
    private final Map<COSBase, Integer> formMarks = new IdentityHashMap<>();

    private int images;
    private int forms;
    private int tokens;

    /** Pages read so far. */
    int scanned;

    /** Distinct images past {@link #MAX_PDF_IMAGES} left to the renderer. */
    int imagesOver;

    PageScan(List<String> out) {
      this.out = out;
    }

    /** Decodes the page's images; true if the page must be rendered as well. */
    boolean mayDrawOtherwise(PDPage page) throws IOException {
      int marks = stream(page, page.getResources(), 0);
      for (PDAnnotation annotation : page.getAnnotations()) {
        PDAppearanceStream appearance = annotation.getNormalAppearanceStream();
        if (appearance != null) {
          marks = add(marks, form(appearance, page.getResources(), 1));
        } else if (!"Link".equals(annotation.getSubtype())) {
          marks = DRAW; // the renderer may build an appearance of its own (ink, shapes)
        }
      }
      return marks >= MIN_CODE_MARKS;
    }

    private static int add(int a, int b) {
      return (int) Math.min(DRAW, (long) a + b);
    }

    private int form(PDFormXObject form, PDResources inherited, int depth) throws IOException {
      Integer known = formMarks.putIfAbsent(form.getCOSObject(), 0);
      if (known != null) {
        return known; // read already (or being read: a form that holds itself draws nothing more)
      }
      PDResources own = form.getResources();
      int marks =
          depth > MAX_FORM_DEPTH || ++forms > MAX_PDF_FORMS
              ? DRAW
              : stream(form, own != null ? own : inherited, depth);
      formMarks.put(form.getCOSObject(), marks);
      return marks;
    }

    private int stream(PDContentStream content, PDResources resources, int depth)
        throws IOException {
      if (resources != null && resources(resources, depth)) {
        return DRAW;
      }
      COSDictionary xobjects =
          resources == null ? null : resources.getCOSObject().getCOSDictionary(COSName.XOBJECT);
      int marks = 0;
      int path = 0;
      boolean dashed = false;
      COSBase font = null;
      List<COSBase> operands = new ArrayList<>();
      PDFStreamParser parser = new PDFStreamParser(content);
      try {
        for (Object token = parser.parseNextToken();
            token != null;
            token = parser.parseNextToken()) {
          if (++tokens > MAX_PDF_TOKENS) {
            return DRAW;
          }
          if (!(token instanceof Operator op)) {
            if (token instanceof COSBase operand) {
              operands.add(operand);
            }
            continue;
          }
          String name = op.getName();
          if (PATH.contains(name)) {
            path++;
          } else if (PAINT.contains(name)) {
            if (dashed && STROKE.contains(name)) {
              return DRAW; // a dashed line draws a row of modules in one stroke
            }
            marks = add(marks, path);
            path = 0;
          } else if ("n".equals(name)) {
            path = 0; // a clipping path, painted by nothing
          } else if ("sh".equals(name) || "BI".equals(name)) {
            return DRAW;
          } else if ("d".equals(name)) {
            dashed |=
                !operands.isEmpty()
                    && operands.get(0) instanceof org.apache.pdfbox.cos.COSArray dash
                    && dash.size() > 0;
          } else if ("Do".equals(name)) {
            marks = add(marks, shown(xobjects, operands, resources, depth));
          } else if ("Tf".equals(name)) {
            font = operands.isEmpty() ? null : operands.get(0);
          } else if (SHOW.contains(name)) {
            byte[] text = shownText(operands);
            if (repeatsAGlyph(text, resources, font)) {
              return DRAW;
            }
            if (text.length > 0 && text.length <= 2) {
              marks = add(marks, 1);
            }
          }
          if (marks == DRAW) {
            return DRAW;
          }
          operands.clear();
        }
      } finally {
        parser.close();
      }
      return marks;
    }

    /** The marks of an XObject shown by {@code Do}: one for an image, a form's own for a form. */
    private int shown(
        COSDictionary xobjects, List<COSBase> operands, PDResources resources, int depth)
        throws IOException {
      if (xobjects != null
          && !operands.isEmpty()
          && operands.get(operands.size() - 1) instanceof COSName name
          && xobjects.getDictionaryObject(name) instanceof org.apache.pdfbox.cos.COSStream stream
          && COSName.FORM.equals(stream.getCOSName(COSName.SUBTYPE))) {
        Integer known = formMarks.get(stream);
        return known != null ? known : form(new PDFormXObject(stream), resources, depth + 1);
      }
      return 1;
    }

    /**
     * Decodes the images of these resources and reads their forms; true if a page must be drawn.
     */
    private boolean resources(PDResources resources, int depth) throws IOException {
      boolean draw = false;
      COSDictionary fonts = resources.getCOSObject().getCOSDictionary(COSName.FONT);
      if (fonts != null) {
        for (COSName name : fonts.keySet()) {
          if (fonts.getDictionaryObject(name) instanceof COSDictionary font
              && COSName.TYPE3.equals(font.getCOSName(COSName.SUBTYPE))) {
            draw = true; // its glyphs are drawings
          }
        }
      }
      COSDictionary states = resources.getCOSObject().getCOSDictionary(COSName.EXT_G_STATE);
      if (states != null) {
        for (COSName name : states.keySet()) {
          if (states.getDictionaryObject(name) instanceof COSDictionary state
              && state.getDictionaryObject(COSName.SMASK) instanceof COSDictionary) {
            draw = true; // a soft mask is a drawing of its own
          }
        }
      }
      COSDictionary patterns = resources.getCOSObject().getCOSDictionary(COSName.PATTERN);
      if (patterns != null && patterns.size() > 0) {
        draw = true; // a tiling pattern holds a drawing, a shading one paints any picture
      }
      for (COSName name : resources.getXObjectNames()) {
        PDXObject x = resources.getXObject(name);
        if (x instanceof PDImageXObject image) {
          draw |= image(image);
        } else if (x instanceof PDFormXObject form) {
          draw |= form(form, resources, depth + 1) == DRAW;
        }
      }
      return draw;
    }

    /** Decodes an image for QR codes; true if it has to be seen on the rendered page instead. */
    private boolean image(PDImageXObject image) {
      Boolean known = seen.get(image.getCOSObject());
      if (known == null) {
        known = decodeOrDraw(image);
        seen.put(image.getCOSObject(), known);
      }
      return known;
    }

    private boolean decodeOrDraw(PDImageXObject image) {
      if (image.isStencil() || image.getWidth() <= 0 || image.getHeight() <= 0) {
        return true;
      }
      if (tooSmallForQr(image.getWidth(), image.getHeight())) {
        return false; // a bullet or a spacer holds no code, however large the page shows it
      }
      if (++images > MAX_PDF_IMAGES) {
        imagesOver++;
        return true;
      }
      try {
        if (tooLarge(image)) {
          return true;
        }
      } catch (IOException | RuntimeException e) {
        return true;
      }
      try {
        byte[] grey = plainGrey(image);
        if (grey != null) {
          decode(grey, image.getWidth(), image.getHeight(), out);
          return false;
        }
        BufferedImage picture = plainMaskedOrNull(image);
        if (picture == null) {
          picture = image.getImage();
        }
        int before = out.size();
        decode(picture, out);
        if (out.size() == before && picture.getColorModel().hasAlpha()) {
          decode(overWhite(picture), out); // as the page shows it where the image is transparent
        }
        return false;
      } catch (IOException | RuntimeException e) {
        return true; // the renderer may still draw it (or give up on it as before)
      }
    }
  }

  /** The bytes a text operator shows: its string, or the strings of its array joined. */
  static byte[] shownText(List<COSBase> operands) {
    if (operands.isEmpty()) {
      return new byte[0];
    }
    COSBase last = operands.get(operands.size() - 1);
    if (last instanceof org.apache.pdfbox.cos.COSString string) {
      return string.getBytes();
    }
    if (last instanceof org.apache.pdfbox.cos.COSArray array) {
      java.io.ByteArrayOutputStream joined = new java.io.ByteArrayOutputStream();
      for (COSBase part : array) {
        if (part instanceof org.apache.pdfbox.cos.COSString string) {
          joined.writeBytes(string.getBytes());
        }
      }
      return joined.toByteArray();
    }
    return new byte[0];
  }

  /**
   * Whether shown text holds one glyph {@link #MIN_GLYPH_RUN} times in a row (the same byte, or the
   * same two bytes: a glyph code of a two-byte font) that draws something: a run of a glyph whose
   * outline in {@code font} (the name set by {@code Tf} in {@code resources}) is empty, a space as
   * a rule, is not counted; a glyph that cannot be told empty is.
   */
  static boolean repeatsAGlyph(byte[] text, PDResources resources, COSBase font) {
    int one = 1;
    int two = 2;
    for (int i = 1; i < text.length; i++) {
      one = text[i] == text[i - 1] ? one + 1 : 1;
      two = i >= 2 && text[i] == text[i - 2] ? two + 1 : 2;
      if (one == MIN_GLYPH_RUN && !blank(resources, font, text[i] & 0xff, false)) {
        return true;
      }
      if (two == 2 * MIN_GLYPH_RUN
          && text[i] != text[i - 1] // a run of one byte is the case above
          && !blank(resources, font, ((text[i - 1] & 0xff) << 8) | (text[i] & 0xff), true)) {
        return true;
      }
    }
    return false;
  }

  /**
   * Whether glyph {@code code} of the font named {@code font} draws nothing: a font of one-byte
   * codes for a one-byte code, of two-byte codes (Identity-H or -V) for a two-byte one.
   */
  private static boolean blank(PDResources resources, COSBase font, int code, boolean twoBytes) {
    if (resources == null || !(font instanceof COSName name)) {
      return false;
    }
    try {
      org.apache.pdfbox.pdmodel.font.PDFont f = resources.getFont(name);
      boolean fits =
          twoBytes
              ? f instanceof org.apache.pdfbox.pdmodel.font.PDType0Font type0
                  && type0.getCMap() != null
                  && type0.getCMap().getName() != null
                  && type0.getCMap().getName().startsWith("Identity-")
              : f instanceof org.apache.pdfbox.pdmodel.font.PDSimpleFont;
      return fits
          && f instanceof org.apache.pdfbox.pdmodel.font.PDVectorFont vector
          && vector.getNormalizedPath(code).getBounds2D().isEmpty();
    } catch (IOException | RuntimeException e) {
      return false;
    }
  }

  /** An image with transparency drawn over a white page. */
  static BufferedImage overWhite(BufferedImage image) {
    BufferedImage white =
        new BufferedImage(image.getWidth(), image.getHeight(), BufferedImage.TYPE_INT_RGB);
    java.awt.Graphics2D g = white.createGraphics();
    try {
      g.setColor(java.awt.Color.WHITE);
      g.fillRect(0, 0, image.getWidth(), image.getHeight());
      g.drawImage(image, 0, 0, null);
    } finally {
      g.dispose();
    }
    return white;
  }

  /**
   * Whether decoding {@code image} would build more than {@link #MAX_PIXELS} pixels: the image
   * itself, or its soft mask or stencil mask, which PDFBox decodes with it at full size; or whether
   * it is a JPEG whose scans times pixels exceed {@link #MAX_SCAN_PIXELS}.
   */
  static boolean tooLarge(PDImage image) throws IOException {
    long pixels = (long) image.getWidth() * image.getHeight();
    if (pixels > MAX_PIXELS) {
      return true;
    }
    if (image instanceof PDImageXObject x) {
      List<COSName> filters = x.getStream().getFilters();
      if (!filters.isEmpty() && COSName.DCT_DECODE.equals(filters.get(filters.size() - 1))) {
        try (java.io.InputStream jpeg =
            x.getStream().createInputStream(List.of(COSName.DCT_DECODE.getName()))) {
          if (jpegScans(jpeg) * Math.max(1, pixels) > MAX_SCAN_PIXELS) {
            return true; // PDFBox decodes it with ImageIO, scan after scan
          }
        }
      }
      PDImageXObject soft = x.getSoftMask();
      if (soft != null && (long) soft.getWidth() * soft.getHeight() > MAX_PIXELS) {
        return true;
      }
      PDImageXObject mask = x.getMask();
      return mask != null && (long) mask.getWidth() * mask.getHeight() > MAX_PIXELS;
    }
    return false;
  }

  /**
   * What drawing one PDF may still cost: {@link #MAX_PDF_OPERATIONS} operators over all its drawn
   * pages (those inside forms, patterns, Type 3 glyphs and annotations each count, so a form drawn
   * ten times by a form drawn ten times counts a hundred), and the analysis's deadline.
   */
  private static final class DrawingBudget {
    private final long deadline;
    private final boolean timed;
    private long operations;
    private int imagesSkipped;

    DrawingBudget(long deadline, boolean timed) {
      this.deadline = deadline;
      this.timed = timed;
    }

    void spend() {
      if (++operations > MAX_PDF_OPERATIONS) {
        throw new DrawingStopped(false);
      }
      if (timed && (operations & 1023) == 0 && System.nanoTime() - deadline >= 0) {
        throw new DrawingStopped(true);
      }
    }
  }

  /**
   * Thrown through PDFBox to end a page's drawing: unchecked, since PDFBox turns an IOException in
   * a form's drawing into a warning and carries on.
   */
  private static final class DrawingStopped extends RuntimeException {
    private static final long serialVersionUID = 1L;

    final boolean outOfTime;

    DrawingStopped(boolean outOfTime) {
      super(null, null, false, false);
      this.outOfTime = outOfTime;
    }
  }

  /** A renderer whose pages are drawn within a {@link DrawingBudget}. */
  private static final class BoundedRenderer extends PDFRenderer {
    private final DrawingBudget budget;

    BoundedRenderer(PDDocument doc, DrawingBudget budget) {
      super(doc);
      this.budget = budget;
    }

    @Override
    protected PageDrawer createPageDrawer(PageDrawerParameters parameters) throws IOException {
      return new BoundedPageDrawer(parameters, budget);
    }
  }

  /** Counts every operator against the budget; an image past {@link #MAX_PIXELS} is not drawn. */
  private static final class BoundedPageDrawer extends PageDrawer {
    private final DrawingBudget budget;

    BoundedPageDrawer(PageDrawerParameters parameters, DrawingBudget budget) throws IOException {
      super(parameters);
      this.budget = budget;
    }

    @Override
    protected void processOperator(Operator operator, List<COSBase> operands) throws IOException {
      budget.spend();
      super.processOperator(operator, operands);
    }

    @Override
    public void drawImage(PDImage image) throws IOException {
      if (tooLarge(image)) {
        budget.imagesSkipped++;
        return;
      }
      super.drawImage(image);
    }
  }

  /**
   * The resolution a page of {@code width} × {@code height} points is drawn at: {@link #PDF_DPI},
   * lowered so the image stays within {@link #MAX_PIXELS} and its longer side within {@link
   * #MAX_SIDE} (a page can be small in area and still a billion points long); 0 for a page with no
   * usable size.
   */
  static float renderDpi(float width, float height) {
    if (!(width > 0) || !(height > 0) || !Float.isFinite(width) || !Float.isFinite(height)) {
      return 0f;
    }
    double points = (double) width * height;
    double dpi = PDF_DPI;
    dpi = Math.min(dpi, 72.0 * Math.sqrt(MAX_PIXELS / Math.max(1.0, points)));
    dpi = Math.min(dpi, 72.0 * MAX_SIDE / Math.max(width, height));
    return (float) dpi;
  }

  /**
   * The grey levels of a PDF image that PDFBox would hand over as its samples unchanged, read
   * straight from its decoded stream; null for any other image (which goes through {@link
   * PDImageXObject#getImage()}). For an image of 8 bits per component in DeviceRGB or DeviceGray,
   * with no Decode array, no soft mask, mask or colour-key mask, and not JPEG 2000, {@code
   * getImage()} (PDFBox 3.0's {@code SampledImageReader.from8bit}, whole image, no subsampling)
   * fills a raster with the decoded stream's bytes (zeros past a stream cut short) and copies it
   * into an RGB picture unchanged (a grey sample as red, green and blue alike): {@link #luminance}
   * of that picture is (red + 2 × green + blue) / 4 of the samples, the grey sample itself for
   * DeviceGray. Computing that here skips the picture and its colour conversion, the dearest part
   * of decoding a PDF's images (speed34); the grey levels are the same, byte for byte.
   */
  static byte[] plainGrey(PDImageXObject image) throws IOException {
    if (image.getSoftMask() != null) {
      return null;
    }
    byte[] samples = plainSamples(image);
    if (samples == null || image.getColorSpace() instanceof PDDeviceGray) {
      return samples;
    }
    byte[] out = new byte[image.getWidth() * image.getHeight()];
    for (int i = 0, o = 0; o < out.length; i += 3, o++) {
      out[o] =
          (byte)
              (((samples[i] & 0xff) + ((samples[i + 1] & 0xff) << 1) + (samples[i + 2] & 0xff))
                  / 4);
    }
    return out;
  }

  /**
   * The samples of an image {@link #plainGrey} or {@link #plainMasked} reads (8 bits a component,
   * DeviceRGB or DeviceGray, no Decode array, mask or colour-key mask, not JPEG 2000; its soft mask
   * not looked at), as PDFBox fills its raster: the decoded stream, zeros past its end; null for
   * any other image.
   */
  private static byte[] plainSamples(PDImageXObject image) throws IOException {
    if (image.getStream().getFilters().contains(COSName.JPX_DECODE)
        || image.getMask() != null
        || image.getColorKeyMask() != null
        || image.isEmpty()) {
      return null;
    }
    PDColorSpace space = image.getColorSpace();
    boolean rgb = space instanceof PDDeviceRGB;
    if (!(rgb || space instanceof PDDeviceGray)
        || image.getBitsPerComponent() != 8
        || image.getDecode() != null) {
      return null;
    }
    int w = image.getWidth();
    int h = image.getHeight();
    byte[] samples = new byte[Math.multiplyExact(Math.multiplyExact(w, h), rgb ? 3 : 1)];
    org.apache.pdfbox.filter.DecodeOptions options = new org.apache.pdfbox.filter.DecodeOptions(1);
    options.setSourceRegion(new java.awt.Rectangle(0, 0, w, h));
    try (java.io.InputStream in = image.createInputStream(options)) {
      org.apache.pdfbox.io.IOUtils.populateBuffer(in, samples); // as PDFBox fills its raster
    }
    return samples;
  }

  /**
   * pdf35: the picture {@link PDImageXObject#getImage()} builds for an image with a soft mask,
   * built here from the samples, or null when it is not one of those read this way. For an image
   * {@link #plainSamples} reads whose soft mask has its size, no Matte, and is itself an 8-bit
   * DeviceGray image {@link #plainSamples} reads, PDFBox 3.0 copies the image's samples into an
   * ARGB picture unchanged (a grey sample as red, green and blue alike) and the mask's samples into
   * its alpha, through a per-pixel colour conversion of both that took more time than finding the
   * codes (a logo with transparency, in most PDF lures); the picture here is the same pixel for
   * pixel ({@code MailImagesPdfMaskTest}). A mask of another size (PDFBox scales one of the two),
   * with a Matte (PDFBox reverses the pre-multiplication) or of any other kind is left to PDFBox.
   */
  static BufferedImage plainMasked(PDImageXObject image) throws IOException {
    PDImageXObject mask = image.getSoftMask();
    if (mask == null
        || mask.getCOSObject().containsKey(COSName.MATTE)
        || mask.getWidth() != image.getWidth()
        || mask.getHeight() != image.getHeight()
        || !(mask.getColorSpace() instanceof PDDeviceGray)) {
      return null;
    }
    byte[] colour = plainSamples(image);
    byte[] alpha = colour == null ? null : plainSamples(mask);
    if (alpha == null) {
      return null;
    }
    BufferedImage picture =
        new BufferedImage(image.getWidth(), image.getHeight(), BufferedImage.TYPE_INT_ARGB);
    int[] pixels = ((java.awt.image.DataBufferInt) picture.getRaster().getDataBuffer()).getData();
    boolean rgb = colour.length != alpha.length;
    for (int i = 0, c = 0; i < pixels.length; i++) {
      int r = colour[c++] & 0xff;
      int g = rgb ? colour[c++] & 0xff : r;
      int b = rgb ? colour[c++] & 0xff : r;
      pixels[i] = (alpha[i] & 0xff) << 24 | r << 16 | g << 8 | b;
    }
    return picture;
  }

  /**
   * {@link #plainMasked}, or null when it fails as well: the image is then left to PDFBox, which
   * answers (or fails) as it always did.
   */
  private static BufferedImage plainMaskedOrNull(PDImageXObject image) {
    try {
      return plainMasked(image);
    } catch (IOException | RuntimeException e) {
      return null;
    }
  }

  static void decode(BufferedImage image, List<String> out) {
    int w = image.getWidth();
    int h = image.getHeight();
    if (tooSmallForQr(w, h)) {
      return;
    }
    decode(luminance(image), w, h, out);
  }

  /** The QR codes of a picture given as its grey levels, row by row ({@link #luminance}). */
  static void decode(byte[] grey, int w, int h, List<String> out) {
    if (tooSmallForQr(w, h)) {
      return;
    }
    if (oneGreyLevel(grey)) {
      return;
    }
    BinaryBitmap bitmap =
        new BinaryBitmap(
            new HybridBinarizer(new PlanarYUVLuminanceSource(grey, w, h, 0, 0, w, h, false)));
    try {
      for (Result r : new QRCodeMultiReader().decodeMultiple(bitmap, HINTS)) {
        if (r.getText() != null && !r.getText().isBlank() && !out.contains(r.getText())) {
          out.add(r.getText().strip());
        }
      }
    } catch (NotFoundException e) {
      // no QR code in this image: the usual case
    }
  }

  /**
   * Whether a picture of {@code w} × {@code h} pixels is too small for ZXing's QR reader to find a
   * code in it, whatever it shows (spacers, tracking pixels, bullets). The reader decodes only
   * through three finder patterns: each is found as a run of dark, light, dark, light, dark of
   * 1:1:3:1:1 with at least 7 pixels in all ({@code FinderPatternFinder.foundPatternCross}, also
   * for the vertical check), so a side under 7 pixels holds none; its centre lies more than 1.75
   * module widths (of at least a pixel) inside the picture on each axis, since the outer runs are
   * over half a module and the middle one over one and a half. The detector gives up below a module
   * of one pixel ({@code Detector.processFinderPatternInfo}), and a code of 21 modules or more
   * needs two of the centres at least 12.5 module widths apart ({@code computeDimension}: the two
   * centre distances in modules, rounded, must add up to 26 or more). Two centres that far apart
   * inside a box of (w − 3.5) × (h − 3.5) pixels need its diagonal to be at least 12.5 pixels long:
   * a picture of 12 × 12 pixels or less cannot hold a decodable code.
   */
  static boolean tooSmallForQr(int w, int h) {
    double dw = w - 3.5;
    double dh = h - 3.5;
    return w < 7 || h < 7 || dw * dw + dh * dh < 12.5 * 12.5;
  }

  /**
   * Whether every pixel has the same grey level. ZXing's binarizer then gives every pixel the same
   * threshold ({@code HybridBinarizer}: half the level in every block, its neighbours' average
   * being the same; under 40 pixels a side, {@code GlobalHistogramBinarizer}: one black point for
   * the whole picture, or none), so the picture becomes one colour, and with no dark-light
   * transition in any row there is no finder pattern, hence no code.
   */
  static boolean oneGreyLevel(byte[] grey) {
    for (int i = 1; i < grey.length; i++) {
      if (grey[i] != grey[0]) {
        return false;
      }
    }
    return true;
  }

  /**
   * The grey level of every pixel, row by row: exactly what ZXing's {@code RGBLuminanceSource}
   * computes from {@link BufferedImage#getRGB} ((red + 2 × green + blue) / 4), read from the raster
   * a row at a time for the layouts decoders and PDF rendering produce, without converting each
   * pixel through the colour model (that conversion took more time than finding the codes). Other
   * layouts go through {@code getRGB}.
   */
  static byte[] luminance(BufferedImage image) {
    int w = image.getWidth();
    int h = image.getHeight();
    byte[] out = new byte[w * h];
    Raster raster = image.getRaster();
    switch (image.getType()) {
      case BufferedImage.TYPE_INT_RGB, BufferedImage.TYPE_INT_ARGB -> {
        int[] row = new int[w];
        for (int y = 0; y < h; y++) {
          raster.getDataElements(0, y, w, 1, row);
          for (int x = 0, o = y * w; x < w; x++, o++) {
            out[o] = grey(row[x]);
          }
        }
      }
      case BufferedImage.TYPE_3BYTE_BGR, BufferedImage.TYPE_4BYTE_ABGR -> {
        if (interleavedBytes(raster, out)) {
          return out;
        }
        // the raster gives the bands in the colour model's order: red, green, blue (, alpha)
        int bands = raster.getNumDataElements();
        byte[] row = new byte[w * bands];
        for (int y = 0; y < h; y++) {
          raster.getDataElements(0, y, w, 1, row);
          for (int x = 0, i = 0, o = y * w; x < w; x++, i += bands, o++) {
            out[o] =
                (byte) (((row[i] & 0xff) + ((row[i + 1] & 0xff) << 1) + (row[i + 2] & 0xff)) / 4);
          }
        }
      }
      case BufferedImage.TYPE_BYTE_GRAY, BufferedImage.TYPE_BYTE_INDEXED -> {
        // one byte per pixel: its grey level through the colour model, once per value
        ColorModel model = image.getColorModel();
        byte[] table = new byte[256];
        byte[] one = new byte[1];
        for (int v = 0; v < 256; v++) {
          one[0] = (byte) v;
          table[v] = grey(model.getRGB(one));
        }
        byte[] row = new byte[w];
        for (int y = 0; y < h; y++) {
          raster.getDataElements(0, y, w, 1, row);
          for (int x = 0, o = y * w; x < w; x++, o++) {
            out[o] = table[row[x] & 0xff];
          }
        }
      }
      default -> {
        if (inOrderSrgbBytes(image.getColorModel(), raster.getSampleModel())
            && interleavedBytes(raster, out)) {
          return out; // a picture decoded with inOrderBytes
        }
        int[] row = new int[w];
        for (int y = 0; y < h; y++) {
          image.getRGB(0, y, w, 1, row, 0, w);
          for (int x = 0, o = y * w; x < w; x++, o++) {
            out[o] = grey(row[x]);
          }
        }
      }
    }
    return out;
  }

  /**
   * pdf35: the grey levels of a picture of interleaved bytes (a decoded JPEG or PNG: blue, green,
   * red (, alpha) in one array) read from that array, red, green and blue where the raster's layout
   * puts them: the same bytes the raster's row copy hands over in the colour model's order, without
   * that copy's per-sample loop (most of this method's time on decoded pictures, pdf35); false,
   * nothing written, for another layout.
   */
  private static boolean interleavedBytes(Raster raster, byte[] out) {
    if (!(raster.getSampleModel() instanceof java.awt.image.ComponentSampleModel model)
        || !(raster.getDataBuffer() instanceof java.awt.image.DataBufferByte buffer)
        || buffer.getNumBanks() != 1
        || model.getNumBands() < 3) {
      return false;
    }
    int[] banks = model.getBankIndices();
    for (int bank : banks) {
      if (bank != 0) {
        return false;
      }
    }
    byte[] data = buffer.getData();
    int w = raster.getWidth();
    int h = raster.getHeight();
    int stride = model.getPixelStride();
    int tx = raster.getSampleModelTranslateX();
    int ty = raster.getSampleModelTranslateY();
    int[] offsets = model.getBandOffsets();
    int red = offsets[0];
    int green = offsets[1];
    int blue = offsets[2];
    for (int y = 0; y < h; y++) {
      int i =
          buffer.getOffset()
              + (raster.getMinY() + y - ty) * model.getScanlineStride()
              + (raster.getMinX() - tx) * stride;
      for (int x = 0, o = y * w; x < w; x++, i += stride, o++) {
        out[o] =
            (byte)
                (((data[i + red] & 0xff)
                        + ((data[i + green] & 0xff) << 1)
                        + (data[i + blue] & 0xff))
                    / 4);
      }
    }
    return true;
  }

  private static byte grey(int rgb) {
    return (byte) ((((rgb >> 16) & 0xff) + ((rgb >> 7) & 0x1fe) + (rgb & 0xff)) / 4);
  }
}
