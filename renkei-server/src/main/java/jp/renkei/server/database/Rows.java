package jp.renkei.server.database;

import java.lang.ref.WeakReference;
import java.lang.reflect.Constructor;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.beans.BeanUtils;
import org.springframework.beans.TypeConverter;
import org.springframework.core.MethodParameter;
import org.springframework.core.convert.TypeDescriptor;
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
    private final Constructor<T> constructor;
    private final String[] names;
    private final TypeDescriptor[] types;
    // The column of each constructor parameter, found once per result set rather than per row:
    // the generic mapper asks the driver for the camel-case name first and, for every snake_case
    // column, pays a thrown and caught SQLException per column and row before trying the
    // underscored one.
    private volatile Columns columns;

    // held weakly: a finished result set and its rows must not stay reachable from the mapper
    private record Columns(WeakReference<ResultSet> rs, int[] index) {}

    InstantAwareMapper(Class<T> type) {
      super(type);
      this.constructor = BeanUtils.getResolvableConstructor(type);
      String[] parameterNames = BeanUtils.getParameterNames(constructor);
      this.names = parameterNames;
      this.types = new TypeDescriptor[parameterNames.length];
      for (int i = 0; i < parameterNames.length; i++) {
        types[i] = new TypeDescriptor(new MethodParameter(constructor, i));
      }
    }

    @Override
    protected T constructMappedInstance(ResultSet rs, TypeConverter tc) throws SQLException {
      int[] index = columnsOf(rs);
      Object[] args = new Object[names.length];
      for (int i = 0; i < args.length; i++) {
        Class<?> type = types[i].getType();
        args[i] = tc.convertIfNecessary(getColumnValue(rs, index[i], type), type, types[i]);
      }
      return BeanUtils.instantiateClass(constructor, args);
    }

    private int[] columnsOf(ResultSet rs) throws SQLException {
      Columns known = columns;
      if (known != null && known.rs().get() == rs) {
        return known.index();
      }
      ResultSetMetaData meta = rs.getMetaData();
      Map<String, Integer> byLabel = new HashMap<>();
      for (int c = meta.getColumnCount(); c >= 1; c--) {
        // the first of two equal labels wins, as the driver's findColumn does
        byLabel.put(meta.getColumnLabel(c).toLowerCase(Locale.ROOT), c);
      }
      int[] index = new int[names.length];
      for (int i = 0; i < names.length; i++) {
        Integer c = byLabel.get(lowerCaseName(names[i]));
        if (c == null) {
          c = byLabel.get(underscoreName(names[i]));
        }
        // a missing column fails as the generic mapper does, naming it
        index[i] = c != null ? c : rs.findColumn(underscoreName(names[i]));
      }
      columns = new Columns(new WeakReference<>(rs), index);
      return index;
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
