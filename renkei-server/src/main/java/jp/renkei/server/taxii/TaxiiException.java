package jp.renkei.server.taxii;

/** A TAXII error answer: its HTTP status, a short title and what exactly was wrong. */
class TaxiiException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  final int status;
  final String title;

  TaxiiException(int status, String title, String description) {
    super(description);
    this.status = status;
    this.title = title;
  }

  static TaxiiException badRequest(String description) {
    return new TaxiiException(400, "Bad request", description);
  }

  static TaxiiException notFound(String description) {
    return new TaxiiException(404, "Not found", description);
  }
}
