package jp.renkei.server.directory;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import jp.renkei.server.config.SecurityProperties;
import jp.renkei.server.failure.InvalidInput;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

/**
 * Password hashing (bcrypt through Spring Security's delegating encoder, so the hash records its
 * algorithm and can be upgraded later; the encoder is the bean of {@link PasswordHashing}), the
 * password rules, and generated passwords.
 *
 * <p>The rules: at least {@code renkei.security.min-password-length} characters and at most 128;
 * not containing the login; at least 5 different characters; not a mere run of letters or digits
 * (abcdefghijkl, 123456789012, zyxwvu...); and not one of the 30,000 most common passwords of a
 * breach corpus ({@code security/common-passwords.txt}, see its NOTICE), ignoring case, nor one of
 * them with only digits or symbols around it ({@code Password1234!}).
 */
@Component
public class Passwords {

  private static final String ALPHABET = "abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
  private static final SecureRandom RANDOM = new SecureRandom();
  static final int MAX_LENGTH = 128;

  static final int MIN_DISTINCT = 5;

  private final PasswordEncoder encoder;
  private final int minLength;
  private final Set<String> common;

  /**
   * Sign-in's stand-in hash for an unknown login: made here by the same encoder as every real hash,
   * so checking against it costs what checking a real one costs (whatever that encoder's strength),
   * and of a random password nobody knows, so it matches nothing.
   */
  private final String dummy;

  Passwords(SecurityProperties security, PasswordEncoder encoder) {
    this.encoder = encoder;
    this.minLength = security.minPasswordLength();
    this.common = loadCommon();
    this.dummy = encoder.encode(generate() + generate());
  }

  private static Set<String> loadCommon() {
    try (InputStream in = Passwords.class.getResourceAsStream("/security/common-passwords.txt")) {
      if (in == null) {
        throw new IllegalStateException("security/common-passwords.txt is missing from the jar");
      }
      Set<String> set = new HashSet<>(40_000);
      new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))
          .lines()
          .map(String::strip)
          .filter(l -> !l.isEmpty())
          .forEach(l -> set.add(l.toLowerCase(Locale.ROOT)));
      return Set.copyOf(set);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public String hash(String raw) {
    return encoder.encode(raw);
  }

  public boolean matches(String raw, String hash) {
    return raw != null && hash != null && encoder.matches(raw, hash);
  }

  /**
   * Sign-in's check: {@code raw} against {@code hash}, or, when there is no hash (an unknown
   * login), against a stand-in of the same cost that matches nothing, so both take the same time.
   */
  public boolean matchesAtSignIn(String raw, String hash) {
    boolean ok = encoder.matches(raw == null ? "" : raw, hash == null ? dummy : hash);
    return ok && hash != null;
  }

  /** The stand-in hash sign-in checks an unknown login against (for the tests of its cost). */
  String unknownLoginHash() {
    return dummy;
  }

  /** Checks a chosen password against the rules; {@code field} names the form field. */
  public void check(String field, String raw, String login) {
    if (raw == null || raw.length() < minLength) {
      throw new InvalidInput(field, "validation.password.short", minLength);
    }
    if (raw.length() > MAX_LENGTH) {
      throw new InvalidInput(field, "validation.password.long", MAX_LENGTH);
    }
    String lower = raw.toLowerCase(Locale.ROOT);
    if (login != null && lower.contains(login)) {
      throw new InvalidInput(field, "validation.password.containsLogin");
    }
    if (raw.codePoints().distinct().count() < MIN_DISTINCT) {
      throw new InvalidInput(field, "validation.password.repetitive");
    }
    if (isRun(lower)) {
      throw new InvalidInput(field, "validation.password.sequence");
    }
    String core = lower.replaceAll("^[^\\p{L}]+|[^\\p{L}]+$", "");
    if (common.contains(lower) || (core.length() >= 4 && common.contains(core))) {
      throw new InvalidInput(field, "validation.password.common");
    }
  }

  /** Whether all but at most two steps between neighbours go one up or one down (1234, abcd). */
  static boolean isRun(String s) {
    int[] cps = s.codePoints().toArray();
    int off = 0;
    for (int i = 1; i < cps.length; i++) {
      int d = cps[i] - cps[i - 1];
      if (d != 1 && d != -1) {
        off++;
      }
    }
    return off <= 2;
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
