package jp.renkei.engine.text;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class NamesTest {

  @Test
  void escapesWhatWouldHideOrReorderTextWhenShown() {
    assertThat(Names.escapeInvisible("invoice\u202Efdp.exe")).isEqualTo("invoice[U+202E]fdp.exe");
    assertThat(Names.escapeInvisible("請求書\u200B.pdf\u2066x\u2069"))
        .isEqualTo("請求書[U+200B].pdf[U+2066]x[U+2069]");
    assertThat(Names.escapeInvisible("a\tb\nc\u0000\uFEFF"))
        .isEqualTo("a[U+0009]b[U+000A]c[U+0000][U+FEFF]");
    assertThat(Names.escapeInvisible("見積書 2026年度 (最終) 🎉.xlsx"))
        .isEqualTo("見積書 2026年度 (最終) 🎉.xlsx");
    assertThat(Names.escapeInvisible(null)).isNull();
  }

  /**
   * ux39's walk: a bank lure's subject 【重要\uFE09】 hid a variation selector (a combining mark, not a
   * format character) where the page wrote out every other hidden character. A selector that
   * selects nothing is written out; the emoji's, a keycap's and an ideographic variation's are
   * kept.
   */
  @Test
  void writesOutAVariationSelectorThatSelectsNothing() {
    assertThat(Names.escapeInvisible("【重要\uFE09】代表口座")).isEqualTo("【重要[U+FE09]】代表口座");
    assertThat(Names.escapeInvisible("\uFE0F口座\uFE0Fのご利用\uFE00"))
        .isEqualTo("[U+FE0F]口座[U+FE0F]のご利用[U+FE00]");
    assertThat(Names.escapeInvisible("a\uDB40\uDD00b")).isEqualTo("a[U+E0100]b");
    // what a selector is for: an emoji's presentation, a keycap, a kanji's variant in a name
    assertThat(Names.escapeInvisible("感謝 \u2764\uFE0F 1\uFE0F\u20E3 \u00A9\uFE0E"))
        .isEqualTo("感謝 \u2764\uFE0F 1\uFE0F\u20E3 \u00A9\uFE0E");
    assertThat(Names.escapeInvisible("葛\uDB40\uDD00飾区")).isEqualTo("葛\uDB40\uDD00飾区");
  }

  @Test
  void refusesInvisibleAndReorderingCharacters() {
    for (String bad :
        new String[] {
          "さくら\u200B銀行", // zero-width space
          "Sakura\u202EknaB", // right-to-left override
          "Sakura\u200DBank", // zero-width joiner
          "Sakura\u200CBank", // zero-width non-joiner
          "Sakura\u200FBank", // right-to-left mark
          "Sakura\u2066Bank", // left-to-right isolate
          "Sakura\u00ADBank", // soft hyphen
          "Sakura\uFEFFBank", // byte order mark
          "Sakura\u0007Bank", // bell
          "Sakura\u2028Bank", // line separator
          "Sakura\uE000Bank" // private use
        }) {
      assertThat(Names.forbiddenCharacter(bad)).as(bad).isPresent();
    }
    assertThat(Names.forbiddenCharacter("さくら架空銀行 (Sakura Bank)・東京")).isEmpty();
  }

  @Test
  void normalisesFullWidthAndHalfWidthForms() {
    assertThat(Names.normalise(" ＳａｋｕｒａＢａｎｋ ")).isEqualTo("SakuraBank");
    assertThat(Names.normalise("ｻｸﾗ")).isEqualTo("サクラ");
  }

  @Test
  void lookAlikesShareASkeleton() {
    String real = Names.skeleton("Sakura Bank");
    assertThat(Names.skeleton("Sаkura Bank")).isEqualTo(real); // Cyrillic a
    assertThat(Names.skeleton("SAKURA BANK")).isEqualTo(real);
    assertThat(Names.skeleton("Sakura  Bank")).isEqualTo(real);
    assertThat(Names.skeleton("Sakura-Bank")).isEqualTo(real);
    assertThat(Names.skeleton("Ｓａｋｕｒａ Ｂａｎｋ")).isEqualTo(real);
    assertThat(Names.skeleton("Ѕаkurа Ваnk")).isEqualTo(real); // Cyrillic S, a, B
    assertThat(Names.skeleton("PAYPAL")).isEqualTo(Names.skeleton("PAYPA1"));
    assertThat(Names.skeleton("Modern")).isEqualTo(Names.skeleton("Modem"));
    assertThat(Names.skeleton("カイロ電力")).isEqualTo(Names.skeleton("カイ口電カ"));
    assertThat(Names.skeleton("エネルギー")).isEqualTo(Names.skeleton("工ネルギ一"));
    assertThat(Names.skeleton("Sakura Bank")).isNotEqualTo(Names.skeleton("Sakura Trust"));
    assertThat(Names.skeleton("さくら架空銀行")).isNotEqualTo(Names.skeleton("すみれ架空銀行"));
  }

  /**
   * A capital Greek or Cyrillic letter that looks like a Latin capital shares its skeleton
   * (attack29b): the skeleton lowercased first, and Greek Ν (Nu) and Υ (Upsilon) became ν and υ,
   * which look like v and u, so 「ΝISC」 and 「ΥOKOHAMA PORT」 passed as names distinct from NISC and
   * YOKOHAMA PORT.
   */
  @Test
  void capitalLookAlikesShareTheLatinCapitalsSkeleton() {
    assertThat(Names.skeleton("\u039dISC")).isEqualTo(Names.skeleton("NISC"));
    assertThat(Names.skeleton("\u03a5OKOHAMA PORT")).isEqualTo(Names.skeleton("YOKOHAMA PORT"));
    // every capital of the two alphabets that passes for a Latin one
    String greek =
        "\u0391\u0392\u0395\u0396\u0397\u0399\u039a\u039c\u039d\u039f\u03a1\u03a4\u03a5\u03a7";
    String cyrillic =
        "\u0410\u0412\u0415\u041a\u041c\u041d\u041e\u0420\u0421\u0422\u0425\u0423\u0405\u0406\u0408";
    assertThat(Names.skeleton(greek)).isEqualTo(Names.skeleton("ABEZHIKMNOPTYX"));
    assertThat(Names.skeleton(cyrillic)).isEqualTo(Names.skeleton("ABEKMHOPCTXYSIJ"));
    // the small letters keep their own look: ν is a v, υ a u
    assertThat(Names.skeleton("\u03bdisc")).isEqualTo(Names.skeleton("visc"));
  }

  /**
   * The mail analyser's look-alike table ({@link Confusables}) serves names too: an organisation
   * named with Armenian or Canadian syllabic letters that draw Latin ones ("fancy text") looks like
   * the Latin name, as it does to a reader.
   */
  @Test
  void armenianAndSyllabicLookAlikesShareTheLatinSkeleton() {
    assertThat(Names.skeleton("Sakur\u0561 B\u0561nk")).isNotEqualTo(Names.skeleton("Sakura Bank"));
    assertThat(Names.skeleton("T\u0585ky\u0585 P\u0585wer"))
        .isEqualTo(Names.skeleton("Tokyo Power"));
    assertThat(Names.skeleton("\u1455loud \u15E9lert")).isEqualTo(Names.skeleton("Cloud Alert"));
    assertThat(Names.skeleton("\u0578\u0585ti\u0581e")).isNotEqualTo(Names.skeleton("notice"));
  }

  @Test
  void aNameMatchesWhenItsNormalFormIsTheSameIgnoringCase() {
    assertThat(Names.matchKey("\uff2e\uff29\uff33\uff23\u3000\uff2f\uff4c\uff44 "))
        .isEqualTo(Names.matchKey("nisc old"));
    assertThat(Names.matchKey("ÉCOLE Ωμέγα")).isEqualTo(Names.matchKey("école ωμέγα"));
    assertThat(Names.matchKey("ｾﾌﾟﾀｰ")).isEqualTo(Names.matchKey("セプター"));
    // exact otherwise: no look-alikes, no accents dropped
    assertThat(Names.matchKey("ecole")).isNotEqualTo(Names.matchKey("école"));
    assertThat(Names.matchKey("\u039dISC")).isNotEqualTo(Names.matchKey("NISC"));
    assertThat(Names.matchKey(null)).isNull();
    // the same rule as equalsIgnoreCase of the normal forms, letter by letter
    String[] names = {
      "Straße",
      "STRASSE",
      "ſtrasse",
      "İstanbul",
      "istanbul",
      "ISTANBUL",
      "ıstanbul",
      "KELVIN",
      "\u212aelvin",
      "ǅemal",
      "ǆemal",
      "Ǆemal",
      "𐐀𐐨",
      "𐐨𐐨",
      "ΣΑΣ",
      "σας",
      "ςας"
    };
    for (String a : names) {
      for (String b : names) {
        assertThat(Names.matchKey(a).equals(Names.matchKey(b)))
            .as(a + " / " + b)
            .isEqualTo(Names.normalise(a).equalsIgnoreCase(Names.normalise(b)));
      }
    }
  }
}
