package jp.renkei.server.failure;

/**
 * The caller may see the object or page but not do this to it (e.g. an org admin granting platform
 * admin). Never used where the object itself is outside the caller's view: that is {@link
 * NotFound}.
 */
public class Forbidden extends RenkeiException {
  private static final long serialVersionUID = 1L;

  public Forbidden(String messageKey, Object... args) {
    super(messageKey, args);
  }
}
