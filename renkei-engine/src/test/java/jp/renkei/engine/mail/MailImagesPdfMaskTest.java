package jp.renkei.engine.mail;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSFloat;
import org.apache.pdfbox.cos.COSInteger;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.graphics.color.PDColorSpace;
import org.apache.pdfbox.pdmodel.graphics.color.PDDeviceGray;
import org.apache.pdfbox.pdmodel.graphics.color.PDDeviceRGB;
import org.apache.pdfbox.pdmodel.graphics.image.JPEGFactory;
import org.apache.pdfbox.pdmodel.graphics.image.LosslessFactory;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.junit.jupiter.api.Test;

/**
 * pdf35: a PDF image with a soft mask read from its samples ({@link MailImages#plainMasked}) is
 * pixel for pixel the picture PDFBox builds ({@code getImage()}), for every image it accepts; the
 * others are left to PDFBox; and the QR codes found in such images are those PDFBox's picture gives
 * (a code drawn by the colours, and one drawn by the mask alone, seen over white).
 */
class MailImagesPdfMaskTest {

  /** A picture with transparency: noise and a code in the colours, the alpha a ramp and noise. */
  static BufferedImage seeThrough(Random r, int w, int h) throws Exception {
    BufferedImage p = MailImagesPdfGreyTest.picture(r, w, h, BufferedImage.TYPE_INT_ARGB);
    for (int y = 0; y < h; y++) {
      for (int x = 0; x < w; x++) {
        int a = (x + y) % 9 == 0 ? r.nextInt(256) : Math.min(255, x * 7 + y);
        p.setRGB(x, y, p.getRGB(x, y) & 0xffffff | a << 24);
      }
    }
    return p;
  }

  /** {@code image} with {@code mask} as its soft mask. */
  static PDImageXObject masked(PDImageXObject image, PDImageXObject mask) {
    image.getCOSObject().setItem(COSName.SMASK, mask);
    return image;
  }

  static void assertSamePicture(PDImageXObject image) throws Exception {
    BufferedImage mine = MailImages.plainMasked(image);
    assertThat(mine).as(image.getWidth() + "×" + image.getHeight()).isNotNull();
    BufferedImage pdfBox = image.getImage();
    assertThat(mine.getType()).isEqualTo(pdfBox.getType());
    assertThat(mine.getWidth()).isEqualTo(pdfBox.getWidth());
    assertThat(mine.getHeight()).isEqualTo(pdfBox.getHeight());
    int w = mine.getWidth();
    int h = mine.getHeight();
    assertThat(mine.getRGB(0, 0, w, h, null, 0, w))
        .as(image.getWidth() + "×" + image.getHeight() + " " + image.getColorSpace())
        .isEqualTo(pdfBox.getRGB(0, 0, w, h, null, 0, w));
  }

  @Test
  void maskedPicturesAreThoseOfPdfBoxForEveryImageTaken() throws Exception {
    Random r = new Random(35);
    int[][] sizes = {{13, 7}, {7, 13}, {64, 64}, {101, 77}, {301, 17}, {250, 260}};
    try (PDDocument doc = new PDDocument()) {
      List<PDImageXObject> made = new ArrayList<>();
      for (int[] s : sizes) {
        BufferedImage p = seeThrough(r, s[0], s[1]);
        made.add(LosslessFactory.createFromImage(doc, p)); // Flate DeviceRGB, Flate DeviceGray mask
        made.add(JPEGFactory.createFromImage(doc, p, 0.8f)); // DCT DeviceRGB, DCT DeviceGray mask
        for (PDColorSpace space :
            new PDColorSpace[] {PDDeviceRGB.INSTANCE, PDDeviceGray.INSTANCE}) {
          int full = s[0] * s[1] * space.getNumberOfComponents();
          int mask = s[0] * s[1];
          // colours and mask cut short, exact or too long: zeros past the end, as PDFBox reads
          int[][] lengths = {
            {full, mask}, {full / 2, mask}, {full, mask / 3}, {full + 5, mask - 1}
          };
          for (int[] l : lengths) {
            for (boolean flate : new boolean[] {true, false}) {
              made.add(
                  masked(
                      MailImagesPdfGreyTest.raw(doc, r, s[0], s[1], space, l[0], flate),
                      MailImagesPdfGreyTest.raw(
                          doc, r, s[0], s[1], PDDeviceGray.INSTANCE, l[1], !flate)));
            }
          }
        }
      }
      try (PDDocument back = Loader.loadPDF(MailImagesPdfGreyTest.saved(doc, made))) {
        List<PDImageXObject> images = MailImagesPdfGreyTest.images(back);
        assertThat(images).hasSize(made.size()).hasSizeGreaterThan(90);
        for (PDImageXObject image : images) {
          assertSamePicture(image);
          assertThat(MailImages.plainGrey(image)).isNull(); // a soft mask: not a plain image
        }
      }
    }
  }

