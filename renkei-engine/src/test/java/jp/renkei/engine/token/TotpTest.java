package jp.renkei.engine.token;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class TotpTest {

  private static final byte[] SHA1_SEED =
      "12345678901234567890".getBytes(StandardCharsets.US_ASCII);

  @Test
  void matchesTheRfc6238TestVectors() {
    byte[] sha256Seed = "12345678901234567890123456789012".getBytes(StandardCharsets.US_ASCII);
    long[] times = {59L, 1111111109L, 1111111111L, 1234567890L, 2000000000L, 20000000000L};
    String[] sha1 = {"94287082", "07081804", "14050471", "89005924", "69279037", "65353130"};
    String[] sha256 = {"46119246", "68084774", "67062674", "91819424", "90698825", "77737706"};
    for (int i = 0; i < times.length; i++) {
      long step = Totp.step(Instant.ofEpochSecond(times[i]));
      assertThat(Totp.code("HmacSHA1", SHA1_SEED, step, 8)).isEqualTo(sha1[i]);
      assertThat(Totp.code("HmacSHA256", sha256Seed, step, 8)).isEqualTo(sha256[i]);
    }
  }

  @Test
  void matchesTheRfc4226HotpTestVectors() {
    String[] expected = {
      "755224", "287082", "359152", "969429", "338314", "254676", "287922", "162583", "399871",
      "520489"
    };
    for (int counter = 0; counter < expected.length; counter++) {
      assertThat(Totp.code(SHA1_SEED, counter)).isEqualTo(expected[counter]);
    }
  }

  @Test
  void acceptsTheStepEitherSideOnceAndNothingElse() {
    Instant now = Instant.ofEpochSecond(1_700_000_000L);
    long step = Totp.step(now);
    assertThat(Totp.verify(SHA1_SEED, Totp.code(SHA1_SEED, step), now, 0)).hasValue(step);
    assertThat(Totp.verify(SHA1_SEED, Totp.code(SHA1_SEED, step - 1), now, 0)).hasValue(step - 1);
    assertThat(Totp.verify(SHA1_SEED, Totp.code(SHA1_SEED, step + 1), now, 0)).hasValue(step + 1);
    assertThat(Totp.verify(SHA1_SEED, Totp.code(SHA1_SEED, step - 2), now, 0)).isEmpty();
    // the same code again after it was used
    assertThat(Totp.verify(SHA1_SEED, Totp.code(SHA1_SEED, step), now, step)).isEmpty();
    assertThat(Totp.verify(SHA1_SEED, "12345", now, 0)).isEmpty();
    assertThat(Totp.verify(SHA1_SEED, "abcdef", now, 0)).isEmpty();
    assertThat(Totp.verify(SHA1_SEED, null, now, 0)).isEmpty();
  }

  @Test
  void base32FollowsRfc4648AndRoundTrips() {
    String[][] vectors = {
      {"f", "MY"},
      {"fo", "MZXQ"},
      {"foo", "MZXW6"},
      {"foob", "MZXW6YQ"},
      {"fooba", "MZXW6YTB"},
      {"foobar", "MZXW6YTBOI"}
    };
    for (String[] v : vectors) {
      assertThat(Base32.encode(v[0].getBytes(StandardCharsets.US_ASCII))).isEqualTo(v[1]);
      assertThat(new String(Base32.decode(v[1].toLowerCase()), StandardCharsets.US_ASCII))
          .isEqualTo(v[0]);
    }
    byte[] secret = Totp.newSecret();
    assertThat(Base32.decode(Base32.encode(secret))).isEqualTo(secret);
  }

  @Test
  void uriCarriesIssuerAccountAndSecret() {
    assertThat(Totp.uri("Renkei hub", "sato", SHA1_SEED))
        .isEqualTo(
            "otpauth://totp/Renkei%20hub:sato?secret=GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ"
                + "&issuer=Renkei%20hub&algorithm=SHA1&digits=6&period=30");
  }
}
