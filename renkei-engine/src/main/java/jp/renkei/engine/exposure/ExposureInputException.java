package jp.renkei.engine.exposure;

/**
 * Input that cannot be read at all (broken JSON, over a limit, not the expected document), with
 * where it went wrong and why ({@link Reason}: a code a page words in its reader's language). A bad
 * record inside good input is a {@link Rejected}, not this.
 */
public class ExposureInputException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final String where;
  private final transient Reason reason;

  public ExposureInputException(String where, Reason reason) {
    super(where + ": " + reason.english());
    this.where = where;
    this.reason = reason;
  }

  public String where() {
    return where;
  }

  public Reason reason() {
    return reason;
  }
}
