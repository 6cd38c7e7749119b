package jp.renkei.server.intel;

import java.util.HashMap;
import java.util.Map;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The identities a platform admin has withheld (V398): STIX id to the storing organisation the
 * admin withheld it from the others for. Read whole for each page or check (a hub withholds a
 * handful, usually none), so that a withholding or a release holds from the next read on, on every
 * instance of the hub.
 */
@Repository
class WithheldIdentities {

  private final JdbcClient jdbc;

  WithheldIdentities(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** Every withheld identity's STIX id, with the organisation it was withheld for. */
  Map<String, Long> current() {
    Map<String, Long> out = new HashMap<>();
    jdbc.sql("select stix_id, organisation_id from stix_withheld_identity")
        .query((RowCallbackHandler) rs -> out.put(rs.getString(1), rs.getLong(2)));
    return out;
  }

  /** Withholds {@code stixId} for {@code organisation}; false if it already was. */
  boolean withhold(String stixId, long organisation) {
    return jdbc.sql(
                "insert into stix_withheld_identity (stix_id, organisation_id) values (?, ?)"
                    + " on conflict do nothing")
            .params(stixId, organisation)
            .update()
        == 1;
  }

  /** Releases {@code stixId}; false if it was not withheld. */
  boolean release(String stixId) {
    return jdbc.sql("delete from stix_withheld_identity where stix_id = ?").param(stixId).update()
        == 1;
  }
}
