package jp.renkei.server.database;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.newsclub.net.unix.AFUNIXSocket;
import org.newsclub.net.unix.AFUNIXSocketFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The zero-setup database: a real PostgreSQL cluster in {@code <data-dir>/postgres}, started from
 * the binaries that ship in the jar, bound to 127.0.0.1 only.
 *
 * <p>Nobody else on the machine can use it. Every connection authenticates with SCRAM-SHA-256 as
 * the superuser, with a password the hub generates once and keeps in {@code
 * <data-dir>/postgres-password} (owner-only); pg_hba.conf has no {@code trust} line. A cluster made
 * before this (initdb with trust) gets the password and the new pg_hba.conf at its next start. The
 * binaries are unpacked into {@code <data-dir>/postgres-binaries} (owner-only), not into a shared,
 * world-writable temporary directory where another user could replace them. TCP on 127.0.0.1 is
 * needed while the cluster starts (the library checks readiness over it); once started, when the
 * hub has its socket and no TCP port was configured, pg_hba.conf rejects every TCP connection.
 *
 * <p>The hub itself connects through a Unix-domain socket in {@code <data-dir>/postgres-socket} (a
 * directory only the hub's user may enter): it costs PostgreSQL and the driver about a fifth less
 * CPU than loopback TCP for a page of TAXII objects, and no other local user can use it. Where the
 * platform's socket path limit or the socket library rules that out, TCP is used.
 *
 * <p>If a cluster is already running on that directory (a server started earlier, while this is a
 * CLI command), this attaches to it instead of starting a second one, and leaves it running on
 * {@link #close()}. Only the instance that started the cluster stops it.
 */
public final class EmbeddedPostgresServer implements AutoCloseable {

  static final String DATABASE = "renkei";
  static final String SUPERUSER = "postgres";
  private static final Logger log = LoggerFactory.getLogger(EmbeddedPostgresServer.class);

  /** Where the hub's own connections go: a directory for the socket next to the cluster. */
  static final String SOCKET_DIRECTORY = "postgres-socket";

  /** The superuser's password, generated once, owner-only. */
  static final String PASSWORD_FILE = "postgres-password";

  /** Where the PostgreSQL binaries are unpacked, owner-only. */
  static final String BINARIES_DIRECTORY = "postgres-binaries";

  /** sun_path holds 108 bytes on Linux, the terminating zero included. */
  private static final int MAX_SOCKET_PATH = 107;

  private final EmbeddedPostgres started;
  private final int port;
  private final Path socket; // null: TCP
  private final String password;

  private EmbeddedPostgresServer(EmbeddedPostgres started, int port, Path socket, String password) {
    this.started = started;
    this.port = port;
    this.socket = socket;
    this.password = password;
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
    String password = password(dataDir);
    Optional<Integer> running = runningPort(clusterDir);
    if (running.isPresent() && answers(running.get())) {
      log.info("Using the embedded PostgreSQL already running on port {}", running.get());
      EmbeddedPostgresServer attached =
          new EmbeddedPostgresServer(
              null, running.get(), runningSocket(clusterDir).orElse(null), password);
      attached.ensureDatabase();
      return attached;
    }
    try {
      int chosen = port == 0 ? freePort() : port;
      Optional<Path> socketDir = socketDirectory(dataDir, chosen);
      boolean trusted = Files.isRegularFile(clusterDir.resolve("PG_VERSION")) && trusts(clusterDir);
      if (Files.isRegularFile(clusterDir.resolve("PG_VERSION")) && !trusted) {
        // a TCP-rejecting pg_hba.conf left by the last run: the start-up check needs TCP
        writeHba(clusterDir, true);
      }
      Path passwordFile = dataDir.toAbsolutePath().resolve(PASSWORD_FILE);
      EmbeddedPostgres pg =
          EmbeddedPostgres.builder()
              .setOverrideWorkingDirectory(
                  privateDirectory(dataDir.resolve(BINARIES_DIRECTORY)).toFile())
              .setDataDirectory(clusterDir)
              .setCleanDataDirectory(false)
              // a new cluster: the password from the start, SCRAM for every connection (these
              // follow the library's own "-A trust" on initdb's command line, so they win)
              .setLocaleConfig("pwfile", passwordFile.toString())
              .setLocaleConfig("auth-local", "scram-sha-256")
              .setLocaleConfig("auth-host", "scram-sha-256")
              .setConnectConfig("password", password)
              .setPort(chosen)
              .setServerConfig("listen_addresses", "127.0.0.1")
              // no socket at all rather than PostgreSQL's default, a world-writable /tmp
              .setServerConfig("unix_socket_directories", socketDir.map(Path::toString).orElse(""))
              .setServerConfig("unix_socket_permissions", "0700")
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
      // the library opens its working directory to writes by others (never to entering it):
      // owner-only again
      privateDirectory(dataDir.resolve(BINARIES_DIRECTORY));
      EmbeddedPostgresServer server =
          new EmbeddedPostgresServer(
              pg, pg.getPort(), socketDir.map(d -> socketFile(d, chosen)).orElse(null), password);
      if (trusted) {
        server.upgradeFromTrust(clusterDir);
      }
      if (socketDir.isPresent() && port == 0) {
        writeHba(clusterDir, false);
        server.reloadConfiguration();
      }
      server.ensureDatabase();
      log.info(
          "Started embedded PostgreSQL in {} on 127.0.0.1:{}{}",
          clusterDir,
          pg.getPort(),
          socketDir.map(d -> " and " + socketFile(d, chosen)).orElse(""));
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

  /** The hub's connections: through the socket where there is one, else TCP on 127.0.0.1. */
  public String jdbcUrl() {
    if (socket == null) {
      return "jdbc:postgresql://127.0.0.1:" + port + "/" + DATABASE;
    }
    return "jdbc:postgresql://localhost/"
        + DATABASE
        + "?socketFactory="
        + AFUNIXSocketFactory.FactoryArg.class.getName()
        + "&socketFactoryArg="
        + URLEncoder.encode(socket.toString(), StandardCharsets.UTF_8);
  }

  /** The socket file the hub connects through, if any. */
  public Optional<Path> socket() {
    return Optional.ofNullable(socket);
  }

  public String username() {
    return SUPERUSER;
  }

  /** The superuser's password (from {@code <data-dir>/postgres-password}). */
  public String password() {
    return password;
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

  /** A connection to a database of this cluster, through the socket where there is one. */
  private Connection connect(String database) throws SQLException {
    String url = jdbcUrl().replaceFirst("/" + DATABASE + "(\\?|$)", "/" + database + "$1");
    return DriverManager.getConnection(url, SUPERUSER, password);
  }

  /**
   * A cluster made with {@code initdb -A trust} (before this class set a password): sets the
   * password while the cluster still trusts, then replaces pg_hba.conf.
   */
  private void upgradeFromTrust(Path clusterDir) {
    try (Connection c = connect("postgres");
        Statement s = c.createStatement()) {
      s.execute("set password_encryption = 'scram-sha-256'");
      s.execute("alter role " + SUPERUSER + " password '" + password + "'");
    } catch (SQLException e) {
      throw new StartupFailure("cannot set the embedded PostgreSQL's password: " + e, e);
    }
    writeHba(clusterDir, true);
    reloadConfiguration();
    log.info("The embedded PostgreSQL now requires a password (was trust for local users)");
  }

  private void reloadConfiguration() {
    try (Connection c = connect("postgres");
        Statement s = c.createStatement()) {
      s.execute("select pg_reload_conf()");
    } catch (SQLException e) {
      throw new StartupFailure("cannot reload the embedded PostgreSQL's configuration: " + e, e);
    }
  }

  /** Whether pg_hba.conf lets anyone in without a password ({@code trust}). */
  static boolean trusts(Path clusterDir) {
    try {
      return Files.readAllLines(clusterDir.resolve("pg_hba.conf"), StandardCharsets.UTF_8).stream()
          .map(String::strip)
          .filter(l -> !l.isEmpty() && !l.startsWith("#"))
          .anyMatch(l -> l.matches(".*\\strust(\\s.*)?$"));
    } catch (IOException e) {
      throw new StartupFailure("cannot read " + clusterDir.resolve("pg_hba.conf") + ": " + e, e);
    }
  }

  /** Every connection by password (SCRAM); TCP only while {@code tcp}, else refused. */
  static void writeHba(Path clusterDir, boolean tcp) {
    String host = tcp ? "scram-sha-256" : "reject";
    String hba =
        "# Written by Renkei at every start: every connection gives the password in\n"
            + "# <data-dir>/"
            + PASSWORD_FILE
            + ". TCP is open while the cluster starts and when the hub uses it.\n"
            + "local all all scram-sha-256\n"
            + "local replication all scram-sha-256\n"
            + "host all all 127.0.0.1/32 "
            + host
            + "\nhost all all ::1/128 "
            + host
            + "\nhost replication all 127.0.0.1/32 "
            + host
            + "\n";
    try {
      Files.writeString(clusterDir.resolve("pg_hba.conf"), hba, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new StartupFailure("cannot write " + clusterDir.resolve("pg_hba.conf") + ": " + e, e);
    }
  }

  /** The superuser's password: read from the data directory, or made there (owner-only). */
  static String password(Path dataDir) {
    Path file = dataDir.resolve(PASSWORD_FILE);
    try {
      if (!Files.exists(file)) {
        byte[] random = new byte[32];
        new java.security.SecureRandom().nextBytes(random);
        String fresh = java.util.HexFormat.of().formatHex(random);
        Path tmp = Files.createTempFile(dataDir, ".postgres-password", ".tmp");
        if (tmp.getFileSystem().supportedFileAttributeViews().contains("posix")) {
          Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rw-------"));
        }
        Files.writeString(tmp, fresh + "\n", StandardCharsets.UTF_8);
        try {
          Files.move(tmp, file, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
          Files.deleteIfExists(tmp);
          if (!Files.exists(file)) {
            throw e;
          }
        }
      }
      if (file.getFileSystem().supportedFileAttributeViews().contains("posix")) {
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
      }
      String value = Files.readString(file, StandardCharsets.UTF_8).strip();
      if (value.isEmpty() || !value.matches("[0-9a-f]+")) {
        throw new StartupFailure(file.toAbsolutePath() + " does not hold the database password");
      }
      return value;
    } catch (IOException e) {
      throw new StartupFailure(
          "cannot read or make " + file.toAbsolutePath() + ": " + rootMessage(e), e);
    }
  }

  /** A directory only the hub's user may enter. */
  static Path privateDirectory(Path dir) {
    try {
      Files.createDirectories(dir);
      if (dir.getFileSystem().supportedFileAttributeViews().contains("posix")) {
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwx------"));
      }
      return dir.toAbsolutePath();
    } catch (IOException e) {
      throw new StartupFailure("cannot make " + dir.toAbsolutePath() + ": " + rootMessage(e), e);
    }
  }

  private void ensureDatabase() {
    try (Connection c = connect("postgres");
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

  /**
   * A private directory for the socket of a cluster on {@code port}, if the socket library works
   * here and the socket's path fits the platform's limit.
   */
  static Optional<Path> socketDirectory(Path dataDir, int port) {
    Path dir = dataDir.toAbsolutePath().resolve(SOCKET_DIRECTORY);
    int length = socketFile(dir, port).toString().getBytes(StandardCharsets.UTF_8).length;
    if (length > MAX_SOCKET_PATH) {
      log.info("Data directory path too long for a Unix socket; the hub uses TCP to PostgreSQL");
      return Optional.empty();
    }
    if (!AFUNIXSocket.isSupported()) {
      log.info("Unix sockets are not available here; the hub uses TCP to PostgreSQL");
      return Optional.empty();
    }
    try {
      Files.createDirectories(dir);
      if (dir.getFileSystem().supportedFileAttributeViews().contains("posix")) {
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwx------"));
      }
      return Optional.of(dir);
    } catch (IOException | SecurityException e) {
      log.info("No socket directory {} ({}); the hub uses TCP to PostgreSQL", dir, e.getMessage());
      return Optional.empty();
    }
  }

  static Path socketFile(Path dir, int port) {
    return dir.resolve(".s.PGSQL." + port);
  }

  /** The socket of a running cluster: postmaster.pid names its directory (line 5). */
  static Optional<Path> runningSocket(Path clusterDir) {
    try {
      List<String> lines =
          Files.readAllLines(clusterDir.resolve("postmaster.pid"), StandardCharsets.UTF_8);
      if (lines.size() < 5 || lines.get(4).isBlank() || !AFUNIXSocket.isSupported()) {
        return Optional.empty();
      }
      Path file = socketFile(Path.of(lines.get(4).trim()), Integer.parseInt(lines.get(3).trim()));
      return Files.exists(file) ? Optional.of(file) : Optional.empty();
    } catch (IOException | RuntimeException e) {
      return Optional.empty();
    }
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
