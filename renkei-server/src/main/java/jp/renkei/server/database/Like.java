package jp.renkei.server.database;

/**
 * Patterns for SQL {@code LIKE ... ESCAPE '\'} built from user text, with the user's own {@code %},
 * {@code _} and {@code \} taken literally.
 */
public final class Like {

  private Like() {}

  public static String prefix(String text) {
    return escape(text) + "%";
  }

  public static String contains(String text) {
    return "%" + escape(text) + "%";
  }

  private static String escape(String s) {
    return s.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
  }
}
