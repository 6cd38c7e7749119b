package jp.renkei.server.config;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Where the data lives. With no {@code url} the hub runs its own embedded PostgreSQL (real
 * binaries) in {@code <data-dir>/postgres}; with a {@code url} it uses that server instead.
 *
 * @param url JDBC URL of an external PostgreSQL, e.g. {@code
 *     jdbc:postgresql://db.example:5432/renkei}. Empty (default) means embedded. Env: {@code
 *     RENKEI_DATABASE_URL}.
 * @param username user for the external database. Env: {@code RENKEI_DATABASE_USERNAME}.
 * @param password password for the external database; never logged. Env: {@code
 *     RENKEI_DATABASE_PASSWORD}.
 * @param embeddedPort TCP port of the embedded PostgreSQL on 127.0.0.1; 0 (default) picks a free
 *     one.
 * @param embeddedFsync whether the embedded PostgreSQL flushes to disk (default true; tests turn it
 *     off for speed).
 * @param connectTimeout how long to wait for the database at start-up before giving up with a clear
 *     message (default 10s).
 * @param poolSize maximum connections in the pool (default 10).
 */
@Validated
@ConfigurationProperties("renkei.database")
public record DatabaseProperties(
    String url,
    String username,
    String password,
    @Min(0) @Max(65535) @DefaultValue("0") int embeddedPort,
    @DefaultValue("true") boolean embeddedFsync,
    @NotNull @DefaultValue("10s") Duration connectTimeout,
    @Min(1) @Max(200) @DefaultValue("10") int poolSize) {

  public boolean embedded() {
    return url == null || url.isBlank();
  }

  @Override
  public String toString() {
    return "DatabaseProperties[url=" + url + ", username=" + username + ", password=***]";
  }
}