  @Test
  void otherMaskedImagesAreLeftToPdfBox() throws Exception {
    Random r = new Random(36);
    try (PDDocument doc = new PDDocument()) {
      List<PDImageXObject> made = new ArrayList<>();
      // a mask of another size: PDFBox scales one of the two
      made.add(
          masked(
              MailImagesPdfGreyTest.raw(doc, r, 40, 40, PDDeviceRGB.INSTANCE, 4800, true),
              MailImagesPdfGreyTest.raw(doc, r, 20, 40, PDDeviceGray.INSTANCE, 800, true)));
      // a Matte: PDFBox reverses the pre-multiplication
      PDImageXObject matte =
          MailImagesPdfGreyTest.raw(doc, r, 30, 30, PDDeviceGray.INSTANCE, 900, true);
      COSArray white = new COSArray();
      white.add(new COSFloat(1f));
      matte.getCOSObject().setItem(COSName.MATTE, white);
      made.add(
          masked(
              MailImagesPdfGreyTest.raw(doc, r, 30, 30, PDDeviceGray.INSTANCE, 900, true), matte));
      // a mask with a Decode array, a mask in RGB, a mask of 16 bits
      PDImageXObject inverted =
          MailImagesPdfGreyTest.raw(doc, r, 30, 30, PDDeviceGray.INSTANCE, 900, true);
      COSArray decode = new COSArray();
      decode.add(COSInteger.ONE);
      decode.add(COSInteger.ZERO);
      inverted.setDecode(decode);
      made.add(
          masked(
              MailImagesPdfGreyTest.raw(doc, r, 30, 30, PDDeviceRGB.INSTANCE, 2700, true),
              inverted));
      made.add(
          masked(
              MailImagesPdfGreyTest.raw(doc, r, 30, 30, PDDeviceRGB.INSTANCE, 2700, true),
              MailImagesPdfGreyTest.raw(doc, r, 30, 30, PDDeviceRGB.INSTANCE, 2700, true)));
      PDImageXObject deep =
          MailImagesPdfGreyTest.raw(doc, r, 30, 30, PDDeviceGray.INSTANCE, 1800, true);
      deep.setBitsPerComponent(16);
      made.add(
          masked(
              MailImagesPdfGreyTest.raw(doc, r, 30, 30, PDDeviceRGB.INSTANCE, 2700, true), deep));
      // colours with a Decode array under a plain mask
      PDImageXObject invertedColours =
          MailImagesPdfGreyTest.raw(doc, r, 30, 30, PDDeviceGray.INSTANCE, 900, true);
      invertedColours.setDecode(decode);
      made.add(
          masked(
              invertedColours,
              MailImagesPdfGreyTest.raw(doc, r, 30, 30, PDDeviceGray.INSTANCE, 900, true)));
      try (PDDocument back = Loader.loadPDF(MailImagesPdfGreyTest.saved(doc, made))) {
        List<PDImageXObject> images = MailImagesPdfGreyTest.images(back);
        assertThat(images).hasSize(made.size());
        for (PDImageXObject image : images) {
          assertThat(MailImages.plainMasked(image)).as(image.getCOSObject().toString()).isNull();
        }
      }
    }
  }

  @Test
  void codesInMaskedImagesAreFoundAsInPdfBoxsPicture() throws Exception {
    String inColours = "https://colours.example.test/pay";
    String inMask = "https://mask.example.test/login";
    BufferedImage code = MailImagesSkipTest.code(inColours, 4, 4, ErrorCorrectionLevel.M);
    BufferedImage byColours =
        new BufferedImage(code.getWidth(), code.getHeight(), BufferedImage.TYPE_INT_ARGB);
    for (int y = 0; y < code.getHeight(); y++) {
      for (int x = 0; x < code.getWidth(); x++) {
        byColours.setRGB(x, y, code.getRGB(x, y) & 0xffffff | (128 + x % 128) << 24);
      }
    }
    // black everywhere; the mask makes the light modules clear: the code shows over white only
    BufferedImage mask = MailImagesSkipTest.code(inMask, 4, 4, ErrorCorrectionLevel.M);
    BufferedImage byMask =
        new BufferedImage(mask.getWidth(), mask.getHeight(), BufferedImage.TYPE_INT_ARGB);
    for (int y = 0; y < mask.getHeight(); y++) {
      for (int x = 0; x < mask.getWidth(); x++) {
        byMask.setRGB(x, y, (mask.getRGB(x, y) & 0xff) == 0 ? 0xff000000 : 0x00000000);
      }
    }
    byte[] pdf;
    try (PDDocument doc = new PDDocument()) {
      pdf =
          MailImagesPdfGreyTest.saved(
              doc,
              List.of(
                  LosslessFactory.createFromImage(doc, byColours),
                  LosslessFactory.createFromImage(doc, byMask)));
    }
    List<String> pdfBox = new ArrayList<>();
    try (PDDocument back = Loader.loadPDF(pdf)) {
      for (PDImageXObject image : MailImagesPdfGreyTest.images(back)) {
        assertSamePicture(image);
        BufferedImage picture = image.getImage();
        int before = pdfBox.size();
        MailImages.decode(picture, pdfBox);
        if (pdfBox.size() == before) {
          MailImages.decode(MailImages.overWhite(picture), pdfBox);
        }
      }
    }
    assertThat(pdfBox).containsExactly(inColours, inMask);
    MailImages.Decoded d = MailImages.pdfQrCodes(pdf);
    assertThat(d.problem()).isNull();
    assertThat(d.texts()).isEqualTo(pdfBox);
  }
}
