package jp.renkei.server.directory;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import jp.renkei.server.config.SecurityProperties;
import jp.renkei.server.support.CheapPasswordHashing;
import org.junit.jupiter.api.Test;
import org.springframework.context.annotation.AnnotationConfigApplicationContext;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * Production hashes at bcrypt strength 10 whatever the tests do, and sign-in's stand-in hash for an
 * unknown login is made at the strength of the real hashes beside it, under either encoder.
 */
class PasswordHashingTest {

  static final String RAW = "copper-kettle-meadow-7";

  static SecurityProperties security() {
    return new SecurityProperties(
        5,
        Duration.ofMinutes(15),
        Duration.ofDays(90),
        20,
        Duration.ofMinutes(10),
        12,
        null,
        Duration.ofDays(90),
        Duration.ofDays(365),
        false,
        "Renkei",
        Duration.ofMinutes(30));
  }

  /** The production configuration alone, as the application defines it: {bcrypt} at 10. */
  @Test
  void productionBeanHashesBcryptAtStrengthTen() {
    try (var ctx = new AnnotationConfigApplicationContext(PasswordHashing.class)) {
      PasswordEncoder encoder = ctx.getBean(PasswordEncoder.class);
      String hash = encoder.encode(RAW);
      assertThat(hash).startsWith("{bcrypt}$2a$10$");
      assertThat(PasswordHashing.STRENGTH).isEqualTo(10);
      assertThat(encoder.matches(RAW, hash)).isTrue();
      assertThat(encoder.matches(RAW + "x", hash)).isFalse();
    }
  }

  /** The tests' override wins in a context that has both, and writes the same {bcrypt} form. */
  @Test
  void testOverrideIsPrimaryAndStrengthFour() {
    try (var ctx =
        new AnnotationConfigApplicationContext(PasswordHashing.class, CheapPasswordHashing.class)) {
      String hash = ctx.getBean(PasswordEncoder.class).encode(RAW);
      assertThat(hash).startsWith("{bcrypt}$2a$04$");
    }
  }

  /** A strength-10 hash (a production database) still verifies under the tests' encoder. */
  @Test
  void cheapEncoderReadsProductionHashes() {
    String production = new PasswordHashing().passwordEncoder().encode(RAW);
    PasswordEncoder cheap = new CheapPasswordHashing().cheapPasswordEncoder();
    assertThat(cheap.matches(RAW, production)).isTrue();
    assertThat(cheap.matches(RAW + "x", production)).isFalse();
  }

  @Test
  void unknownLoginStandInHasTheCostOfARealHashInProduction() {
    standInMatchesRealHashes(new PasswordHashing().passwordEncoder(), "{bcrypt}$2a$10$");
  }

  @Test
  void unknownLoginStandInHasTheCostOfARealHashInTests() {
    standInMatchesRealHashes(new CheapPasswordHashing().cheapPasswordEncoder(), "{bcrypt}$2a$04$");
  }

  /**
   * bcrypt's cost is the strength written in the hash ("$2a$NN$"), so a stand-in with the real
   * hashes' algorithm, version and strength costs what they cost; it matches no password, and an
   * unknown login is refused whatever is typed.
   */
  static void standInMatchesRealHashes(PasswordEncoder encoder, String prefix) {
    Passwords passwords = new Passwords(security(), encoder);
    String real = passwords.hash(RAW);
    String standIn = passwords.unknownLoginHash();
    assertThat(real).startsWith(prefix);
    assertThat(standIn).startsWith(prefix).hasSameSizeAs(real);
    assertThat(passwords.matchesAtSignIn(RAW, real)).isTrue();
    assertThat(passwords.matchesAtSignIn(RAW + "x", real)).isFalse();
    assertThat(passwords.matchesAtSignIn(RAW, null)).isFalse();
    assertThat(passwords.matchesAtSignIn("", null)).isFalse();
    assertThat(passwords.matchesAtSignIn(null, null)).isFalse();
  }
}
