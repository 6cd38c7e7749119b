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
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.encryption.InvalidPasswordException;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;

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

  /** Images and PDFs per message searched for QR codes. */
  static final int MAX_IMAGES = 10;

  /** Pages of one PDF searched for QR codes (the first three). */
  static final int MAX_PDF_PAGES = 3;

  /** Embedded images of one PDF decoded at most. */
  static final int MAX_PDF_IMAGES = 10;

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
   * and Japanese).
   */
  record Decoded(List<String> texts, String problem, String problemJa) {

    Decoded(List<String> texts) {
      this(texts, null, null);
    }
  }

  static Decoded qrCodes(byte[] data) {
    if (data.length > MAX_BYTES) {
      return new Decoded(
          List.of(), "larger than " + MAX_BYTES + " bytes", MAX_BYTES + " バイトを超えています");
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
              List.of(), "more than " + MAX_PIXELS + " pixels", MAX_PIXELS + " 画素を超えています");
        }
        BufferedImage image = reader.read(0);
        List<String> out = new ArrayList<>();
        decode(image, out);
        return new Decoded(out);
      } finally {
        reader.dispose();
      }
    } catch (IOException | RuntimeException e) {
      return new Decoded(
          List.of(),
          "not a readable image (" + e.getClass().getSimpleName() + ")",
          "画像として読めません (" + e.getClass().getSimpleName() + ")");
    }
  }

  /**
   * The QR codes of a PDF: first the images embedded in its first {@link #MAX_PDF_PAGES} pages (at
   * most {@link #MAX_PDF_IMAGES}, each within {@link #MAX_PIXELS}); if none holds a code, those
   * pages rendered at {@link #PDF_DPI} dpi (fewer if a page would exceed {@link #MAX_PIXELS} or
   * {@link #MAX_SIDE}; a page that would need under {@link #MIN_PDF_DPI} dpi is not drawn, and the
   * problem names it), which also finds codes drawn as vector graphics. Encrypted or unreadable
   * PDFs are a problem, not a failure.
   */
  static Decoded pdfQrCodes(byte[] data) {
    if (data.length > MAX_BYTES) {
      return new Decoded(
          List.of(), "larger than " + MAX_BYTES + " bytes", MAX_BYTES + " バイトを超えています");
    }
    List<String> out = new ArrayList<>();
    try (PDDocument doc = Loader.loadPDF(data)) {
      int pages = Math.min(doc.getNumberOfPages(), MAX_PDF_PAGES);
      int images = 0;
      for (int i = 0; i < pages && images < MAX_PDF_IMAGES; i++) {
        PDResources resources = doc.getPage(i).getResources();
        if (resources == null) {
          continue;
        }
        for (COSName name : resources.getXObjectNames()) {
          if (images >= MAX_PDF_IMAGES) {
            break;
          }
          if (resources.getXObject(name) instanceof PDImageXObject image) {
            images++;
            if (image.getWidth() > 0
                && image.getHeight() > 0
                && (long) image.getWidth() * image.getHeight() <= MAX_PIXELS) {
              decode(image.getImage(), out);
            }
          }
        }
      }
      String skipped = null;
      if (out.isEmpty()) {
        PDFRenderer renderer = new PDFRenderer(doc);
        for (int i = 0; i < pages; i++) {
          PDRectangle box = doc.getPage(i).getCropBox();
          float dpi = renderDpi(box.getWidth(), box.getHeight());
          if (dpi < MIN_PDF_DPI) {
            skipped = skipped == null ? String.valueOf(i + 1) : skipped + ", " + (i + 1);
            continue;
          }
          decode(renderer.renderImageWithDPI(i, dpi, ImageType.GRAY), out);
        }
      }
      if (skipped != null) {
        return new Decoded(
            out,
            "page "
                + skipped
                + " too large to draw (over "
                + MAX_PIXELS
                + " pixels or a side over "
                + MAX_SIDE
                + " pixels at "
                + MIN_PDF_DPI
                + " dpi)",
            skipped
                + " ページ目は大きすぎて描画していません ("
                + MIN_PDF_DPI
                + " dpi で "
                + MAX_PIXELS
                + " 画素または一辺 "
                + MAX_SIDE
                + " 画素を超えます)");
      }
      return new Decoded(out);
    } catch (InvalidPasswordException e) {
      return new Decoded(out, "an encrypted PDF", "暗号化された PDF です");
    } catch (IOException | RuntimeException e) {
      return new Decoded(
          out,
          "not a readable PDF (" + e.getClass().getSimpleName() + ")",
          "PDF として読めません (" + e.getClass().getSimpleName() + ")");
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

  private static void decode(BufferedImage image, List<String> out) {
    int w = image.getWidth();
    int h = image.getHeight();
    BinaryBitmap bitmap =
        new BinaryBitmap(
            new HybridBinarizer(
                new PlanarYUVLuminanceSource(luminance(image), w, h, 0, 0, w, h, false)));
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

  private static byte grey(int rgb) {
    return (byte) ((((rgb >> 16) & 0xff) + ((rgb >> 7) & 0x1fe) + (rgb & 0xff)) / 4);
  }
}
