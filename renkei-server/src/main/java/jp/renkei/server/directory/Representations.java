package jp.renkei.server.directory;

import java.time.Instant;
import java.util.List;

/** The JSON bodies of the directory API, and the one place rows become them. */
final class Representations {

  private Representations() {}

  record Label(String code, String ja, String en) {
    static Label of(String code, String ja, String en) {
      return code == null ? null : new Label(code, ja, en);
    }
  }

  /**
   * An organisation's identity as {@code GET/PUT /organisations/{id}/identity} answers it: every
   * value, and in {@code pending} the aliases and domains its own admins added that count for
   * nobody else until a platform admin confirms them (a platform admin's {@code PUT} confirms every
   * alias and domain it sends). The body of a {@code PUT} is {@link OrganisationIdentity}; a {@code
   * pending} sent there is ignored (attack38).
   */
  record Identity(
      List<String> aliases, List<String> domains, List<String> ipRanges, Pending pending) {}

  /** The aliases and domains that wait for a platform admin. */
  record Pending(List<String> aliases, List<String> domains) {}

  static Identity identity(
      OrganisationIdentity id, List<String> pendingAliases, List<String> pendingDomains) {
    return new Identity(
        id.aliases(), id.domains(), id.ipRanges(), new Pending(pendingAliases, pendingDomains));
  }

  record OrganisationSummary(
      long id,
      String code,
      String nameJa,
      String nameEn,
      Label type,
      Label sector,
      Label supervisingMinistry,
      boolean active) {}

  record OrganisationFull(
      long id,
      String code,
      String nameJa,
      String nameEn,
      Label type,
      Label sector,
      Label supervisingMinistry,
      String ministryCode,
      String dutyEmail,
      boolean active,
      List<OrganisationSummary> ceptoars,
      List<OrganisationSummary> members,
      List<String> supervisedSectors) {}

  record User(
      long id,
      String login,
      String displayName,
      String email,
      OrganisationRef organisation,
      String role,
      String locale,
      boolean enabled,
      boolean locked,
      Instant lastLoginAt,
      Instant createdAt) {}

  record OrganisationRef(long id, String code, String nameJa, String nameEn) {}

  record Me(User user, OrganisationFull organisation, String authenticatedBy) {}

  record CreatedUser(User user, String initialPassword) {}

  record Token(
      long id,
      String name,
      String prefix,
      Instant createdAt,
      Instant expiresAt,
      Instant lastUsedAt,
      Instant revokedAt,
      boolean active,
      java.util.List<String> scopes) {}

  record CreatedToken(Token token, String secret) {}

  static OrganisationSummary summary(Organisation o) {
    return new OrganisationSummary(
        o.id(),
        o.code(),
        o.nameJa(),
        o.nameEn(),
        Label.of(o.typeCode(), o.typeNameJa(), o.typeNameEn()),
        Label.of(o.sectorCode(), o.sectorNameJa(), o.sectorNameEn()),
        Label.of(
            o.supervisingMinistryCode(),
            o.supervisingMinistryNameJa(),
            o.supervisingMinistryNameEn()),
        o.active());
  }

  static OrganisationFull organisation(OrganisationDetail d) {
    Organisation o = d.organisation();
    return new OrganisationFull(
        o.id(),
        o.code(),
        o.nameJa(),
        o.nameEn(),
        Label.of(o.typeCode(), o.typeNameJa(), o.typeNameEn()),
        Label.of(o.sectorCode(), o.sectorNameJa(), o.sectorNameEn()),
        Label.of(
            o.supervisingMinistryCode(),
            o.supervisingMinistryNameJa(),
            o.supervisingMinistryNameEn()),
        o.ministryCode(),
        o.dutyEmail(),
        o.active(),
        d.ceptoars().stream().map(Representations::summary).toList(),
        d.members().stream().map(Representations::summary).toList(),
        d.supervisedSectors().stream().map(s -> s.code()).toList());
  }

  static User user(UserAccount u) {
    return new User(
        u.id(),
        u.login(),
        u.displayName(),
        u.email(),
        new OrganisationRef(
            u.organisationId(),
            u.organisationCode(),
            u.organisationNameJa(),
            u.organisationNameEn()),
        u.role().code(),
        u.locale(),
        u.enabled(),
        u.lockedAt(Instant.now()),
        u.lastLoginAt(),
        u.createdAt());
  }

  static Token token(ApiToken t) {
    return new Token(
        t.id(),
        t.name(),
        t.displayPrefix(),
        t.createdAt(),
        t.expiresAt(),
        t.lastUsedAt(),
        t.revokedAt(),
        t.activeAt(Instant.now()),
        t.scopeCodes());
  }
}
