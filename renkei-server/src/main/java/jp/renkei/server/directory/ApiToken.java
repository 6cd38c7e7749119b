package jp.renkei.server.directory;

import java.time.Instant;
import java.util.Set;

/** An API token as listed to its owner: never the secret, only its first characters. */
public record ApiToken(
    long id,
    long userId,
    String name,
    String displayPrefix,
    Instant createdAt,
    Instant expiresAt,
    Instant lastUsedAt,
    Instant revokedAt,
    Set<TokenScope> scopes) {

  public boolean activeAt(Instant now) {
    return revokedAt == null && (expiresAt == null || expiresAt.isAfter(now));
  }

  /** The scope codes in their declared order, for pages and JSON. */
  public java.util.List<String> scopeCodes() {
    return scopes.stream().sorted().map(TokenScope::code).toList();
  }
}
