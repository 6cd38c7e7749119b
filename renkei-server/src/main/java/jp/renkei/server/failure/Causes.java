package jp.renkei.server.failure;

/** Looks through an exception's chain of causes. */
public final class Causes {

  private Causes() {}

  /** The first of {@code e} and its causes that is a {@code type}, or null. */
  public static <T extends Throwable> T find(Throwable e, Class<T> type) {
    for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (type.isInstance(t)) {
        return type.cast(t);
      }
    }
    return null;
  }
}
