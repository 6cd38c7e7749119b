package jp.renkei.engine.token;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

/**
 * API tokens for scripts, TAXII clients and the CLI. A token is {@code rk_} followed by 43 URL-safe
 * characters (256 random bits). Only its SHA-256 is stored: with that much entropy a fast hash is
 * safe, and it lets a request be authenticated with one indexed lookup. The first characters
 * ({@link #displayPrefix}) are kept in clear so a user can tell tokens apart.
 *
 * <p>Thread-safe.
 */
public final class ApiTokens {

  public static final String SCHEME_PREFIX = "rk_";
  private static final int RANDOM_BYTES = 32;
  private static final int ENCODED_LENGTH = 43;
  private static final SecureRandom RANDOM = new SecureRandom();

  private ApiTokens() {}

  /** A new random token, to be shown to its owner once and then forgotten. */
  public static String generate() {
    byte[] bytes = new byte[RANDOM_BYTES];
    RANDOM.nextBytes(bytes);
    return SCHEME_PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  /** Whether {@code candidate} has the shape of a token; says nothing of whether it is valid. */
  public static boolean looksLikeToken(String candidate) {
    if (candidate == null || candidate.length() != SCHEME_PREFIX.length() + ENCODED_LENGTH) {
      return false;
    }
    if (!candidate.startsWith(SCHEME_PREFIX)) {
      return false;
    }
    for (int i = SCHEME_PREFIX.length(); i < candidate.length(); i++) {
      char c = candidate.charAt(i);
      boolean ok =
          (c >= 'A' && c <= 'Z')
              || (c >= 'a' && c <= 'z')
              || (c >= '0' && c <= '9')
              || c == '-'
              || c == '_';
      if (!ok) {
        return false;
      }
    }
    return true;
  }

  /** The stored form of a token: lower-case hex SHA-256 of its UTF-8 bytes. */
  public static String hash(String token) {
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      return HexFormat.of().formatHex(sha.digest(token.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is required by every Java platform", e);
    }
  }

  /** The part of a token shown in lists: the scheme and the first six random characters. */
  public static String displayPrefix(String token) {
    return token.substring(0, Math.min(token.length(), SCHEME_PREFIX.length() + 6));
  }
}
