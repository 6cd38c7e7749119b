package jp.renkei.server.directory;

import java.io.Serializable;
import java.time.Instant;
import java.util.Locale;

/**
 * A person who can sign in, with their organisation's names resolved. Never holds the hash or the
 * second-factor secret. {@code credentialEpoch} moves on with every password change or reset, which
 * ends the sessions signed in before it.
 */
public record UserAccount(
    long id,
    String login,
    String displayName,
    String email,
    long organisationId,
    String organisationCode,
    String organisationNameJa,
    String organisationNameEn,
    Role role,
    String locale,
    boolean enabled,
    Instant lockedUntil,
    Instant lastLoginAt,
    Instant createdAt,
    int credentialEpoch,
    boolean totpEnabled)
    implements Serializable {

  public String organisationName(Locale l) {
    return "en".equals(l.getLanguage()) ? organisationNameEn : organisationNameJa;
  }

  public boolean lockedAt(Instant now) {
    return lockedUntil != null && lockedUntil.isAfter(now);
  }
}
