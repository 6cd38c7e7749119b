package jp.renkei.server.exposure;

import static java.nio.charset.StandardCharsets.UTF_8;
import static jp.renkei.server.exposure.ExposureIncrementalIT.kev;
import static jp.renkei.server.exposure.ExposureIncrementalIT.kevEntry;
import static jp.renkei.server.exposure.ExposureIncrementalIT.record;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.util.List;
import java.util.Map;
import java.util.Set;
import jp.renkei.server.audit.Actor;
import jp.renkei.server.directory.DirectoryService;
import jp.renkei.server.directory.Organisation;
import jp.renkei.server.directory.Role;
import jp.renkei.server.support.Fixtures;
import jp.renkei.server.support.ServerTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Issue 16: the first match of inventories that were never matched (every KEV finding is news)
 * writes its notices and their outbox rows in bulk ({@link ExposureNotices#notify}); it must write
 * exactly the findings, news, notices and deliveries that matching each organisation on its own
 * would, to the owner's channels alone, and nothing twice.
 */
class ExposureFirstMatchIT extends ServerTest {

  @Autowired KnowledgeService knowledge;
  @Autowired ExposureService exposure;
  @Autowired ExposureNotices notices;
  @Autowired FindingMatcher matcher;
  @Autowired ExposureRepository repository;
  @Autowired DirectoryService directory;
  @Autowired TransactionTemplate tx;
  @Autowired JdbcClient jdbc;

  List<String> rows(String sql, Organisation org) {
    return jdbc.sql(sql).param(org.id()).query(String.class).list();
  }

  /** An organisation's findings without ids, comparable across organisations. */
  List<String> findings(Organisation org) {
    return rows(
        "select a.value || ' ' || a.port || ' ' || f.cve_id || ' ' || f.status || ' ' || f.in_kev"
            + " || ' ' || f.outcome || ' ' || coalesce(f.due_date::text, '-') || ' ' || f.forensic"
            + " || ' ' || f.evidence || ' ' || f.reasons || ' ' || f.first_seen"
            + " from exposure_finding f join exposure_asset a on a.id = f.asset_id"
            + " where f.organisation_id = ? order by 1",
        org);
  }

  /** Its notices with their finding counts. */
  List<String> notices(Organisation org) {
    return rows(
        "select cve_id || ' ' || findings from exposure_notice where organisation_id = ?"
            + " order by 1",
        org);
  }

  /** Its KEV CVEs with their finding counts, from the findings themselves. */
  List<String> kevFindingCounts(Organisation org) {
    return rows(
        "select cve_id || ' ' || count(*) from exposure_finding where organisation_id = ?"
            + " and in_kev group by cve_id order by 1",
        org);
  }

  List<String> deliveries(Organisation org) {
    return rows(
        "select n.cve_id || ' ' || o.organisation_id || ' ' || o.channel || ' ' || o.target"
            + " from outbox o join exposure_notice n on n.id = o.exposure_notice_id"
            + " where n.organisation_id = ? order by 1",
        org);
  }

  @Test
  void theFirstMatchWritesWhatMatchingEachOrganisationAloneWould() {
    String u = Fixtures.unique("f").replaceAll("[^a-z0-9]", "");
    String vendor = "firstinc" + u;
    String affected = ExposureIncrementalIT.cve(); // a record and in KEV: affected, KEV
    String broad = ExposureIncrementalIT.cve(); // in KEV without a record: possible, by name
    String plain = ExposureIncrementalIT.cve(); // a record never in KEV: a finding, no news
    String inventory =
        "kind,value,port,protocol,cpe,purl,criticality\n"
            + "service,portal.example,443,tcp,cpe:2.3:a:"
            + vendor
            + ":portal"
            + u
            + ":2.1:*:*:*:*:*:*:*,,high\n"
            + "service,portal2.example,8443,tcp,cpe:2.3:a:"
            + vendor
            + ":portal"
            + u
            + ":2.2:*:*:*:*:*:*:*,,low\n"
            + "service,edge.example,22,tcp,cpe:2.3:o:"
            + vendor
            + ":edge_os_"
            + u
            + ":7.0:*:*:*:*:*:*:*,,medium\n";
    // mail only; mail and webhook; no address; mail but no longer active; a twin of the first
    Organisation mail = fixtures.operator("water");
    Organisation both = fixtures.operator("finance");
    Organisation none = fixtures.operator("water");
    Organisation gone = fixtures.operator("finance");
    Organisation twin = fixtures.operator("water");
    List<Organisation> all = List.of(mail, both, none, gone, twin);
    directory.setDelivery(Actor.cli(), mail.id(), "duty-" + mail.code() + "@example.test", null);
    directory.setDelivery(Actor.cli(), both.id(), "duty-" + both.code() + "@example.test", null);
    // set directly: setDelivery would resolve the host (the outbound guard); nothing is sent here
    jdbc.sql("update organisation set webhook_url = ? where id = ?")
        .params("https://hooks.example.test/" + both.code(), both.id())
        .update();
    directory.setDelivery(Actor.cli(), gone.id(), "duty-" + gone.code() + "@example.test", null);
    for (Organisation o : all) {
      ExposureService.ImportResult r =
          exposure.importInventory(
              fixtures.actor(fixtures.user(o, Role.ANALYST)),
              "csv",
              "x.csv",
              new ByteArrayInputStream(inventory.getBytes(UTF_8)));
      assertThat(r.ok()).as(r.problems().toString()).isTrue();
      assertThat(findings(o)).isEmpty(); // nothing known about these products yet
    }
    jdbc.sql("update organisation set active = false where id = ?").param(gone.id()).update();

    String portal =
        "\"cpes\":[\"cpe:2.3:a:"
            + vendor
            + ":portal"
            + u
            + ":*:*:*:*:*:*:*:*\"],\"defaultStatus\":\"unaffected\",\"versions\":[{\"version\":"
            + "\"1.0\",\"lessThan\":\"3.0\",\"versionType\":\"custom\",\"status\":\"affected\"}]";
    knowledge.importCve(
        Actor.cli(),
        new ByteArrayInputStream(
            (record(affected, vendor, "Portal " + u, portal)
                    + record(plain, vendor, "Portal " + u, portal))
                .getBytes(UTF_8)));
    knowledge.importKev(
        Actor.cli(),
        new ByteArrayInputStream(
            kev(kevEntry(affected, vendor, "Portal " + u), kevEntry(broad, vendor, "Edge OS " + u))
                .getBytes(UTF_8)));

    // the first match of these inventories: every KEV finding is news
    Map<Long, Set<String>> news = exposure.rematchAllAndNotify();
    for (Organisation o : all) {
      assertThat(news.get(o.id())).containsExactlyInAnyOrder(affected, broad);
      assertThat(findings(o)).hasSize(5).isEqualTo(findings(mail));
      // one notice per KEV CVE, counting that CVE's findings (two portals, one edge)
      assertThat(notices(o))
          .containsExactlyInAnyOrder(affected + " 2", broad + " 1")
          .isEqualTo(kevFindingCounts(o));
    }
    // each to the owner's own channels, active ones only
    assertThat(deliveries(mail))
        .containsExactlyInAnyOrder(
            affected + " " + mail.id() + " email duty-" + mail.code() + "@example.test",
            broad + " " + mail.id() + " email duty-" + mail.code() + "@example.test");
    String hook = "https://hooks.example.test/" + both.code();
    assertThat(deliveries(both))
        .containsExactlyInAnyOrder(
            affected + " " + both.id() + " email duty-" + both.code() + "@example.test",
            broad + " " + both.id() + " email duty-" + both.code() + "@example.test",
            affected + " " + both.id() + " webhook " + hook,
            broad + " " + both.id() + " webhook " + hook);
    assertThat(deliveries(none)).isEmpty();
    assertThat(deliveries(gone)).isEmpty();

    // matching one organisation on its own from nothing writes the same findings and news
    jdbc.sql("delete from exposure_notice where organisation_id = ?").param(twin.id()).update();
    jdbc.sql("delete from exposure_finding where organisation_id = ?").param(twin.id()).update();
    Set<String> alone =
        tx.execute(t -> matcher.rematch(twin.id(), repository.firstSeen(twin.id())));
    assertThat(alone).isEqualTo(news.get(twin.id()));
    assertThat(findings(twin)).isEqualTo(findings(mail));
    assertThat(notices.notify(Map.of(twin.id(), alone))).isEqualTo(2);
    assertThat(notices(twin)).isEqualTo(notices(mail));

    // matched again: the same findings, no news, nothing noticed or queued twice
    List<String> before = findings(both);
    List<String> queued = deliveries(both);
    assertThat(exposure.rematchAllAndNotify())
        .doesNotContainKeys(all.stream().map(Organisation::id).toArray(Long[]::new));
    assertThat(findings(both)).isEqualTo(before);
    assertThat(notices.notify(Map.of(both.id(), Set.of(affected, broad)))).isZero();
    assertThat(deliveries(both)).isEqualTo(queued);
    // a CVE already noticed next to a new one: only the new one is written and queued
    String later = ExposureIncrementalIT.cve();
    assertThat(notices.notify(Map.of(both.id(), Set.of(affected, later)))).isEqualTo(1);
    assertThat(notices(both)).contains(later + " 0").hasSize(3);
    assertThat(deliveries(both)).hasSize(6).contains(later + " " + both.id() + " webhook " + hook);
    // another organisation sees none of it
    assertThat(deliveries(none)).isEmpty();
    assertThat(notices(none)).doesNotContain(later + " 0");
  }
}
