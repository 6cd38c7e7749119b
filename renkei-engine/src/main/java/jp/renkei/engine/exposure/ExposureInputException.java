package jp.renkei.engine.exposure;

/**
 * Input that cannot be read at all (broken JSON, over a limit, not the expected document), with
 * where it went wrong. A bad record inside good input is a {@link Rejected}, not this.
 */
public class ExposureInputException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final String where;

  public ExposureInputException(String where, String message) {
    super(where + ": " + message);
    this.where = where;
  }

  public String where() {
    return where;
  }
}
