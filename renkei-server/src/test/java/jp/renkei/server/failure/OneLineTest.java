package jp.renkei.server.failure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import org.junit.jupiter.api.Test;

class OneLineTest {

  @Test
  void controlCharactersAreRefusedNamingTheFieldTheCharacterAndWhereItIs() {
    for (String bad :
        new String[] {
          "件名\u0007",
          "件名\n続き",
          "a\tb",
          "a\rb",
          "\u0000",
          "a\u007Fb",
          "a\u0085b",
          "a\u009Bb",
          "注意\u202Etxt.exe",
          "a\u2066b"
        }) {
      InvalidInput e = catchThrowableOfType(InvalidInput.class, () -> OneLine.check("title", bad));
      assertThat(e).as(bad).isNotNull();
      assertThat(e.field()).isEqualTo("title");
      assertThat(e.messageKey()).isEqualTo("validation.text.control");
    }
    InvalidInput bell =
        catchThrowableOfType(InvalidInput.class, () -> OneLine.check("title", "件名\u0007"));
    assertThat(bell.args()).containsExactly("U+0007", "3");
    // positions count characters as a person does: a character outside the BMP is one
    InvalidInput after =
        catchThrowableOfType(InvalidInput.class, () -> OneLine.check("title", "😀\u0001"));
    assertThat(after.args()).containsExactly("U+0001", "2");
  }

  @Test
  void ordinaryTitlesPass() {
    for (String ok :
        new String[] {
          null, "", "【注意喚起】フィッシング", "Apache HTTP Server 2.4.49 の脆弱性", "😀 emoji", "a\u200Db"
        }) {
      assertThatCode(() -> OneLine.check("title", ok))
          .as(String.valueOf(ok))
          .doesNotThrowAnyException();
    }
  }
}
