package jp.renkei.server.directory;

import java.time.Instant;

/** An API token as listed to its owner: never the secret, only its first characters. */
public record ApiToken(
    long id,
    long userId,
    String name,
    String displayPrefix,
    Instant createdAt,
    Instant expiresAt,
    Instant lastUsedAt,
    Instant revokedAt) {

  public boolean activeAt(Instant now) {
    return revokedAt == null && (expiresAt == null || expiresAt.isAfter(now));
  }
}
