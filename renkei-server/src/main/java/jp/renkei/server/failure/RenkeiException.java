package jp.renkei.server.failure;

/**
 * Base of the errors a feature raises on purpose. Each carries what the caller needs to put right
 * (a message key with arguments, and the field or object concerned) and whether retrying can help.
 * The web layer renders them once, as problem+json or a themed page.
 */
public abstract class RenkeiException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final String messageKey;
  private final transient Object[] args;

  protected RenkeiException(String messageKey, Object... args) {
    super(messageKey);
    this.messageKey = messageKey;
    this.args = args.clone();
  }

  public String messageKey() {
    return messageKey;
  }

  public Object[] args() {
    return args.clone();
  }

  /** Whether the same request may succeed later without change. */
  public boolean retriable() {
    return false;
  }
}
