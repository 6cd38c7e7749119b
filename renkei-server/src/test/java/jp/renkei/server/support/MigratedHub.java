package jp.renkei.server.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;
import jp.renkei.server.database.EmbeddedPostgresServer;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.migration.JavaMigration;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.type.filter.AssignableTypeFilter;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * A hub as it was before one migration, for the tests of that migration: a database built at the
 * highest Flyway version below it (the hub's Java migrations included), filled by the test as the
 * code of that time stored its data, and the properties that start the hub on it, so that the hub's
 * start runs the migration on real rows.
 */
public final class MigratedHub {

  private MigratedHub() {}

  /**
   * Builds a database in a new directory up to the last version before {@code version}, lets {@code
   * fill} write the old rows, and points the hub's properties at it.
   */
  public static void before(
      DynamicPropertyRegistry registry, String prefix, String version, Consumer<JdbcClient> fill) {
    Path data = TestFiles.directory(prefix);
    build(data, version, fill, null);
    registry.add("renkei.data-dir", data::toString);
    registry.add("renkei.database.embedded-fsync", () -> "false");
    registry.add("renkei.feeds.check-interval", () -> "1h");
    registry.add("renkei.notify.poll-interval", () -> "1h");
    registry.add("spring.mail.host", () -> "127.0.0.1");
    registry.add("spring.mail.port", () -> "9");
  }

  /**
   * For a migration whose effect is in the rows alone (no hub needed): the database built below
   * {@code version} and filled by {@code fill}, then migrated to the newest version by Flyway as
   * the hub's start would, and read by {@code check}.
   */
  public static void migrate(
      String prefix, String version, Consumer<JdbcClient> fill, Consumer<JdbcClient> check) {
    build(TestFiles.directory(prefix), version, fill, check);
  }

  private static void build(
      Path data, String version, Consumer<JdbcClient> fill, Consumer<JdbcClient> check) {
    try (EmbeddedPostgresServer pg =
        EmbeddedPostgresServer.startOrAttach(data, 0, false, Duration.ofSeconds(60))) {
      DriverManagerDataSource ds =
          new DriverManagerDataSource(pg.jdbcUrl(), pg.username(), pg.password());
      // the hub's Java migrations (a Spring bean each, e.g. V252) go with the SQL ones
      JavaMigration[] java = javaMigrations();
      String previous =
          Arrays.stream(Flyway.configure().dataSource(ds).javaMigrations(java).load().info().all())
              .map(m -> m.getVersion())
              .filter(v -> v.isNewerThan("0") && !v.isAtLeast(version))
              .max(Comparable::compareTo)
              .orElseThrow()
              .getVersion();
      Flyway.configure().dataSource(ds).javaMigrations(java).target(previous).load().migrate();
      assertThat(
              Arrays.stream(
                      Flyway.configure()
                          .dataSource(ds)
                          .javaMigrations(java)
                          .load()
                          .info()
                          .applied())
                  .map(m -> m.getVersion().getVersion()))
          .doesNotContain(version);
      fill.accept(JdbcClient.create(ds));
      if (check != null) {
        Flyway.configure().dataSource(ds).javaMigrations(java).load().migrate();
        check.accept(JdbcClient.create(ds));
      }
    }
  }

  /** The Java migrations the hub registers as beans, made as Spring would make them. */
  static JavaMigration[] javaMigrations() {
    try {
      var scanner = new ClassPathScanningCandidateComponentProvider(false);
      scanner.addIncludeFilter(new AssignableTypeFilter(JavaMigration.class));
      List<JavaMigration> out = new ArrayList<>();
      for (var bd : scanner.findCandidateComponents("jp.renkei.server")) {
        var c = Class.forName(bd.getBeanClassName()).getDeclaredConstructor();
        c.setAccessible(true);
        out.add((JavaMigration) c.newInstance());
      }
      assertThat(out).isNotEmpty();
      return out.toArray(JavaMigration[]::new);
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Inserts one row and answers its id. */
  public static long id(JdbcClient jdbc, String sql, Object... params) {
    return jdbc.sql(sql + " returning id").params(params).query(Long.class).single();
  }

  /** A time so many hours ago. */
  public static Timestamp ago(int hours) {
    return Timestamp.from(Instant.now().minus(hours, ChronoUnit.HOURS));
  }
}
