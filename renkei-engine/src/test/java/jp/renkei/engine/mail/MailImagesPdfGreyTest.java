package jp.renkei.engine.mail;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.zip.Deflater;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSFloat;
import org.apache.pdfbox.cos.COSInteger;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.graphics.PDXObject;
import org.apache.pdfbox.pdmodel.graphics.color.PDColorSpace;
import org.apache.pdfbox.pdmodel.graphics.color.PDDeviceGray;
import org.apache.pdfbox.pdmodel.graphics.color.PDDeviceRGB;
import org.apache.pdfbox.pdmodel.graphics.image.JPEGFactory;
import org.apache.pdfbox.pdmodel.graphics.image.LosslessFactory;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.junit.jupiter.api.Test;

/**
 * speed34: the grey levels of a PDF image read straight from its samples ({@link
 * MailImages#plainGrey}) are byte for byte those of the picture PDFBox builds ({@code getImage()}
 * then {@link MailImages#luminance}), for every image it accepts; every other kind of image is left
 * to PDFBox.
 */
class MailImagesPdfGreyTest {

  /** Noise, flat areas and a QR code: every grey level and sharp edges. */
  static BufferedImage picture(Random r, int w, int h, int type) throws Exception {
    BufferedImage image = new BufferedImage(w, h, type);
    BufferedImage code =
        MailImagesSkipTest.code(
            "https://example.test/" + r.nextInt(), 3, 2, ErrorCorrectionLevel.M);
    for (int y = 0; y < h; y++) {
      for (int x = 0; x < w; x++) {
        int rgb;
        if (x < code.getWidth() && y < code.getHeight() && (x + y) % 7 != 0) {
          rgb = code.getRGB(x, y) & 0xffffff;
        } else if ((x / 5 + y / 3) % 4 == 0) {
          rgb = 0x336699;
        } else {
          rgb = r.nextInt(1 << 24);
        }
        image.setRGB(x, y, rgb);
      }
    }
    return image;
  }

  /** The images of a saved PDF as PDFBox reads them back: every XObject image of every page. */
  static List<PDImageXObject> images(PDDocument doc) throws Exception {
    List<PDImageXObject> out = new ArrayList<>();
    for (PDPage page : doc.getPages()) {
      for (COSName name : page.getResources().getXObjectNames()) {
        PDXObject x = page.getResources().getXObject(name);
        if (x instanceof PDImageXObject image) {
          out.add(image);
        }
      }
    }
    return out;
  }

  static byte[] saved(PDDocument doc, List<PDImageXObject> images) throws Exception {
    for (PDImageXObject image : images) {
      PDPage page = new PDPage();
      doc.addPage(page);
      try (PDPageContentStream c = new PDPageContentStream(doc, page)) {
        c.drawImage(image, 10, 10, 200, 200);
      }
    }
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    doc.save(bytes);
    return bytes.toByteArray();
  }

  static byte[] deflated(byte[] data) {
    Deflater d = new Deflater();
    d.setInput(data);
    d.finish();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    byte[] buf = new byte[8192];
    while (!d.finished()) {
      out.write(buf, 0, d.deflate(buf));
    }
    d.end();
    return out.toByteArray();
  }

  /** An image of raw samples, Flate-compressed or not, with fewer or more bytes than it needs. */
  static PDImageXObject raw(
      PDDocument doc, Random r, int w, int h, PDColorSpace space, int length, boolean flate)
      throws Exception {
    byte[] samples = new byte[length];
    r.nextBytes(samples);
    for (int i = 0; i < length / 3; i++) {
      samples[i] = (byte) (i % 5 == 0 ? 0 : 255); // long runs of black and white too
    }
    return new PDImageXObject(
        doc,
        new ByteArrayInputStream(flate ? deflated(samples) : samples),
        flate ? COSName.FLATE_DECODE : null,
        w,
        h,
        8,
        space);
  }

