package jp.renkei.engine.token;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ApiTokensTest {

  @Test
  void generatedTokensHaveTheDocumentedShapeAndAreUnique() {
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < 1000; i++) {
      String token = ApiTokens.generate();
      assertThat(token).startsWith("rk_").hasSize(46);
      assertThat(ApiTokens.looksLikeToken(token)).isTrue();
      assertThat(seen.add(token)).isTrue();
    }
  }

  @Test
  void hashIsStableHexAndDiffersFromTheToken() {
    String token = ApiTokens.generate();
    assertThat(ApiTokens.hash(token)).isEqualTo(ApiTokens.hash(token)).hasSize(64).isLowerCase();
    assertThat(ApiTokens.hash(token)).doesNotContain(token.substring(3));
  }

  @Test
  void rejectsStringsThatAreNotTokens() {
    assertThat(ApiTokens.looksLikeToken(null)).isFalse();
    assertThat(ApiTokens.looksLikeToken("")).isFalse();
    assertThat(ApiTokens.looksLikeToken("rk_short")).isFalse();
    assertThat(ApiTokens.looksLikeToken("xx_" + "a".repeat(43))).isFalse();
    assertThat(ApiTokens.looksLikeToken("rk_" + "a".repeat(42) + "!")).isFalse();
    assertThat(ApiTokens.looksLikeToken("rk_" + "a".repeat(42) + "あ")).isFalse();
  }

  @Test
  void displayPrefixRevealsOnlySixRandomCharacters() {
    String token = ApiTokens.generate();
    assertThat(ApiTokens.displayPrefix(token)).hasSize(9).isEqualTo(token.substring(0, 9));
  }
}
