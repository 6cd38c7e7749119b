package jp.renkei.server.ids;

import static jp.renkei.server.support.MigratedHub.ago;
import static jp.renkei.server.support.MigratedHub.id;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import jp.renkei.engine.audit.AuditChain;
import jp.renkei.engine.audit.AuditRecord;
import jp.renkei.engine.stix.StixPublisher;
import jp.renkei.server.RenkeiApplication;
import jp.renkei.server.advisory.AdvisoryService;
import jp.renkei.server.audit.Actor;
import jp.renkei.server.audit.AuditEntry;
import jp.renkei.server.audit.AuditFilter;
import jp.renkei.server.audit.AuditLog;
import jp.renkei.server.directory.Role;
import jp.renkei.server.report.ReportService;
import jp.renkei.server.report.ReportView;
import jp.renkei.server.support.MigratedHub;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * V90 on a hub that already holds data with sequential ids: the database is built at the previous
 * Flyway target (89) and filled with reports (versions, hops, a relay, comments), an advisory
 * citing source reports with its STIX publication, a C4TAP share, a correlation, outbox rows and
 * audit entries naming the old ids; then the hub starts and migrates it.
 */
@SpringBootTest(
    classes = RenkeiApplication.class,
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class IdMigrationIT {

  static final long LOW = 1L << 52;
  static final long HIGH = 1L << 53;
  static UUID advisoriesCollection;
  static final byte[] NAMESPACE = new byte[16];

  /** Ids as the hub had them before V90. */
  static long bank, ceptoar, fsa, nisc, bankAdmin, niscAdmin, niscAnalyst;

  static long r1, r2, r3, r4, a1, c1, corr, outboxRow, stixSeq;
  static final long MISSING_REPORT = 999_999;

  /** Drafts filed one after another before V90, enough that their new ids' order is no chance. */
  static final int BULK_REPORTS = 400;

  @DynamicPropertySource
  static void database(DynamicPropertyRegistry registry) {
    MigratedHub.before(registry, "renkei-idmig-", "90", IdMigrationIT::before);
  }

  /** The hub before V90, built as its own code stored it then. */
  static void before(JdbcClient jdbc) {
    String org =
        "insert into organisation (code, name_ja, name_en, type_code, sector_code, ministry_code)"
            + " values (?, ?, ?, ?, ?, ?)";
    advisoriesCollection =
        jdbc.sql("select id from stix_collection where kind = 'advisories'")
            .query(UUID.class)
            .single();
    bank = id(jdbc, org, "mig-bank", "移行銀行", "Migration bank", "operator", "finance", null);
    ceptoar =
        id(jdbc, org, "mig-ceptoar", "移行セプター", "Migration CEPTOAR", "ceptoar", "finance", null);
    fsa = id(jdbc, org, "mig-fsa", "移行金融庁", "Migration FSA", "ministry", null, "fsa");
    nisc = id(jdbc, org, "mig-nisc", "移行NISC", "Migration NISC", "nisc", null, null);
    jdbc.sql("insert into ceptoar_membership (ceptoar_id, member_id) values (?, ?)")
        .params(ceptoar, bank)
        .update();
    String user =
        "insert into app_user (login, display_name, organisation_id, role, password_hash)"
            + " values (?, ?, ?, ?, 'x')";
    bankAdmin = id(jdbc, user, "bank.admin", "銀行 管理者", bank, "org_admin");
    niscAdmin = id(jdbc, user, "nisc.admin", "NISC 管理者", nisc, "platform_admin");
    niscAnalyst = id(jdbc, user, "nisc.analyst", "NISC 分析官", nisc, "analyst");

    String report =
        "insert into report (originator_org_id, sector_code, route, ceptoar_id, anonymise, tlp,"
            + " status, created_at, submitted_at, presented_originator)"
            + " values (?, 'finance', ?, ?, ?, 'amber', ?, ?, ?, ?)";
    r1 = id(jdbc, report, bank, "ceptoar", ceptoar, false, "submitted", ago(5), ago(5), null);
    r2 = id(jdbc, report, bank, "ceptoar", ceptoar, false, "draft", ago(4), null, null);
    r4 = id(jdbc, report, bank, "ceptoar", ceptoar, true, "submitted", ago(3), ago(3), null);
    r3 = id(jdbc, report, ceptoar, "relay", null, false, "submitted", ago(2), ago(2), "金融分野の事業者");
    for (long r : new long[] {r1, r2, r4, r3}) {
      jdbc.sql(
              "insert into report_version (report_id, version_no, kind, title, summary,"
                  + " detected_at, incident_type_code, service_outage, severity_code,"
                  + " cascade_possibility, reporting_case_code)"
                  + " values (?, 1, 'first', ?, '大量アクセスを検知。', now(), 'unavailability',"
                  + " 'yes', 'level3', 'unknown', 'case2')")
          .params(r, "移行前の報告 " + r)
          .update();
    }
    jdbc.sql(
            "insert into report (originator_org_id, sector_code, route, ceptoar_id, anonymise,"
                + " tlp, status, created_at) select ?, 'finance', 'ceptoar', ?, false, 'amber',"
                + " 'draft', now() - (? - g) * interval '1 minute' from generate_series(1, ?) g")
        .params(bank, ceptoar, BULK_REPORTS, BULK_REPORTS)
        .update();
    jdbc.sql(
            "insert into report_version (report_id, version_no, kind, title, summary,"
                + " detected_at, incident_type_code, service_outage, severity_code,"
                + " cascade_possibility, reporting_case_code)"
                + " select id, 1, 'first', '下書き ' || id, '不審な通信。', now(), 'unavailability',"
                + " 'no', 'level1', 'unknown', 'case2' from report where id > ?")
        .param(r3)
        .update();
    String hop =
        "insert into report_hop (report_id, hop_order, kind, recipient_org_id, delivered_at,"
            + " forwarded_at, relayed_as_report_id) values (?, ?, ?, ?, now(), ?, ?)";
    Timestamp now = Timestamp.from(Instant.now());
    jdbc.sql(hop).params(r1, 1, "ceptoar", ceptoar, now, null).update();
    jdbc.sql(hop).params(r1, 2, "ministry", fsa, now, null).update();
    jdbc.sql(hop).params(r1, 3, "nisc", nisc, null, null).update();
    jdbc.sql(hop).params(r4, 1, "ceptoar", ceptoar, now, r3).update();
    jdbc.sql(hop).params(r3, 1, "ministry", fsa, now, null).update();
    jdbc.sql(hop).params(r3, 2, "nisc", nisc, null, null).update();
    jdbc.sql("insert into report_comment (report_id, org_id, body) values (?, ?, '確認しました')")
        .params(r1, ceptoar)
        .update();

    a1 =
        id(
            jdbc,
            "insert into advisory (issuer_org_id, issuer_user_id, tlp, audience_all, status,"
                + " created_at) values (?, ?, 'green', true, 'active', ?)",
            nisc,
            niscAnalyst,
            ago(1));
    jdbc.sql(
            "insert into advisory_version (advisory_id, version_no, kind, title, body,"
                + " observables, source_report_ids, created_by, created_at, fanned_out_at)"
                + " values (?, 1, 'initial', '注意喚起', '本文', '[\"domain-name evil.example\"]',"
                + " ?, ?, ?, ?)")
        .params(a1, new Long[] {r1, MISSING_REPORT, r3}, niscAnalyst, ago(1), ago(1))
        .update();
    jdbc.sql(
            "insert into advisory_recipient (advisory_id, organisation_id, level, delivered_at,"
                + " version_no) values (?, ?, 'operator', now(), 1)")
        .params(a1, bank)
        .update();
    outboxRow =
        id(
            jdbc,
            "insert into outbox (advisory_id, version_no, organisation_id, channel, target,"
                + " purpose, status, sent_at) values (?, 1, ?, 'email', 'duty@bank.invalid',"
                + " 'delivery', 'sent', now())",
            a1,
            bank);

    // the advisory as the hub published it: its report object, under the old id's STIX id
    new java.security.SecureRandom().nextBytes(NAMESPACE);
    jdbc.sql("insert into hub_secret (name, value) values ('stix-namespace', ?)")
        .param(NAMESPACE)
        .update();
    String stixId = advisoryReport(a1);
    Instant published = Instant.now().minus(1, ChronoUnit.HOURS).truncatedTo(ChronoUnit.MILLIS);
    long us = ChronoUnit.MICROS.between(Instant.EPOCH, published);
    stixSeq =
        jdbc.sql(
                "insert into stix_object (collection_id, stix_id, type, spec_version, version,"
                    + " date_added, tlp, originator_org, body, source_advisory, version_us,"
                    + " added_us, granular) values (?, ?, 'report', '2.1', ?, ?, 'GREEN', ?, ?,"
                    + " ?, ?, ?, false) returning seq")
            .params(
                advisoriesCollection,
                stixId,
                Timestamp.from(published),
                Timestamp.from(published),
                nisc,
                "{\"type\":\"report\",\"spec_version\":\"2.1\",\"id\":\"" + stixId + "\"}",
                a1,
                us,
                us)
            .query(Long.class)
            .single();
    jdbc.sql("insert into stix_creator (stix_id, organisation_id) values (?, ?)")
        .params(stixId, nisc)
        .update();

    c1 =
        id(
            jdbc,
            "insert into c4tap_submission (originator_org, range_code, status, shared_at, subject,"
                + " verdict, score, report, removed, bundle) values (?, 'AMBER', 'shared', now(),"
                + " '請求書', 'suspicious', 50, '{}', '{}', '{}')",
            bank);
    corr =
        id(
            jdbc,
            "insert into correlation (kind, value, member_count, org_count) values"
                + " ('domain-name', 'evil.example', 1, 1)");
    jdbc.sql("insert into correlation_member (correlation_id, seq) values (?, ?)")
        .params(corr, stixSeq)
        .update();

    // audit entries naming the old ids, chained as AuditLog chains them
    List<Object[]> entries =
        List.of(
            new Object[] {"web:bank.admin", bank, "report.create", "report", r1},
            new Object[] {"web:bank.admin", bank, "report.create", "report", r2},
            new Object[] {"web:bank.admin", bank, "advisory.acknowledge", "advisory", a1},
            new Object[] {"web:bank.admin", bank, "c4tap.share", "c4tap_submission", c1},
            new Object[] {"publish:advisory-" + a1, nisc, "stix.publish", null, null});
    String prev = AuditChain.GENESIS;
    long seq = 0;
    for (Object[] e : entries) {
      seq++;
      Instant at = Instant.now().truncatedTo(ChronoUnit.MICROS);
      String target = e[4] == null ? null : String.valueOf(e[4]);
      AuditRecord rec =
          new AuditRecord(
              seq,
              at,
              (String) e[0],
              (Long) e[1],
              (String) e[2],
              (String) e[3],
              target,
              "success",
              null,
              null);
      String hash = AuditChain.hash(prev, rec);
      jdbc.sql(
              "insert into audit_event (seq, occurred_at, actor, actor_org_id, action, target_type,"
                  + " target_id, outcome, detail, client_address, prev_hash, hash)"
                  + " values (?, ?, ?, ?, ?, ?, ?, 'success', null, null, ?, ?)")
          .params(seq, at.atOffset(ZoneOffset.UTC), e[0], e[1], e[2], e[3], target, prev, hash)
          .update();
      prev = hash;
    }
  }

  static String advisoryReport(long key) {
    ByteBuffer b = ByteBuffer.wrap(NAMESPACE);
    return "report--" + StixPublisher.uuid5(new UUID(b.getLong(), b.getLong()), "advisory:" + key);
  }

  @Autowired JdbcClient jdbc;
  @Autowired ReportService reports;
  @Autowired AdvisoryService advisories;
  @Autowired AuditLog audit;

  long now(String table, long legacy) {
    return jdbc.sql("select id from " + table + " where legacy_id = ?")
        .param(legacy)
        .query(Long.class)
        .single();
  }

  /** The person made before V90 as they are now: V408 gave people random ids too. */
  Actor actor(long user, String login, long org, Role role) {
    long now =
        jdbc.sql("select id from app_user where legacy_id = ?")
            .param(user)
            .query(Long.class)
            .single();
    return new Actor(now, login, org, role, "web", "127.0.0.1");
  }

  @Test
  void everyRowGetsARandomIdAndKeepsItsOldOneAsLegacy() {
    for (String table : List.of("report", "advisory", "c4tap_submission", "correlation")) {
      List<long[]> rows =
          jdbc.sql("select id, legacy_id from " + table)
              .query((rs, i) -> new long[] {rs.getLong(1), rs.getLong(2)})
              .list();
      assertThat(rows).as(table).isNotEmpty();
      for (long[] r : rows) {
        assertThat(r[0]).as(table).isBetween(LOW, HIGH - 1).isNotEqualTo(r[1]);
        assertThat(r[1]).as(table).isLessThan(LOW);
      }
    }
    List<Long> newReports =
        List.of(now("report", r1), now("report", r2), now("report", r4), now("report", r3));
    assertThat(newReports).doesNotHaveDuplicates();
  }

  @Test
  void newIdsSayNothingOfTheOrderTheRowsWereFiledIn() {
    // every report, in the order the old sequence numbered them: 404 rows, the bulk drafts last
    List<Long> inFilingOrder =
        jdbc.sql("select id from report order by legacy_id").query(Long.class).list();
    int n = inFilingOrder.size();
    assertThat(n).isEqualTo(4 + BULK_REPORTS);
    // ids derived from the sequence (offset, scaled, or a sequence with noise) rise from one row
    // to the next nearly always; random ones about half the time (mean 201.5 of 403, standard
    // deviation 5.8 — 40% or 60% is seven deviations away, never reached by chance)
    int rising = 0;
    for (int i = 1; i < n; i++) {
      if (inFilingOrder.get(i) > inFilingOrder.get(i - 1)) {
        rising++;
      }
    }
    assertThat(rising)
        .as("ids rising from one filed row to the next")
        .isBetween(n * 2 / 5, n * 3 / 5);
    // and no trend over the whole run either (a sequence plus large noise passes the pair count):
    // the rank correlation of filing order and new id is near 0 (standard deviation 0.05)
    List<Long> sorted = inFilingOrder.stream().sorted().toList();
    double sumSquares = 0;
    for (int i = 0; i < n; i++) {
      double d = i - sorted.indexOf(inFilingOrder.get(i));
      sumSquares += d * d;
    }
    double spearman = 1 - 6 * sumSquares / ((double) n * ((double) n * n - 1));
    assertThat(spearman).as("rank correlation of filing order and new id").isBetween(-0.3, 0.3);
  }

  @Test
  void everyForeignKeyFollowsTheNewIds() {
    long nr1 = now("report", r1);
    long nr3 = now("report", r3);
    long nr4 = now("report", r4);
    long na1 = now("advisory", a1);
    assertThat(
            jdbc.sql("select count(*) from report_version where report_id = ?")
                .param(nr1)
                .query(Long.class)
                .single())
        .isEqualTo(1);
    assertThat(
            jdbc.sql("select count(*) from report_hop where report_id = ?")
                .param(nr1)
                .query(Long.class)
                .single())
        .isEqualTo(3);
    assertThat(
            jdbc.sql("select relayed_as_report_id from report_hop where report_id = ?")
                .param(nr4)
                .query(Long.class)
                .single())
        .isEqualTo(nr3);
    assertThat(jdbc.sql("select report_id from report_comment").query(Long.class).list())
        .containsExactly(nr1);
    assertThat(jdbc.sql("select advisory_id from advisory_recipient").query(Long.class).list())
        .containsExactly(na1);
    assertThat(
            jdbc.sql("select source_advisory from stix_object where seq = ?")
                .param(stixSeq)
                .query(Long.class)
                .single())
        .isEqualTo(na1);
    assertThat(jdbc.sql("select correlation_id from correlation_member").query(Long.class).list())
        .containsExactly(now("correlation", corr));
    // no row still names an old id through a foreign key
    assertThat(
            jdbc.sql(
                    "select count(*) from report_hop where report_id < ?"
                        + " or relayed_as_report_id < ?")
                .params(LOW, LOW)
                .query(Long.class)
                .single())
        .isZero();

    // and the features read it: the coordinator sees the report with its comment
    ReportView seen = reports.view(actor(niscAnalyst, "nisc.analyst", nisc, Role.ANALYST), nr1);
    assertThat(seen.id()).isEqualTo(nr1);
    assertThat(seen.comments()).hasSize(1);
  }

  @Test
  void sourceReportsAreMappedThroughTheirOldIds() {
    Long[] sources =
        jdbc.sql("select source_report_ids from advisory_version where advisory_id = ?")
            .param(now("advisory", a1))
            .query((rs, i) -> (Long[]) rs.getArray(1).getArray())
            .single();
    // in order; an id that named no report stays as it was
    assertThat(Arrays.asList(sources))
        .containsExactly(now("report", r1), MISSING_REPORT, now("report", r3));
  }

  @Test
  void existingOutboxRowsKeepTheirIdempotencyKeysAndNewOnesAreRandom() {
    assertThat(
            jdbc.sql("select count(*) from outbox where id = ?")
                .param(outboxRow)
                .query(Long.class)
                .single())
        .isEqualTo(1);
    long fresh =
        jdbc.sql(
                "insert into outbox (advisory_id, version_no, organisation_id, channel, target,"
                    + " purpose, status) values (?, 1, ?, 'email', 'x@bank.invalid', 'reminder',"
                    + " 'failed') returning id")
            .params(now("advisory", a1), bank)
            .query(Long.class)
            .single();
    assertThat(fresh).isBetween(LOW, HIGH - 1);
  }

  @Test
  void theNextAdvisoryVersionRepublishesUnderTheSameStixIds() {
    long na1 = now("advisory", a1);
    assertThat(advisories.stixKey(na1)).isEqualTo(a1);
    advisories.addVersion(
        actor(niscAnalyst, "nisc.analyst", nisc, Role.ANALYST),
        na1,
        "update",
        "注意喚起 (更新)",
        "本文を更新",
        null,
        null,
        null);
    String old = advisoryReport(a1);
    List<String> reportIds =
        jdbc.sql(
                "select stix_id from stix_object where collection_id = ? and type = 'report'"
                    + " and source_advisory = ?")
            .params(advisoriesCollection, na1)
            .query(String.class)
            .list();
    // the first stored copy and the new version of the same object: no second report object
    assertThat(reportIds).hasSize(2).containsOnly(old);
    List<String> ids =
        jdbc.sql("select distinct stix_id from stix_object where source_advisory = ?")
            .param(na1)
            .query(String.class)
            .list();
    String underNewId = advisoryReport(na1).substring("report--".length());
    assertThat(ids).noneMatch(s -> s.endsWith(underNewId));
    // the STIX export of a report uses its old key as well
    assertThat(reports.stixKey(now("report", r1))).isEqualTo(r1);
  }

  @Test
  void entriesWrittenBeforeTheMigrationAreShownToWhoMaySeeTheirObjectsAndTheChainHolds() {
    assertThat(audit.verify().intact()).isTrue();
    AuditFilter all = new AuditFilter(null, null, null, null, null, null, 500);
    List<String> bankSees =
        targets(audit.search(actor(bankAdmin, "bank.admin", bank, Role.ORG_ADMIN), all));
    // the bank's admin sees its own report, its draft, the advisory it acknowledged, its share
    assertThat(bankSees)
        .contains("report:" + r1, "report:" + r2, "advisory:" + a1, "c4tap_submission:" + c1);
    List<String> niscSees =
        targets(audit.search(actor(niscAdmin, "nisc.admin", nisc, Role.PLATFORM_ADMIN), all));
    // the platform admin sees the report delivered to it, never the bank's draft
    assertThat(niscSees).contains("report:" + r1, "stix.publish").doesNotContain("report:" + r2);
    assertThat(audit.verify().intact()).isTrue();
  }

  static List<String> targets(List<AuditEntry> entries) {
    List<String> out = new ArrayList<>();
    for (AuditEntry e : entries) {
      out.add(e.targetType() == null ? e.action() : e.targetType() + ":" + e.targetId());
    }
    return out;
  }
}
