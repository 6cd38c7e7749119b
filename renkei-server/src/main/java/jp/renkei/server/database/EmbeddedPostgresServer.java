package jp.renkei.server.database;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The zero-setup database: a real PostgreSQL cluster in {@code <data-dir>/postgres}, started from
 * the binaries that ship in the jar, bound to 127.0.0.1 only.
 *
 * <p>If a cluster is already running on that directory (a server started earlier, while this is a
 * CLI command), this attaches to it instead of starting a second one, and leaves it running on
 * {@link #close()}. Only the instance that started the cluster stops it.
 */
public final class EmbeddedPostgresServer implements AutoCloseable {

  static final String DATABASE = "renkei";
  static final String SUPERUSER = "postgres";
  private static final Logger log = LoggerFactory.getLogger(EmbeddedPostgresServer.class);

  private final EmbeddedPostgres started;
  private final int port;

  private EmbeddedPostgresServer(EmbeddedPostgres started, int port) {
    this.started = started;
    this.port = port;
  }

  /**
   * Starts the cluster in {@code dataDir/postgres}, or attaches to the one already running there.
   *
   * @throws StartupFailure with a one-line reason when the directory is unusable or PostgreSQL does
   *     not start
   */
  public static EmbeddedPostgresServer startOrAttach(
      Path dataDir, int port, boolean fsync, Duration startupWait) {
    Path clusterDir = prepareDirectory(dataDir).resolve("postgres");
    Optional<Integer> running = runningPort(clusterDir);
    if (running.isPresent() && answers(running.get())) {
      log.info("Using the embedded PostgreSQL already running on port {}", running.get());
      EmbeddedPostgresServer attached = new EmbeddedPostgresServer(null, running.get());
      attached.ensureDatabase();
      return attached;
    }
    try {
      EmbeddedPostgres pg =
          EmbeddedPostgres.builder()
              .setDataDirectory(clusterDir)
              .setCleanDataDirectory(false)
              .setPort(port == 0 ? freePort() : port)
              .setServerConfig("listen_addresses", "127.0.0.1")
              .setServerConfig("fsync", fsync ? "on" : "off")
              .setServerConfig("synchronous_commit", fsync ? "on" : "off")
              .setServerConfig("max_connections", "100")
              .setLocaleConfig("locale", "C.UTF-8")
              .setOutputRedirector(
                  ProcessBuilder.Redirect.appendTo(dataDir.resolve("postgres.log").toFile()))
              .setErrorRedirector(
                  ProcessBuilder.Redirect.appendTo(dataDir.resolve("postgres.log").toFile()))
              .setPGStartupWait(startupWait)
              .start();
      EmbeddedPostgresServer server = new EmbeddedPostgresServer(pg, pg.getPort());
      server.ensureDatabase();
      log.info("Started embedded PostgreSQL in {} on 127.0.0.1:{}", clusterDir, pg.getPort());
      return server;
    } catch (IOException | RuntimeException e) {
      throw new StartupFailure(
          "embedded PostgreSQL did not start in "
              + clusterDir.toAbsolutePath()
              + ": "
              + rootMessage(e)
              + " (see "
              + dataDir.resolve("postgres.log").toAbsolutePath()
              + ")",
          e);
    }
  }

  public String jdbcUrl() {
    return "jdbc:postgresql://127.0.0.1:" + port + "/" + DATABASE;
  }

  public String username() {
    return SUPERUSER;
  }

  public int port() {
    return port;
  }

  /** Whether this instance started the cluster (and so stops it on close). */
  public boolean owner() {
    return started != null;
  }

  @Override
  public void close() {
    if (started != null) {
      try {
        started.close();
      } catch (IOException e) {
        log.warn("Embedded PostgreSQL did not stop cleanly: {}", e.getMessage());
      }
    }
  }

  private void ensureDatabase() {
    String admin = "jdbc:postgresql://127.0.0.1:" + port + "/postgres";
    try (Connection c = DriverManager.getConnection(admin, SUPERUSER, "");
        Statement s = c.createStatement()) {
      try (ResultSet rs =
          s.executeQuery("select 1 from pg_database where datname = '" + DATABASE + "'")) {
        if (rs.next()) {
          return;
        }
      }
      s.execute("create database " + DATABASE + " encoding 'UTF8' template template0");
    } catch (SQLException e) {
      if (!"42P04".equals(e.getSQLState())) { // another process created it first
        throw new StartupFailure(
            "cannot prepare database '" + DATABASE + "' on the embedded PostgreSQL: " + e, e);
      }
    }
  }

  static Path prepareDirectory(Path dataDir) {
    try {
      Files.createDirectories(dataDir);
    } catch (IOException | SecurityException e) {
      throw new StartupFailure(
          "data directory "
              + dataDir.toAbsolutePath()
              + " cannot be created: "
              + rootMessage(e)
              + " (set --data-dir or RENKEI_DATA_DIR)",
          e);
    }
    Path probe = dataDir.resolve(".write-test");
    try {
      Files.writeString(probe, "ok", StandardCharsets.UTF_8);
      Files.delete(probe);
    } catch (IOException | SecurityException e) {
      throw new StartupFailure(
          "data directory "
              + dataDir.toAbsolutePath()
              + " is not writable (set --data-dir or RENKEI_DATA_DIR)",
          e);
    }
    return dataDir;
  }

  /** The port in postmaster.pid (line 4), if the file is there and well formed. */
  static Optional<Integer> runningPort(Path clusterDir) {
    Path pid = clusterDir.resolve("postmaster.pid");
    if (!Files.isRegularFile(pid)) {
      return Optional.empty();
    }
    try {
      List<String> lines = Files.readAllLines(pid, StandardCharsets.UTF_8);
      return lines.size() >= 4
          ? Optional.of(Integer.parseInt(lines.get(3).trim()))
          : Optional.empty();
    } catch (IOException | NumberFormatException e) {
      return Optional.empty();
    }
  }

  private static boolean answers(int port) {
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress("127.0.0.1", port), 1000);
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  private static int freePort() throws IOException {
    try (java.net.ServerSocket s =
        new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      return s.getLocalPort();
    }
  }

  static String rootMessage(Throwable e) {
    Throwable t = e;
    while (t.getCause() != null && t.getCause() != t) {
      t = t.getCause();
    }
    return t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
  }
}
