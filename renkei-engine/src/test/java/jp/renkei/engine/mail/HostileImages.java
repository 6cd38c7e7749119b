package jp.renkei.engine.mail;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;
import java.util.zip.Deflater;

/**
 * Images and PDFs whose headers claim more than they hold (hostile27): a PNG, GIF or JPEG of
 * 100,000 × 100,000 pixels (65,535 for the formats whose sizes have 16 bits) in a few hundred
 * bytes, a PDF whose stream says it is 2<sup>62</sup> bytes long, a PDF of arrays nested deeper
 * than any stack.
 */
final class HostileImages {

  private HostileImages() {}

  static byte[] claiming(String kind) {
    return switch (kind) {
      case "png" -> png(100_000, 100_000);
      case "gif" -> gif(65_535, 65_535);
      case "jpeg" -> jpeg(65_535, 65_535);
      default -> throw new IllegalArgumentException(kind);
    };
  }

  private static void int32(ByteArrayOutputStream o, long v) {
    o.write((int) (v >>> 24));
    o.write((int) (v >>> 16));
    o.write((int) (v >>> 8));
    o.write((int) v);
  }

  private static void chunk(ByteArrayOutputStream o, String type, byte[] data) {
    int32(o, data.length);
    byte[] t = type.getBytes(StandardCharsets.US_ASCII);
    o.writeBytes(t);
    o.writeBytes(data);
    CRC32 crc = new CRC32();
    crc.update(t);
    crc.update(data);
    int32(o, crc.getValue());
  }

  static byte[] png(int width, int height) {
    ByteArrayOutputStream o = new ByteArrayOutputStream();
    o.writeBytes(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'});
    ByteArrayOutputStream ihdr = new ByteArrayOutputStream();
    int32(ihdr, width);
    int32(ihdr, height);
    ihdr.writeBytes(new byte[] {8, 2, 0, 0, 0});
    chunk(o, "IHDR", ihdr.toByteArray());
    // a few rows of zeros, then the stream ends long before the picture does
    Deflater d = new Deflater();
    d.setInput(new byte[64 * 1024]);
    d.finish();
    byte[] idat = new byte[70 * 1024];
    int n = d.deflate(idat);
    chunk(o, "IDAT", java.util.Arrays.copyOf(idat, n));
    chunk(o, "IEND", new byte[0]);
    return o.toByteArray();
  }

  static byte[] gif(int width, int height) {
    ByteArrayOutputStream o = new ByteArrayOutputStream();
    o.writeBytes("GIF89a".getBytes(StandardCharsets.US_ASCII));
    o.writeBytes(
        new byte[] {(byte) width, (byte) (width >> 8), (byte) height, (byte) (height >> 8)});
    o.writeBytes(new byte[] {(byte) 0x80, 0, 0, 0, 0, 0, (byte) 0xff, (byte) 0xff, (byte) 0xff});
    // one image of the whole screen, its LZW data a clear code and an end
    o.writeBytes(new byte[] {0x2c, 0, 0, 0, 0});
    o.writeBytes(
        new byte[] {(byte) width, (byte) (width >> 8), (byte) height, (byte) (height >> 8)});
    o.writeBytes(new byte[] {0, 2, 2, 0x4c, 0x01, 0, 0x3b});
    return o.toByteArray();
  }

  static byte[] jpeg(int width, int height) {
    ByteArrayOutputStream o = new ByteArrayOutputStream();
    o.writeBytes(new byte[] {(byte) 0xff, (byte) 0xd8});
    // a quantisation table of ones
    o.writeBytes(new byte[] {(byte) 0xff, (byte) 0xdb, 0, 67, 0});
    for (int i = 0; i < 64; i++) {
      o.write(1);
    }
    // baseline frame, one component
    o.writeBytes(
        new byte[] {
          (byte) 0xff,
          (byte) 0xc0,
          0,
          11,
          8,
          (byte) (height >> 8),
          (byte) height,
          (byte) (width >> 8),
          (byte) width,
          1,
          1,
          0x11,
          0
        });
    // DC and AC tables with one code each
    o.writeBytes(new byte[] {(byte) 0xff, (byte) 0xc4, 0, 20, 0x00, 1});
    o.writeBytes(new byte[15]);
    o.write(0);
    o.writeBytes(new byte[] {(byte) 0xff, (byte) 0xc4, 0, 20, 0x10, 1});
    o.writeBytes(new byte[15]);
    o.write(0);
    o.writeBytes(new byte[] {(byte) 0xff, (byte) 0xda, 0, 8, 1, 1, 0, 0, 63, 0});
    o.writeBytes(new byte[4096]);
    o.writeBytes(new byte[] {(byte) 0xff, (byte) 0xd9});
    return o.toByteArray();
  }

  private static byte[] pdf(String page, String content) {
    String s =
        "%PDF-1.4\n1 0 obj\n<</Type/Catalog/Pages 2 0 R>>\nendobj\n"
            + "2 0 obj\n<</Type/Pages/Kids[3 0 R]/Count 1>>\nendobj\n"
            + "3 0 obj\n<</Type/Page/Parent 2 0 R/MediaBox[0 0 200 200]/Contents 4 0 R"
            + page
            + ">>\nendobj\n4 0 obj\n"
            + content
            + "\nendobj\ntrailer\n<</Root 1 0 R/Size 5>>\n%%EOF\n";
    return s.getBytes(StandardCharsets.ISO_8859_1);
  }

  static byte[] pdfHugeLength() {
    return pdf(
        "",
        "<</Length 4611686018427387904>>\nstream\n" + "0 0 1 1 re f\n".repeat(100) + "\nendstream");
  }

  static byte[] pdfDeepArrays(int depth) {
    return pdf(
        "/Annots[<</Type/Annot/Subtype/Link/Rect[0 0 1 1]/A<</S/URI/URI(https://pdf.example/x)>>"
            + "/Deep "
            + "[".repeat(depth)
            + "]".repeat(depth)
            + ">>]",
        "<</Length 13>>\nstream\n0 0 1 1 re f\nendstream");
  }
}
