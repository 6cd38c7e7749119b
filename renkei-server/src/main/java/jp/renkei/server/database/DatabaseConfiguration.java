package jp.renkei.server.database;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import jp.renkei.server.config.DatabaseProperties;
import jp.renkei.server.config.HubProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The one DataSource: the external PostgreSQL when {@code renkei.database.url} is set, otherwise
 * the embedded one. Either way it is checked at start-up, so a wrong address fails fast with one
 * line that names it.
 */
@Configuration(proxyBeanMethods = false)
class DatabaseConfiguration {

  @Bean(destroyMethod = "close")
  EmbeddedDatabaseHolder embeddedDatabase(DatabaseProperties db, HubProperties hub) {
    if (!db.embedded()) {
      return new EmbeddedDatabaseHolder(null);
    }
    return new EmbeddedDatabaseHolder(
        EmbeddedPostgresServer.startOrAttach(
            hub.dataDir(),
            db.embeddedPort(),
            db.embeddedFsync(),
            db.connectTimeout().multipliedBy(6)));
  }

  @Bean(destroyMethod = "close")
  HikariDataSource dataSource(DatabaseProperties db, EmbeddedDatabaseHolder embedded) {
    HikariConfig config = new HikariConfig();
    config.setPoolName("renkei");
    config.setMaximumPoolSize(db.poolSize());
    config.setConnectionTimeout(db.connectTimeout().toMillis());
    config.setInitializationFailTimeout(-1);
    if (embedded.server() != null) {
      config.setJdbcUrl(embedded.server().jdbcUrl());
      config.setUsername(embedded.server().username());
      config.setPassword(embedded.server().password());
    } else {
      if (!db.url().startsWith("jdbc:postgresql:")) {
        throw new StartupFailure(
            "renkei.database.url must be a PostgreSQL JDBC URL (jdbc:postgresql://host:port/db), got "
                + db.url());
      }
      config.setJdbcUrl(db.url());
      config.setUsername(db.username());
      config.setPassword(db.password());
    }
    // PostgreSQL's error detail repeats the row a statement failed on ("Failing row contains
    // (…)"), and an exception's message goes to the server log: a TLP:RED title or an alias
    // would be written there (attack39). The driver leaves it out of the message with this.
    config.addDataSourceProperty("logServerErrorDetail", "false");
    HikariDataSource ds = new HikariDataSource(config);
    check(ds, config.getJdbcUrl());
    return ds;
  }

  private static void check(DataSource ds, String url) {
    try (Connection c = ds.getConnection()) {
      c.isValid(5);
    } catch (SQLException e) {
      ((HikariDataSource) ds).close();
      throw new StartupFailure(
          "cannot connect to PostgreSQL at " + url + ": " + EmbeddedPostgresServer.rootMessage(e),
          e);
    }
  }

  /** Holds the embedded server (or nothing) so Spring stops it after the pool has closed. */
  record EmbeddedDatabaseHolder(EmbeddedPostgresServer server) implements AutoCloseable {
    @Override
    public void close() {
      if (server != null) {
        server.close();
      }
    }
  }
}
