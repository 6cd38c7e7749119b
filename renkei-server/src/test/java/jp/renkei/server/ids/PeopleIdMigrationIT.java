package jp.renkei.server.ids;

import static jp.renkei.server.support.MigratedHub.ago;
import static jp.renkei.server.support.MigratedHub.id;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import jp.renkei.server.support.MigratedHub;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * V408 on a hub whose people have sequential ids: every person gets a random id and keeps the old
 * one as legacy_id; everything that named a person follows — foreign keys (tokens, reports,
 * advisories), a TLP:RED report's named recipients (an array without a foreign key) and the search
 * keys that carry a person's id — and a person added afterwards is random too.
 */
class PeopleIdMigrationIT {

  static final long LOW = 1L << 52;
  static final long HIGH = 1L << 53;

  long bank, alice, bob, carol, report, advisory, token;

  @Test
  void everyPersonGetsARandomIdAndWhatNamedThemFollows() {
    MigratedHub.migrate("renkei-pplmig-", "408", this::before, this::after);
  }

  void before(JdbcClient jdbc) {
    bank =
        id(
            jdbc,
            "insert into organisation (code, name_ja, name_en, type_code, sector_code,"
                + " ministry_code) values ('pplmig-bank', '人移行銀行', 'People migration bank',"
                + " 'operator', 'finance', null)");
    String person =
        "insert into app_user (login, display_name, organisation_id, role, password_hash)"
            + " values (?, ?, ?, ?, 'x')";
    alice = id(jdbc, person, "pplmig.alice", "移行 一", bank, "analyst");
    bob = id(jdbc, person, "pplmig.bob", "移行 二", bank, "analyst");
    carol = id(jdbc, person, "pplmig.carol", "移行 三", bank, "org_admin");
    assertThat(List.of(alice, bob, carol)).allMatch(i -> i < LOW);
    token =
        id(
            jdbc,
            "insert into api_token (user_id, name, display_prefix, token_hash, scopes,"
                + " expires_at) values (?, '移行前', 'rk_ppl', 'pplmig-hash', array['read'],"
                + " now() + interval '30 days')",
            alice);
    report =
        id(
            jdbc,
            "insert into report (originator_org_id, originator_user_id, sector_code, route,"
                + " anonymise, tlp, status, created_at, submitted_at, recipient_user_ids)"
                + " values (?, ?, 'finance', 'hotline', false, 'red', 'submitted', ?, ?, ?)",
            bank,
            alice,
            ago(3),
            ago(3),
            new Long[] {bob, carol});
    jdbc.sql(
            "insert into report_version (report_id, version_no, kind, title, summary,"
                + " detected_at, incident_type_code, service_outage, severity_code,"
                + " cascade_possibility, reporting_case_code, created_by)"
                + " values (?, 1, 'first', '人移行の報告', '不審な通信。', now(), 'unavailability',"
                + " 'no', 'level1', 'unknown', 'case2', ?)")
        .params(report, alice)
        .update();
    advisory =
        id(
            jdbc,
            "insert into advisory (issuer_org_id, issuer_user_id, tlp, audience_all, status,"
                + " created_at) values (?, ?, 'green', true, 'active', ?)",
            bank,
            carol,
            ago(1));
    jdbc.sql(
            "insert into advisory_version (advisory_id, version_no, kind, title, body,"
                + " observables, source_report_ids, created_by, created_at, fanned_out_at)"
                + " values (?, 1, 'initial', '人移行の注意喚起', '本文', '[]', '{}', ?, ?, ?)")
        .params(advisory, carol, ago(1), ago(1))
        .update();
  }

  long now(JdbcClient jdbc, long legacy) {
    return jdbc.sql("select id from app_user where legacy_id = ?")
        .param(legacy)
        .query(Long.class)
        .single();
  }

  void after(JdbcClient jdbc) {
    long a = now(jdbc, alice);
    long b = now(jdbc, bob);
    long c = now(jdbc, carol);
    for (long p : new long[] {a, b, c}) {
      assertThat(p).isBetween(LOW, HIGH - 1);
    }
    assertThat(
            jdbc.sql("select count(*) from app_user where id < ?")
                .param(LOW)
                .query(Long.class)
                .single())
        .as("no person keeps a sequential id")
        .isZero();
    assertThat(
            jdbc.sql("select user_id from api_token where id = ? or legacy_id = ?")
                .params(token, token)
                .query(Long.class)
                .single())
        .isEqualTo(a);
    assertThat(
            jdbc.sql("select originator_user_id from report where id = ? or legacy_id = ?")
                .params(report, report)
                .query(Long.class)
                .single())
        .isEqualTo(a);
    Long[] recipients =
        jdbc.sql("select recipient_user_ids from report where id = ? or legacy_id = ?")
            .params(report, report)
            .query((rs, n) -> (Long[]) rs.getArray(1).getArray())
            .single();
    assertThat(recipients).containsExactly(b, c);
    assertThat(
            jdbc.sql("select created_by from report_version where report_id = ?")
                .param(reportNow(jdbc))
                .query(Long.class)
                .single())
        .isEqualTo(a);
    List<String> reportKeys = keys(jdbc, "report_version", "report_id", reportNow(jdbc));
    assertThat(reportKeys).contains("p:" + a, "p:" + b, "p:" + c);
    assertThat(reportKeys).doesNotContain("p:" + alice, "p:" + bob, "p:" + carol);
    assertThat(
            jdbc.sql("select issuer_user_id from advisory where id = ? or legacy_id = ?")
                .params(advisory, advisory)
                .query(Long.class)
                .single())
        .isEqualTo(c);
    List<String> advisoryKeys = keys(jdbc, "advisory_version", "advisory_id", advisoryNow(jdbc));
    assertThat(advisoryKeys).contains("p:" + c).doesNotContain("p:" + carol);

    long fresh =
        jdbc.sql(
                "insert into app_user (login, display_name, organisation_id, role,"
                    + " password_hash) values ('pplmig.new', '新規', ?, 'member', 'x') returning id")
            .param(bank)
            .query(Long.class)
            .single();
    assertThat(fresh).isBetween(LOW, HIGH - 1);
    assertThat(
            jdbc.sql("select legacy_id from app_user where id = ?")
                .param(fresh)
                .query(Long.class)
                .optional())
        .isEmpty();
  }

  long reportNow(JdbcClient jdbc) {
    return jdbc.sql("select id from report where id = ? or legacy_id = ?")
        .params(report, report)
        .query(Long.class)
        .single();
  }

  long advisoryNow(JdbcClient jdbc) {
    return jdbc.sql("select id from advisory where id = ? or legacy_id = ?")
        .params(advisory, advisory)
        .query(Long.class)
        .single();
  }

  static List<String> keys(JdbcClient jdbc, String table, String column, long id) {
    return jdbc.sql("select reach_keys from " + table + " where " + column + " = ?")
        .param(id)
        .query((rs, n) -> Arrays.asList((String[]) rs.getArray(1).getArray()))
        .single();
  }
}
