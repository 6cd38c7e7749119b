package jp.renkei.engine.mail;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.DecodeHintType;
import com.google.zxing.NotFoundException;
import com.google.zxing.PlanarYUVLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.multi.qrcode.detector.MultiDetector;
import java.awt.image.BufferedImage;
import java.util.List;
import java.util.Map;

/**
 * A small picture that shows a QR code the reader could not read (ux40): its squares are a pixel or
 * so wide, below what ZXing's finder needs, so the search finds nothing and the report said nothing
 * — as if the picture were a logo. When the search found no code in a picture of at most {@value
 * #MAX_SIDE} pixels a side, the picture is looked at once more at twice its size for the code's
 * three finder squares alone (nothing is decoded, so no link and no sign come of it): when they are
 * there, the report says under "not fully examined" that a QR code seems to be in the picture and
 * could not be read, for the analyst to read it by eye or with a phone kept off the network.
 */
final class MailQrUnread {

  private MailQrUnread() {}

  /** The longest side of a picture looked at again (pixels): larger codes have readable squares. */
  static final int MAX_SIDE = 200;

  /** Why the picture's code was not read, in English ({@link MailImages.Decoded#problem}). */
  static final String PROBLEM =
      "its squares are too small for the reader at this size (the picture shows a code's finder"
          + " squares)";

  /** The same in Japanese. */
  static final String PROBLEM_JA = "マス目が小さすぎて、この大きさでは読めません (画像に QR コードの位置検出の模様があります)";

  /** What a picture whose code could not be read gives the search: no text, this problem. */
  static MailImages.Decoded decoded() {
    return new MailImages.Decoded(List.of(), PROBLEM, PROBLEM_JA);
  }

  /**
   * Whether a picture in which no QR code was read shows one's finder squares at twice its size.
   */
  static boolean seemsToHoldOne(BufferedImage image) {
    int w = image.getWidth();
    int h = image.getHeight();
    if (w > MAX_SIDE || h > MAX_SIDE || MailImages.tooSmallForQr(w, h)) {
      return false;
    }
    byte[] grey = MailImages.luminance(image);
    if (grey.length < w * h) {
      return false;
    }
    int w2 = w * 2;
    int h2 = h * 2;
    byte[] twice = new byte[w2 * h2];
    for (int y = 0; y < h2; y++) {
      int from = (y / 2) * w;
      for (int x = 0; x < w2; x++) {
        twice[y * w2 + x] = grey[from + x / 2];
      }
    }
    BinaryBitmap bitmap =
        new BinaryBitmap(
            new HybridBinarizer(new PlanarYUVLuminanceSource(twice, w2, h2, 0, 0, w2, h2, false)));
    try {
      return new MultiDetector(bitmap.getBlackMatrix())
              .detectMulti(Map.of(DecodeHintType.TRY_HARDER, Boolean.TRUE))
              .length
          > 0;
    } catch (NotFoundException | RuntimeException e) {
      return false;
    }
  }

  /** Whether the search's result is this note. */
  static boolean is(MailImages.Decoded d) {
    return PROBLEM.equals(d.problem());
  }
}
