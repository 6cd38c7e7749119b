package jp.renkei.server.exposure;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import jp.renkei.engine.exposure.Knowledge;
import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.migration.Context;
import org.flywaydb.core.api.migration.JavaMigration;
import org.springframework.stereotype.Component;

/**
 * Flyway V252 (a Java migration: the keys are the engine's, not expressible in SQL): each service
 * of an inventory gets the keys the matcher looks it up by ({@link Knowledge#lookupKeys}) in {@code
 * exposure_asset.match_keys}, with a GIN index, so that the services a few new KEV entries can
 * affect are selected by the index ({@code match_keys && keys}) instead of a pattern over every
 * stored CPE. Existing services are filled here; {@link ExposureRepository#replaceInventory} fills
 * new ones. A service whose column is null (written by something that forgot it) is always
 * selected: the pre-selection may only widen.
 */
@Component
class MatchKeysMigration implements JavaMigration {

  @Override
  public MigrationVersion getVersion() {
    return MigrationVersion.fromVersion("252");
  }

  @Override
  public String getDescription() {
    return "exposure asset match keys";
  }

  @Override
  public Integer getChecksum() {
    return 252_001;
  }

  @Override
  public boolean canExecuteInTransaction() {
    return true;
  }

  @Override
  public void migrate(Context context) throws Exception {
    Connection c = context.getConnection();
    try (Statement s = c.createStatement()) {
      s.execute("alter table exposure_asset add column match_keys text[]");
    }
    record Row(long id, List<String> keys) {}
    List<Row> rows = new ArrayList<>();
    try (Statement s = c.createStatement();
        ResultSet rs =
            s.executeQuery(
                "select id, cpe, purl, version from exposure_asset where kind = 'service'")) {
      while (rs.next()) {
        rows.add(
            new Row(
                rs.getLong(1),
                Knowledge.lookupKeys(rs.getString(2), rs.getString(3), rs.getString(4))));
      }
    }
    try (PreparedStatement u =
        c.prepareStatement("update exposure_asset set match_keys = ? where id = ?")) {
      int n = 0;
      for (Row r : rows) {
        Array keys = c.createArrayOf("text", r.keys().toArray());
        u.setArray(1, keys);
        u.setLong(2, r.id());
        u.addBatch();
        if (++n % 1000 == 0) {
          u.executeBatch();
        }
      }
      u.executeBatch();
    }
    try (Statement s = c.createStatement()) {
      s.execute(
          "create index exposure_asset_match_keys on exposure_asset using gin (match_keys)"
              + " where kind = 'service'");
      // the services without keys, always selected, found by an index too (normally none)
      s.execute(
          "create index exposure_asset_no_match_keys on exposure_asset (id)"
              + " where kind = 'service' and match_keys is null");
    }
  }
}
