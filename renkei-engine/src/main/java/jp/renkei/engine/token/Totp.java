package jp.renkei.engine.token;

import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.OptionalLong;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Time-based one-time passwords (RFC 6238 over RFC 4226 HOTP) as authenticator apps make them:
 * HMAC-SHA1, 30-second steps from the Unix epoch, 6 digits. Written on the JDK's {@link Mac} (the
 * algorithm is a page long; a library would add more than it saves).
 *
 * <p>Thread-safe.
 */
public final class Totp {

  public static final int DIGITS = 6;
  public static final long STEP_SECONDS = 30;
  private static final int SECRET_BYTES = 20;
  private static final SecureRandom RANDOM = new SecureRandom();

  private Totp() {}

  /** A new random 160-bit secret (the size RFC 4226 recommends for HMAC-SHA1). */
  public static byte[] newSecret() {
    byte[] b = new byte[SECRET_BYTES];
    RANDOM.nextBytes(b);
    return b;
  }

  /** The time step an instant falls in. */
  public static long step(Instant at) {
    return Math.floorDiv(at.getEpochSecond(), STEP_SECONDS);
  }

  /** The code for one time step, {@code digits} long, with leading zeros. */
  public static String code(String algorithm, byte[] secret, long step, int digits) {
    try {
      Mac mac = Mac.getInstance(algorithm);
      mac.init(new SecretKeySpec(secret, "RAW"));
      byte[] h = mac.doFinal(ByteBuffer.allocate(8).putLong(step).array());
      int offset = h[h.length - 1] & 0x0f;
      int binary =
          ((h[offset] & 0x7f) << 24)
              | ((h[offset + 1] & 0xff) << 16)
              | ((h[offset + 2] & 0xff) << 8)
              | (h[offset + 3] & 0xff);
      int mod = 1;
      for (int i = 0; i < digits; i++) {
        mod *= 10;
      }
      String s = Integer.toString(binary % mod);
      return "0".repeat(digits - s.length()) + s;
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(algorithm + " is required by every Java platform", e);
    }
  }

  /** The 6-digit HMAC-SHA1 code for a step, as authenticator apps show it. */
  public static String code(byte[] secret, long step) {
    return code("HmacSHA1", secret, step, DIGITS);
  }

  /**
   * The step a presented code is good for: the current step or one either side (clock drift), and
   * only a step after {@code lastUsedStep} (a code is accepted once). Compared in constant time.
   */
  public static OptionalLong verify(byte[] secret, String presented, Instant now, long lastUsed) {
    if (presented == null) {
      return OptionalLong.empty();
    }
    String p = presented.replace(" ", "");
    if (p.length() != DIGITS || !p.chars().allMatch(c -> c >= '0' && c <= '9')) {
      return OptionalLong.empty();
    }
    long current = step(now);
    for (long s = current - 1; s <= current + 1; s++) {
      if (s > lastUsed
          && MessageDigest.isEqual(
              code(secret, s).getBytes(java.nio.charset.StandardCharsets.US_ASCII),
              p.getBytes(java.nio.charset.StandardCharsets.US_ASCII))) {
        return OptionalLong.of(s);
      }
    }
    return OptionalLong.empty();
  }

  /**
   * The {@code otpauth://} URI authenticator apps read (Key Uri Format), for entering by hand or
   * pasting; the secret is base32 without padding.
   */
  public static String uri(String issuer, String account, byte[] secret) {
    String label = encode(issuer) + ":" + encode(account);
    return "otpauth://totp/"
        + label
        + "?secret="
        + Base32.encode(secret)
        + "&issuer="
        + encode(issuer)
        + "&algorithm=SHA1&digits="
        + DIGITS
        + "&period="
        + STEP_SECONDS;
  }

  private static String encode(String s) {
    return java.net.URLEncoder.encode(s, java.nio.charset.StandardCharsets.UTF_8)
        .replace("+", "%20");
  }
}