  @Test
  void greyLevelsAreThoseOfPdfBoxsPictureForEveryImageTaken() throws Exception {
    Random r = new Random(34);
    int[][] sizes = {{1, 1}, {13, 7}, {7, 13}, {64, 64}, {101, 77}, {301, 17}, {250, 260}};
    int taken = 0;
    try (PDDocument doc = new PDDocument()) {
      List<PDImageXObject> made = new ArrayList<>();
      for (int[] s : sizes) {
        for (int type : new int[] {BufferedImage.TYPE_INT_RGB, BufferedImage.TYPE_BYTE_GRAY}) {
          BufferedImage p = picture(r, s[0], s[1], type);
          made.add(LosslessFactory.createFromImage(doc, p)); // Flate, DeviceRGB or DeviceGray
          made.add(JPEGFactory.createFromImage(doc, p, 0.8f)); // DCT, DeviceRGB or DeviceGray
        }
        for (PDColorSpace space :
            new PDColorSpace[] {PDDeviceRGB.INSTANCE, PDDeviceGray.INSTANCE}) {
          int full = s[0] * s[1] * space.getNumberOfComponents();
          for (int length : new int[] {full, full / 2, full - 1, full + 5, 0}) {
            if (length > 0) {
              made.add(raw(doc, r, s[0], s[1], space, length, true)); // short rows past the end
              made.add(raw(doc, r, s[0], s[1], space, length, false));
            }
          }
        }
      }
      try (PDDocument back = Loader.loadPDF(saved(doc, made))) {
        List<PDImageXObject> images = images(back);
        assertThat(images).hasSize(made.size());
        for (PDImageXObject image : images) {
          byte[] grey = MailImages.plainGrey(image);
          assertThat(grey)
              .as(image.getColorSpace() + " " + image.getStream().getFilters())
              .isNotNull();
          assertThat(grey)
              .as(image.getWidth() + "×" + image.getHeight() + " " + image.getColorSpace())
              .isEqualTo(MailImages.luminance(image.getImage()));
          taken++;
        }
      }
    }
    assertThat(taken).isGreaterThan(80);
  }

  @Test
  void otherImagesAreLeftToPdfBox() throws Exception {
    Random r = new Random(35);
    try (PDDocument doc = new PDDocument()) {
      List<PDImageXObject> made = new ArrayList<>();
      // transparency: a soft mask
      BufferedImage seeThrough = picture(r, 40, 40, BufferedImage.TYPE_INT_ARGB);
      for (int y = 0; y < 40; y++) {
        for (int x = 0; x < 40; x++) {
          seeThrough.setRGB(x, y, seeThrough.getRGB(x, y) & 0xffffff | (x * 6) << 24);
        }
      }
      made.add(LosslessFactory.createFromImage(doc, seeThrough));
      // a Decode array (inverted), a colour-key mask, 16 and 1 bits a component, an indexed image
      PDImageXObject inverted = raw(doc, r, 30, 30, PDDeviceGray.INSTANCE, 900, true);
      COSArray decode = new COSArray();
      decode.add(COSInteger.ONE);
      decode.add(COSInteger.ZERO);
      inverted.setDecode(decode);
      made.add(inverted);
      PDImageXObject keyed = raw(doc, r, 30, 30, PDDeviceRGB.INSTANCE, 2700, true);
      COSArray key = new COSArray();
      for (int i = 0; i < 3; i++) {
        key.add(COSInteger.ZERO);
        key.add(new COSFloat(10f));
      }
      keyed.getCOSObject().setItem(COSName.MASK, key);
      made.add(keyed);
      PDImageXObject deep = raw(doc, r, 20, 20, PDDeviceRGB.INSTANCE, 2400, true);
      deep.setBitsPerComponent(16);
      made.add(deep);
      BufferedImage twoColours = new BufferedImage(40, 40, BufferedImage.TYPE_BYTE_BINARY);
      made.add(LosslessFactory.createFromImage(doc, twoColours));
      COSArray palette = new COSArray();
      palette.add(COSName.INDEXED);
      palette.add(COSName.DEVICERGB);
      palette.add(COSInteger.get(255));
      byte[] colours = new byte[768];
      r.nextBytes(colours);
      palette.add(new org.apache.pdfbox.cos.COSString(colours));
      made.add(
          raw(
              doc,
              r,
              30,
              30,
              new org.apache.pdfbox.pdmodel.graphics.color.PDIndexed(palette, null),
              900,
              true));
      try (PDDocument back = Loader.loadPDF(saved(doc, made))) {
        List<PDImageXObject> images = images(back);
        assertThat(images).hasSize(made.size());
        for (PDImageXObject image : images) {
          assertThat(MailImages.plainGrey(image))
              .as(
                  image.getColorSpace()
                      + " "
                      + image.getBitsPerComponent()
                      + " "
                      + image.getCOSObject().keySet())
              .isNull();
        }
      }
    }
  }
}
