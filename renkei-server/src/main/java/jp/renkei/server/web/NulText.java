package jp.renkei.server.web;

import java.sql.SQLException;
import java.util.Set;

/**
 * A text PostgreSQL refused for a character it never stores: NUL (U+0000), in text ({@code 22021},
 * "invalid byte sequence for encoding UTF8: 0x00") or in jsonb ({@code 22P05}, "unsupported Unicode
 * escape sequence"). Java strings hold it, and JSON ({@code \u0000}) and forms ({@code %00}) carry
 * it, so a client can send one in any field the parsers do not check themselves; it is that
 * client's mistake (a 400), not the hub's fault (a 500 with a stack trace).
 */
final class NulText {

  private static final Set<String> STATES = Set.of("22021", "22P05");

  private NulText() {}

  /** Whether {@code e} or one of its causes is such a refusal. */
  static boolean in(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof SQLException s && STATES.contains(s.getSQLState())) {
        return true;
      }
    }
    return false;
  }
}
