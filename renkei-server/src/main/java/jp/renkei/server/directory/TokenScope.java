package jp.renkei.server.directory;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * What an API token may be used for, chosen when it is made. Scopes only narrow: a token never does
 * more than its owner's role allows.
 */
public enum TokenScope {
  /** GET on {@code /api/v1}. */
  READ,
  /** Changes through {@code /api/v1}: reports, advisories, indicators, comments, feeds. */
  WRITE,
  /** All of TAXII 2.1 ({@code /taxii2}), reading and writing. */
  TAXII,
  /** What {@code renkei match} needs: reading TAXII collections and posting sightings to one. */
  MATCH,
  /** People, organisations, minting tokens and the actuator metrics. */
  ADMIN,
  /**
   * What a probe agent ({@code renkei probe}) needs, and nothing else: {@code /api/v1/probe/**}
   * (its assigned sites, posting results).
   */
  PROBE,
  /**
   * What a NOTICE partner or survey operator needs, and nothing else: submitting observations
   * ({@code POST /api/v1/notice/observations}).
   */
  NOTICE;

  /** Tokens made before scopes existed (Flyway V60): everything but {@link #ADMIN}. */
  public static final Set<TokenScope> LEGACY = EnumSet.of(READ, WRITE, TAXII, MATCH);

  public String code() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static Optional<TokenScope> fromCode(String code) {
    return Arrays.stream(values()).filter(s -> s.code().equals(code)).findFirst();
  }

  /** The scopes of the caller minting a token: a session may grant any, a token its own. */
  public record Granting(Set<TokenScope> scopes, java.time.Instant until) {
    public static final Granting SESSION = new Granting(EnumSet.allOf(TokenScope.class), null);

    /** A caller whose grants do not expire (a session, the shell). */
    public Granting(Set<TokenScope> scopes) {
      this(scopes, null);
    }

    /**
     * Whether the caller may read through the API ({@link #READ}): a token that may only submit
     * (write) is told nothing a read would tell it, such as the directory's organisations.
     */
    public boolean reads() {
      return scopes.contains(READ);
    }
  }
}
