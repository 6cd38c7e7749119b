package jp.renkei.engine.mail;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.apache.james.mime4j.codec.DecodeMonitor;
import org.apache.james.mime4j.codec.DecoderUtil;
import org.apache.james.mime4j.dom.TextBody;

/**
 * Japanese text whose declared charset is narrower than the one its writer used, read again in the
 * wider one where the declared one left characters undecoded (U+FFFD), as mail programs and the
 * WHATWG Encoding Standard read these labels:
 *
 * <ul>
 *   <li>Shift_JIS as Windows-31J: Japanese mail labelled Shift_JIS uses the NEC and IBM extensions
 *       (①, ㈱, Ⅲ, 髙), which Java's Shift_JIS does not map;
 *   <li>ISO-2022-JP as its Windows form (CP50220: the same extensions in row 13), which Outlook and
 *       Japanese mailers send under the plain label;
 *   <li>GB2312 as GBK: Japanese lures written on Chinese systems carry the long-vowel mark ー and
 *       other kana signs outside GB2312 ("カ", "�`", "ド" for カード).
 * </ul>
 *
 * Text the declared charset reads whole is left as it is. Where the wider charset maps a byte
 * sequence the narrow one also knows to another character (the wave dash 〜 to the full-width tilde
 * ～, the minus sign, the double vertical line, the cent, pound and not signs, the em dash; the
 * katakana middle dot of GB2312), the narrow one's character is kept, so that the words read are
 * the same as before wherever the declared charset could read them.
 */
final class MailWiderCharsets {

  private MailWiderCharsets() {}

  /** For each wider charset, its characters that the narrow one decodes otherwise, and how. */
  private static final Map<Charset, String[]> NARROW_FORMS = new LinkedHashMap<>();

  /** The declared charset and the one read instead when it leaves characters undecoded. */
  static final Map<Charset, Charset> WIDER = wider();

  private static Map<Charset, Charset> wider() {
    Map<Charset, Charset> out = new LinkedHashMap<>();
    String jisWide = "\u2015\uFF5E\u2225\uFF0D\uFFE0\uFFE1\uFFE2";
    String jisNarrow = "\u2014\u301C\u2016\u2212\u00A2\u00A3\u00AC";
    add(out, "Shift_JIS", "windows-31j", jisWide, jisNarrow);
    add(out, "ISO-2022-JP", "x-windows-iso2022jp", jisWide, jisNarrow);
    add(out, "GB2312", "GBK", "\u00B7\u2014", "\u30FB\u2015");
    return Map.copyOf(out);
  }

  private static void add(
      Map<Charset, Charset> out, String narrow, String wide, String wideForms, String narrowForms) {
    if (Charset.isSupported(narrow) && Charset.isSupported(wide)) {
      Charset w = Charset.forName(wide);
      out.put(Charset.forName(narrow), w);
      NARROW_FORMS.put(w, new String[] {wideForms, narrowForms});
    }
  }

  /**
   * The text of a part read in the wider charset, at most {@code maxBytes} of it, when its declared
   * charset has one and {@code asRead} (the part as the declared charset read it) has undecoded
   * characters that the wider one reads; else null.
   */
  static String reread(TextBody text, String asRead, int maxBytes) {
    if (asRead.indexOf('\uFFFD') < 0) {
      return null;
    }
    Charset wide;
    try {
      wide = WIDER.get(text.getCharset());
    } catch (RuntimeException unknown) {
      return null;
    }
    if (wide == null) {
      return null;
    }
    byte[] b;
    try (InputStream in = text.getInputStream()) {
      b = in.readNBytes(maxBytes);
    } catch (IOException | RuntimeException e) {
      return null;
    }
    String s = narrowForms(new String(b, wide), wide);
    return undecoded(s) < undecoded(asRead) ? s : null;
  }

  /**
   * A header field's body with its encoded words decoded in the wider charsets, when {@code asRead}
   * (as the parser decoded it) has undecoded characters and a word names a charset of {@link
   * #WIDER}; else null.
   */
  static String rereadWords(String rawBody, String asRead) {
    if (rawBody == null || asRead == null || asRead.indexOf('\uFFFD') < 0) {
      return null;
    }
    String lower = rawBody.toLowerCase(Locale.ROOT);
    Charset used = null;
    for (Map.Entry<Charset, Charset> e : WIDER.entrySet()) {
      for (String name : names(e.getKey())) {
        if (lower.contains("=?" + name + "?")) {
          used = e.getValue();
        }
      }
    }
    if (used == null) {
      return null;
    }
    String s;
    try {
      s = DecoderUtil.decodeEncodedWords(rawBody, DecodeMonitor.SILENT, null, WIDER);
    } catch (RuntimeException e) {
      return null;
    }
    s = narrowForms(s, used);
    return undecoded(s) < undecoded(asRead) ? s : null;
  }

  private static java.util.Set<String> names(Charset c) {
    java.util.Set<String> out = new java.util.HashSet<>();
    out.add(c.name().toLowerCase(Locale.ROOT));
    c.aliases().forEach(a -> out.add(a.toLowerCase(Locale.ROOT)));
    return out;
  }

  private static String narrowForms(String s, Charset wide) {
    String[] forms = NARROW_FORMS.get(wide);
    StringBuilder out = null;
    for (int i = 0; i < s.length(); i++) {
      int at = forms[0].indexOf(s.charAt(i));
      if (at >= 0) {
        if (out == null) {
          out = new StringBuilder(s);
        }
        out.setCharAt(i, forms[1].charAt(at));
      }
    }
    return out == null ? s : out.toString();
  }

  private static int undecoded(String s) {
    int n = 0;
    for (int i = 0; i < s.length(); i++) {
      if (s.charAt(i) == '\uFFFD') {
        n++;
      }
    }
    return n;
  }
}
