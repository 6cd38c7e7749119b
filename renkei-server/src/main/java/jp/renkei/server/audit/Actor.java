package jp.renkei.server.audit;

import jp.renkei.server.directory.Role;

/**
 * Who is acting: a signed-in person, a script using one of that person's API tokens, or an operator
 * at the shell. Every service call that changes or reveals restricted data takes one, and the audit
 * log records it.
 *
 * @param userId the person, or null for the shell before any user exists
 * @param login the person's login, or the OS user for the shell
 * @param organisationId the person's organisation, or null for the shell
 * @param role the person's role; the shell acts as platform admin
 * @param channel how they act: {@code web}, {@code token} or {@code cli}
 * @param clientAddress the request's remote address, or null
 */
public record Actor(
    Long userId,
    String login,
    Long organisationId,
    Role role,
    String channel,
    String clientAddress) {

  public static Actor cli() {
    return new Actor(
        null, System.getProperty("user.name", "unknown"), null, Role.PLATFORM_ADMIN, "cli", null);
  }

  /** Someone not yet signed in, known only by the login they typed. */
  public static Actor anonymous(String attemptedLogin, String clientAddress) {
    return new Actor(null, attemptedLogin, null, null, "web", clientAddress);
  }

  public boolean is(Role atLeast) {
    return role != null && role.includes(atLeast);
  }

  /** The form written to the audit log, e.g. {@code web:admin} or {@code cli:root}. */
  public String auditName() {
    return channel + ":" + login;
  }
}
