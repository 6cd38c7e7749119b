package jp.renkei.server.directory;

/**
 * Ties a browser session to the credentials it was signed in with. The session keeps {@code
 * userId:epoch}; a password change or an admin's reset moves the person's epoch on, and a session
 * holding an older one is ended at its next request (on any instance of the hub: the epoch is in
 * the database).
 */
public final class CredentialEpoch {

  /** The session attribute. */
  public static final String SESSION_ATTRIBUTE = "renkei.credentialEpoch";

  private CredentialEpoch() {}

  public static String value(long userId, int epoch) {
    return userId + ":" + epoch;
  }
}
