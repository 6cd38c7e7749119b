package jp.renkei.server.database;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The embedded cluster: reached through a private Unix socket, attached to, or over TCP. */
class EmbeddedPostgresServerIT {

  @TempDir Path dir;

  @Test
  void theHubConnectsThroughAPrivateSocketAndACliAttachesToIt() throws Exception {
    Path data = dir.resolve("data");
    try (EmbeddedPostgresServer pg = start(data)) {
      assertThat(pg.owner()).isTrue();
      Path socket = pg.socket().orElseThrow();
      assertThat(socket)
          .isEqualTo(data.toAbsolutePath().resolve("postgres-socket/.s.PGSQL." + pg.port()));
      assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(socket.getParent())))
          .isEqualTo("rwx------");
      // PostgreSQL's default, a socket in the world-writable /tmp, is not made
      assertThat(Path.of("/tmp/.s.PGSQL." + pg.port())).doesNotExist();
      assertThat(viaSocket(pg)).isTrue();

      try (EmbeddedPostgresServer cli = start(data)) {
        assertThat(cli.owner()).isFalse();
        assertThat(cli.socket()).contains(socket);
        assertThat(viaSocket(cli)).isTrue();
      }
      // the attached one leaves the cluster running
      assertThat(viaSocket(pg)).isTrue();
    }
  }

  @Test
  void aDataDirectoryTooDeepForASocketPathFallsBackToTcp() throws Exception {
    Path data = dir;
    while (data.toAbsolutePath().toString().length() < 110) {
      data = data.resolve("a-rather-long-directory-name");
    }
    try (EmbeddedPostgresServer pg = start(data)) {
      assertThat(pg.socket()).isEmpty();
      assertThat(pg.jdbcUrl()).startsWith("jdbc:postgresql://127.0.0.1:" + pg.port() + "/");
      assertThat(viaSocket(pg)).isFalse();
    }
  }

  private static EmbeddedPostgresServer start(Path data) {
    return EmbeddedPostgresServer.startOrAttach(data, 0, false, Duration.ofSeconds(60));
  }

  /** Connects with the server's own URL; true if the connection came through a Unix socket. */
  private static boolean viaSocket(EmbeddedPostgresServer pg) throws SQLException {
    try (Connection c = DriverManager.getConnection(pg.jdbcUrl(), pg.username(), "");
        Statement s = c.createStatement();
        ResultSet rs =
            s.executeQuery(
                "select client_addr is null from pg_stat_activity where pid = pg_backend_pid()")) {
      rs.next();
      return rs.getBoolean(1);
    }
  }
}
