package jp.renkei.server.database;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;

/**
 * Reading PostgreSQL arrays and timestamps from rows, and writing instants, the same everywhere.
 */
public final class Rows {

  private Rows() {}

  public static List<String> strings(Array a) throws SQLException {
    return a == null ? List.of() : Arrays.asList((String[]) a.getArray());
  }

  public static List<Long> longs(Array a) throws SQLException {
    return a == null ? List.of() : Arrays.asList((Long[]) a.getArray());
  }

  /**
   * A timestamptz column as an instant, null for SQL NULL. Prefer this in hand-written mappers to
   * mapping a record by its constructor: the driver cannot read an {@link Instant} directly, so
   * such a mapper costs a thrown and caught exception per instant column and row before its
   * fallback.
   */
  public static Instant instant(ResultSet rs, String column) throws SQLException {
    OffsetDateTime t = rs.getObject(column, OffsetDateTime.class);
    return t == null ? null : t.toInstant();
  }

  /** An instant as a {@code timestamptz} parameter. */
  public static OffsetDateTime utc(Instant t) {
    return t == null ? null : t.atOffset(ZoneOffset.UTC);
  }
}
