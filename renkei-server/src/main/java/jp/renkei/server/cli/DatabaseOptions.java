package jp.renkei.server.cli;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import picocli.CommandLine.Option;

/**
 * Where the data is, shared by every command that opens the database. Each option has an
 * environment form and can also come from a config file (see docs/configuration.md).
 */
final class DatabaseOptions {

  @Option(
      names = "--data-dir",
      description =
          "Data directory (embedded PostgreSQL lives in <dir>/postgres). Default ./data, env RENKEI_DATA_DIR.")
  Path dataDir;

  @Option(
      names = "--database-url",
      description =
          "JDBC URL of an external PostgreSQL instead of the embedded one. Env RENKEI_DATABASE_URL.")
  String databaseUrl;

  @Option(
      names = "--database-username",
      description =
          "User for the external PostgreSQL. Env RENKEI_DATABASE_USERNAME; the password only from env RENKEI_DATABASE_PASSWORD or a config file.")
  String databaseUsername;

  @Option(names = "--verbose", description = "Print stack traces of failures.")
  boolean verbose;

  Map<String, Object> properties() {
    Map<String, Object> p = new HashMap<>();
    if (dataDir != null) {
      p.put("renkei.data-dir", dataDir.toString());
    }
    if (databaseUrl != null) {
      p.put("renkei.database.url", databaseUrl);
    }
    if (databaseUsername != null) {
      p.put("renkei.database.username", databaseUsername);
    }
    return p;
  }
}
