package jp.renkei.server.failure;

/**
 * Recognises Jackson's refusal of a key seen twice in one JSON object (a mapper built with {@code
 * StreamReadFeature.STRICT_DUPLICATE_DETECTION}) and names the key, cut to 200 characters.
 */
public final class DuplicateKeys {

  /** How Jackson begins the refusal: {@code Duplicate Object property "name"}. */
  private static final String DUPLICATE = "Duplicate Object property \"";

  private DuplicateKeys() {}

  /** The key repeated, when {@code e} or a cause is that refusal; else null. */
  public static String key(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof tools.jackson.core.JacksonException je
          && je.getOriginalMessage() != null
          && je.getOriginalMessage().startsWith(DUPLICATE)) {
        String m = je.getOriginalMessage();
        String key = m.substring(DUPLICATE.length(), Math.max(DUPLICATE.length(), m.length() - 1));
        return key.length() <= 200 ? key : key.substring(0, 200) + "…";
      }
    }
    return null;
  }

  /** The refusal itself, for its location; null when {@code e} is not one. */
  public static tools.jackson.core.JacksonException refusal(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof tools.jackson.core.JacksonException je
          && je.getOriginalMessage() != null
          && je.getOriginalMessage().startsWith(DUPLICATE)) {
        return je;
      }
    }
    return null;
  }
}
