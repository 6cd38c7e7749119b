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

  @Test
  void everyConnectionNeedsThePasswordAndTcpIsClosedOnceStarted() throws Exception {
    Path data = dir.resolve("locked");
    try (EmbeddedPostgresServer pg = start(data)) {
      Path secret = data.resolve("postgres-password");
      assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(secret)))
          .isEqualTo("rw-------");
      assertThat(Files.readString(secret).strip()).isEqualTo(pg.password()).hasSize(64);
      assertThat(hba(data)).doesNotContain("trust");
      // another local account: no password, or a wrong one, over the socket or TCP
      assertThat(refused(pg.jdbcUrl(), "")).isTrue();
      assertThat(refused(pg.jdbcUrl(), "guess")).isTrue();
      String tcp = "jdbc:postgresql://127.0.0.1:" + pg.port() + "/renkei";
      assertThat(refused(tcp, "")).isTrue();
      // TCP is closed to everyone once the hub has its socket, even with the password
      assertThat(refused(tcp, pg.password())).isTrue();
      assertThat(viaSocket(pg)).isTrue();
      // the binaries come from a directory only the hub's user can write
      Path binaries = data.resolve("postgres-binaries");
      assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(binaries)))
          .isEqualTo("rwx------");
      try (var listing = Files.list(binaries)) {
        assertThat(listing.map(p -> p.getFileName().toString())).anyMatch(n -> n.startsWith("PG-"));
      }
    }
    // and again after a restart
    try (EmbeddedPostgresServer pg = start(data)) {
      assertThat(viaSocket(pg)).isTrue();
      assertThat(refused(pg.jdbcUrl(), "")).isTrue();
    }
  }

  @Test
  void aClusterMadeWithTrustIsGivenThePasswordOnStart() throws Exception {
    Path data = dir.resolve("old");
    Files.createDirectories(data);
    // a data directory as earlier versions made it: initdb -A trust, binaries in the temp dir
    try (var old =
        io.zonky.test.db.postgres.embedded.EmbeddedPostgres.builder()
            .setDataDirectory(data.resolve("postgres"))
            .setCleanDataDirectory(false)
            .setOverrideWorkingDirectory(dir.resolve("old-binaries").toFile())
            .start()) {
      try (Connection c =
          DriverManager.getConnection(
              "jdbc:postgresql://127.0.0.1:" + old.getPort() + "/postgres", "postgres", "")) {
        assertThat(c.isValid(5)).isTrue();
      }
    }
    assertThat(hba(data)).contains("trust");
    try (EmbeddedPostgresServer pg = start(data)) {
      assertThat(hba(data)).doesNotContain("trust");
      assertThat(viaSocket(pg)).isTrue();
      assertThat(refused(pg.jdbcUrl(), "")).isTrue();
    }
  }

  private static String hba(Path data) throws java.io.IOException {
    return Files.readAllLines(data.resolve("postgres/pg_hba.conf")).stream()
        .filter(l -> !l.startsWith("#"))
        .reduce("", (a, b) -> a + b + "\n");
  }

  private static boolean refused(String url, String password) {
    try (Connection c = DriverManager.getConnection(url, "postgres", password)) {
      return !c.isValid(5);
    } catch (SQLException e) {
      return true;
    }
  }

  private static EmbeddedPostgresServer start(Path data) {
    return EmbeddedPostgresServer.startOrAttach(data, 0, false, Duration.ofSeconds(60));
  }

  /** Connects with the server's own URL; true if the connection came through a Unix socket. */
  private static boolean viaSocket(EmbeddedPostgresServer pg) throws SQLException {
    try (Connection c = DriverManager.getConnection(pg.jdbcUrl(), pg.username(), pg.password());
        Statement s = c.createStatement();
        ResultSet rs =
            s.executeQuery(
                "select client_addr is null from pg_stat_activity where pid = pg_backend_pid()")) {
      rs.next();
      return rs.getBoolean(1);
    }
  }
}
