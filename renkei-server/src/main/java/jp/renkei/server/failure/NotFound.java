package jp.renkei.server.failure;

/**
 * The object does not exist, or the caller may not know that it exists: both answer the same, so a
 * denial never reveals an object (DESIGN.md §2).
 */
public class NotFound extends RenkeiException {
  private static final long serialVersionUID = 1L;

  private final String objectType;
  private final String objectId;

  public NotFound(String objectType, Object objectId) {
    super("error.notFound", objectType, String.valueOf(objectId));
    this.objectType = objectType;
    this.objectId = String.valueOf(objectId);
  }

  public String objectType() {
    return objectType;
  }

  public String objectId() {
    return objectId;
  }
}
