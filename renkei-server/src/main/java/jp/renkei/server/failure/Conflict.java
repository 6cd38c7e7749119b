package jp.renkei.server.failure;

/** The request clashes with existing data, e.g. a name that is already taken. */
public class Conflict extends InvalidInput {
  private static final long serialVersionUID = 1L;

  public Conflict(String field, String messageKey, Object... args) {
    super(field, messageKey, args);
  }
}
