package jp.renkei.server.database;

/**
 * A reason the hub cannot start that the operator can fix: its message is one line that says what
 * is wrong and where, and the CLI prints it instead of a stack trace.
 */
public class StartupFailure extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public StartupFailure(String message) {
    super(message);
  }

  public StartupFailure(String message, Throwable cause) {
    super(message, cause);
  }
}
