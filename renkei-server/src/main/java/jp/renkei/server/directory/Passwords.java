package jp.renkei.server.directory;

import java.security.SecureRandom;
import jp.renkei.server.config.SecurityProperties;
import jp.renkei.server.failure.InvalidInput;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

/**
 * Password hashing (bcrypt through Spring Security's delegating encoder, so the hash records its
 * algorithm and can be upgraded later), the password rules, and generated passwords.
 */
@Component
public class Passwords {

  private static final String ALPHABET = "abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
  private static final SecureRandom RANDOM = new SecureRandom();
  static final int MAX_LENGTH = 128;

  private final PasswordEncoder encoder =
      PasswordEncoderFactories.createDelegatingPasswordEncoder();
  private final int minLength;

  Passwords(SecurityProperties security) {
    this.minLength = security.minPasswordLength();
  }

  public String hash(String raw) {
    return encoder.encode(raw);
  }

  public boolean matches(String raw, String hash) {
    return raw != null && hash != null && encoder.matches(raw, hash);
  }

  /** A hash that matches nothing, to spend the same time on unknown logins as on known ones. */
  public void burnTime(String raw) {
    encoder.matches(raw == null ? "" : raw, DUMMY);
  }

  private static final String DUMMY =
      "{bcrypt}$2a$10$7EqJtq98hPqEX7fNZaFWoOhi5BWX4Z1nHcF4bDfyODfxW1mAVOQxS";

  /** Checks a chosen password against the rules; {@code field} names the form field. */
  public void check(String field, String raw, String login) {
    if (raw == null || raw.length() < minLength) {
      throw new InvalidInput(field, "validation.password.short", minLength);
    }
    if (raw.length() > MAX_LENGTH) {
      throw new InvalidInput(field, "validation.password.long", MAX_LENGTH);
    }
    if (login != null && raw.toLowerCase(java.util.Locale.ROOT).contains(login)) {
      throw new InvalidInput(field, "validation.password.containsLogin");
    }
  }

  /** A random 16-character password from an alphabet without look-alike characters. */
  public static String generate() {
    StringBuilder sb = new StringBuilder(16);
    for (int i = 0; i < 16; i++) {
      sb.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
    }
    return sb.toString();
  }
}
