package jp.renkei.server.failure;

/** A field of the request is wrong; the message says what is expected. */
public class InvalidInput extends RenkeiException {
  private static final long serialVersionUID = 1L;

  private final String field;

  public InvalidInput(String field, String messageKey, Object... args) {
    super(messageKey, args);
    this.field = field;
  }

  public String field() {
    return field;
  }
}
