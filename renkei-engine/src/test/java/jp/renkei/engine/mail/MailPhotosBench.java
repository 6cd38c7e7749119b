package jp.renkei.engine.mail;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

/**
 * The QR search of a 12-megapixel phone photo (photos24), subsampled (this build) against the whole
 * picture (the baseline, as main searched it before), in the same run; with a code filling 12 %, 8
 * % and 5 % of the width, whether each is found. Runs only with {@code -Dmail.photos.bench}:
 *
 * <pre>
 * ./mvnw -q -o -pl renkei-engine test -Dtest=MailPhotosBench \
 *     -Dsurefire.failIfNoSpecifiedTests=false -Dspotless.skip=true -Dmail.photos.bench=true
 * </pre>
 */
class MailPhotosBench {

  @Test
  void subsampledAgainstWhole() throws Exception {
    if (System.getProperty("mail.photos.bench") == null) {
      return;
    }
    int w = MailPhotosTest.W;
    int h = MailPhotosTest.H;
    List<byte[]> photos = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      photos.add(MailPhotosTest.photo(w, h, i, null, 0, 0, 0));
    }
    for (int round = 0; round < 3; round++) {
      long whole = 0;
      long sub = 0;
      for (byte[] p : photos) {
        long t = System.nanoTime();
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(p));
        MailImages.decode(image, new ArrayList<>());
        whole += System.nanoTime() - t;
        t = System.nanoTime();
        MailImages.qrCodes(p);
        sub += System.nanoTime() - t;
      }
      System.out.printf(
          "photos24 round %d: %d photos, whole %d ms, subsampled %d ms, ratio %.2f%n",
          round, photos.size(), whole / 1_000_000, sub / 1_000_000, (double) sub / whole);
    }
    for (int side : new int[] {480, 320, 200}) {
      byte[] p = MailPhotosTest.photo(w, h, 9, MailHiddenLureTest.LURE_URL, side, 2100, 1400);
      List<String> whole = new ArrayList<>();
      MailImages.decode(ImageIO.read(new ByteArrayInputStream(p)), whole);
      System.out.printf(
          "photos24 code of %d px (%.0f %% of the width): whole %s, subsampled %s%n",
          side, 100.0 * side / w, whole, MailImages.qrCodes(p).texts());
    }
  }
}
