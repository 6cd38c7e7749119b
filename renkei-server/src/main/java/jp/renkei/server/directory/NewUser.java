package jp.renkei.server.directory;

/**
 * What it takes to add a person. With no {@code password} a random one is generated and returned
 * once.
 */
public record NewUser(
    String login,
    String displayName,
    String email,
    String organisationCode,
    Role role,
    String password) {

  public NewUser {
    login = login == null ? null : login.strip().toLowerCase(java.util.Locale.ROOT);
    displayName = displayName == null || displayName.isBlank() ? null : displayName.strip();
    email = email == null || email.isBlank() ? null : email.strip();
    organisationCode = organisationCode == null ? null : organisationCode.strip();
    password = password == null || password.isEmpty() ? null : password;
  }
}
