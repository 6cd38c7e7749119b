package jp.renkei.engine.mail;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;
import org.junit.jupiter.api.Test;

/**
 * Issue 19 (speed30): the spaced Japanese letters are looked for only where a space follows a char
 * that may be a Japanese letter. The runs found must be exactly those {@code find()} finds.
 */
class MailSpacedJapaneseScanTest {

  @Test
  void noJapaneseLetterIsBelowTheFirstCharTried() {
    int letters = 0;
    for (int c = 0; c <= Character.MAX_CODE_POINT; c++) {
      if (c >= Character.MIN_SURROGATE && c <= Character.MAX_SURROGATE) {
        continue;
      }
      if (MailSpacedJapanese.letter(c)) {
        letters++;
        char[] chars = Character.toChars(c);
        assertThat(MailSpacedJapanese.mayBeJapanese(chars[chars.length - 1]))
            .as("U+%04X", c)
            .isTrue();
      }
    }
    assertThat(letters).isGreaterThan(90_000);
  }

  private static final String ALPHABET = "アカ口座ーお知らせaZ1 \u00A0\u3000。、\uD800\uDC00";

  @Test
  void theRunsFoundAreThoseFindFinds() {
    Random r = new Random(30);
    int found = 0;
    for (int i = 0; i < 100_000; i++) {
      StringBuilder b = new StringBuilder();
      int n = r.nextInt(60);
      for (int k = 0; k < n; k++) {
        int x = r.nextInt(ALPHABET.length() + 1);
        if (x == ALPHABET.length()) {
          b.appendCodePoint(0x20B9F); // a kanji outside the BMP
        } else {
          b.append(ALPHABET.charAt(x));
        }
        if (r.nextInt(2) == 0) {
          b.append(" \u00A0\u3000".charAt(r.nextInt(3)));
        }
      }
      String t = b.toString();
      List<String> expected = new ArrayList<>();
      Matcher m = MailSpacedJapanese.RUN.matcher(t);
      while (m.find()) {
        expected.add(m.start() + "-" + m.end());
      }
      List<String> actual = new ArrayList<>();
      Matcher s = MailSpacedJapanese.RUN.matcher(t);
      for (int from = 0; (from = MailSpacedJapanese.next(s, t, from)) >= 0; ) {
        actual.add(s.start() + "-" + s.end());
      }
      assertThat(actual).as(t).isEqualTo(expected);
      found += expected.size();
    }
    assertThat(found).isGreaterThan(10_000);
  }
}
