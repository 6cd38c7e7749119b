package jp.renkei.server.database;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.jdbc.core.DataClassRowMapper;
import org.springframework.jdbc.core.RowMapper;

/**
 * Reading PostgreSQL arrays and timestamps from rows, and writing instants, the same everywhere.
 */
public final class Rows {

  private Rows() {}

  private static final Map<Class<?>, RowMapper<?>> MAPPERS = new ConcurrentHashMap<>();

  /**
   * Maps a row to a record (or bean) by its constructor's parameter names, as {@code
   * JdbcClient.query(Class)} does, but reads {@link Instant} columns the way {@link #instant} does:
   * the driver has no {@code Instant} conversion, and the generic mapper asks for one first and
   * pays a thrown and caught exception per instant column and row. One mapper per class, reused.
   */
  @SuppressWarnings("unchecked")
  public static <T> RowMapper<T> of(Class<T> type) {
    return (RowMapper<T>) MAPPERS.computeIfAbsent(type, InstantAwareMapper::new);
  }

  private static final class InstantAwareMapper<T> extends DataClassRowMapper<T> {
    InstantAwareMapper(Class<T> type) {
      super(type);
    }

    @Override
    protected Object getColumnValue(ResultSet rs, int index, Class<?> paramType)
        throws SQLException {
      if (paramType == Instant.class) {
        OffsetDateTime t = rs.getObject(index, OffsetDateTime.class);
        return t == null ? null : t.toInstant();
      }
      return super.getColumnValue(rs, index, paramType);
    }
  }

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
