package jp.renkei.server.directory;

import java.util.Locale;
import java.util.Optional;

/**
 * What a person may do on the hub. Roles are ordered: each includes the ones before it. They drive
 * code paths (who may administer what), so unlike the reference vocabularies they are a Java type;
 * their labels live in the message bundles ({@code role.member} ...).
 */
public enum Role {
  /** Reads what is shared with the organisation and acknowledges it. */
  MEMBER,
  /** Also writes reports, indicators and analyses for the organisation. */
  ANALYST,
  /** Also manages the organisation's people. */
  ORG_ADMIN,
  /** Manages the whole hub: organisations, every person, the audit log. */
  PLATFORM_ADMIN;

  public String code() {
    return name().toLowerCase(Locale.ROOT);
  }

  public boolean includes(Role other) {
    return compareTo(other) >= 0;
  }

  public static Optional<Role> fromCode(String code) {
    for (Role r : values()) {
      if (r.code().equals(code)) {
        return Optional.of(r);
      }
    }
    return Optional.empty();
  }
}
