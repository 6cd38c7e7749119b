package jp.renkei.engine.mail;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.DecodeHintType;
import com.google.zxing.NotFoundException;
import com.google.zxing.RGBLuminanceSource;
import com.google.zxing.Result;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.multi.qrcode.QRCodeMultiReader;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

/**
 * QR codes in the images of a message (quishing: the link is in a picture, out of reach of link
 * checks). The image is decoded by the JDK's ImageIO, its QR codes by ZXing; the texts they hold
 * are treated like links of the message. Bounded: images over {@link #MAX_BYTES} or {@link
 * #MAX_PIXELS} are not decoded (their size is read from the header first, so a small file claiming
 * a huge image costs nothing), and at most {@link #MAX_IMAGES} images per message are tried.
 */
final class MailImages {

  /** Bytes of one image decoded at most (5 MiB). */
  static final int MAX_BYTES = 5 << 20;

  /** Pixels of one image decoded at most (16 million, e.g. 4000 × 4000). */
  static final long MAX_PIXELS = 16_000_000L;

  /** Images per message searched for QR codes. */
  static final int MAX_IMAGES = 10;

  private static final Map<DecodeHintType, Object> HINTS =
      Map.of(DecodeHintType.TRY_HARDER, Boolean.TRUE, DecodeHintType.CHARACTER_SET, "UTF-8");

  static {
    ImageIO.setUseCache(false);
  }

  private MailImages() {}

  /** What one image gave: the texts of its QR codes, or why it was not searched. */
  record Decoded(List<String> texts, String problem) {}

  static Decoded qrCodes(byte[] data) {
    if (data.length > MAX_BYTES) {
      return new Decoded(List.of(), "larger than " + MAX_BYTES + " bytes");
    }
    try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(data))) {
      Iterator<ImageReader> readers = in == null ? null : ImageIO.getImageReaders(in);
      if (readers == null || !readers.hasNext()) {
        return new Decoded(List.of(), "not a readable image");
      }
      ImageReader reader = readers.next();
      try {
        reader.setInput(in, true, true);
        long pixels = (long) reader.getWidth(0) * reader.getHeight(0);
        if (pixels > MAX_PIXELS) {
          return new Decoded(List.of(), "more than " + MAX_PIXELS + " pixels");
        }
        BufferedImage image = reader.read(0);
        return new Decoded(decode(image), null);
      } finally {
        reader.dispose();
      }
    } catch (IOException | RuntimeException e) {
      return new Decoded(List.of(), "not a readable image (" + e.getClass().getSimpleName() + ")");
    }
  }

  private static List<String> decode(BufferedImage image) {
    int w = image.getWidth();
    int h = image.getHeight();
    int[] pixels = image.getRGB(0, 0, w, h, null, 0, w);
    BinaryBitmap bitmap =
        new BinaryBitmap(new HybridBinarizer(new RGBLuminanceSource(w, h, pixels)));
    List<String> out = new ArrayList<>();
    try {
      for (Result r : new QRCodeMultiReader().decodeMultiple(bitmap, HINTS)) {
        if (r.getText() != null && !r.getText().isBlank() && !out.contains(r.getText())) {
          out.add(r.getText().strip());
        }
      }
    } catch (NotFoundException e) {
      // no QR code in this image: the usual case
    }
    return out;
  }
}
