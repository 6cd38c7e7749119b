package jp.renkei.server.exposure;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import jp.renkei.server.audit.Actor;
import jp.renkei.server.database.Rows;
import jp.renkei.server.failure.NotFound;
import jp.renkei.server.listing.Section;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Notices of KEV CVEs newly matching an organisation's inventory. A notice is addressed to the
 * owning organisation only: it is written for that organisation, listed in its own work queue, and
 * queued in the outbox to that organisation's duty e-mail and webhook — never to a coordinator,
 * whatever the organisation shares (coordinators learn of it only as counts in the sector figures).
 */
@Service
public class ExposureNotices {

  /** A notice as the work queue lists it. */
  public record Notice(
      long id, String cveId, String vulnerabilityName, int findings, Instant createdAt) {}

  private final JdbcClient jdbc;
  private final ExposureAccess access;

  ExposureNotices(JdbcClient jdbc, ExposureAccess access) {
    this.jdbc = jdbc;
    this.access = access;
  }

  /** Pairs (organisation, CVE) written per statement: arrays of this size stay small. */
  private static final int CHUNK = 10_000;

  /**
   * Writes a notice per organisation and newly matching KEV CVE (once: a CVE already noticed is not
   * noticed again) and queues its e-mail and webhook to that organisation. In bulk: one statement
   * per {@value #CHUNK} pairs writes the notices (with their finding counts) and their outbox rows,
   * so the first match of a hub's inventories, where every KEV finding is news, does not pay a
   * round trip per notice.
   *
   * @return how many notices were written
   */
  @Transactional
  public int notify(Map<Long, Set<String>> newlyExposed) {
    List<Long> orgs = new ArrayList<>();
    List<String> cves = new ArrayList<>();
    int n = 0;
    for (var e : newlyExposed.entrySet()) {
      for (String cve : e.getValue()) {
        orgs.add(e.getKey());
        cves.add(cve);
        if (orgs.size() == CHUNK) {
          n += write(orgs, cves);
          orgs.clear();
          cves.clear();
        }
      }
    }
    return orgs.isEmpty() ? n : n + write(orgs, cves);
  }

  private int write(List<Long> orgs, List<String> cves) {
    return jdbc.sql(
            "with wanted (organisation_id, cve_id) as (select * from unnest(?::bigint[], ?::text[])),"
                + " counted as (select f.organisation_id, f.cve_id, count(*) as findings"
                + " from exposure_finding f join wanted w"
                + " on w.organisation_id = f.organisation_id and w.cve_id = f.cve_id"
                + " group by f.organisation_id, f.cve_id),"
                + " written as (insert into exposure_notice (organisation_id, cve_id, findings)"
                + " select w.organisation_id, w.cve_id, coalesce(c.findings, 0) from wanted w"
                + " left join counted c"
                + " on c.organisation_id = w.organisation_id and c.cve_id = w.cve_id"
                + " on conflict (organisation_id, cve_id) do nothing"
                + " returning id, organisation_id),"
                // the owning organisation's own channels, and only its own
                + " queued as (insert into outbox (exposure_notice_id, version_no, organisation_id,"
                + " channel, target, purpose)"
                + " select n.id, 0, o.id, 'email', o.duty_email, 'delivery' from written n"
                + " join organisation o on o.id = n.organisation_id"
                + " where o.active and o.duty_email is not null"
                + " union all select n.id, 0, o.id, 'webhook', o.webhook_url, 'delivery'"
                + " from written n join organisation o on o.id = n.organisation_id"
                + " where o.active and o.webhook_url is not null"
                + " on conflict do nothing)"
                + " select count(*) from written")
        .params(orgs.toArray(Long[]::new), cves.toArray(String[]::new))
        .query(Integer.class)
        .single();
  }

  /** The actor's own organisation's unread notices (the work queue's section). */
  public Section<Notice> open(Actor actor, int show, int cap) {
    if (actor.organisationId() == null) {
      return Section.empty();
    }
    long org = actor.organisationId();
    access.detailOf(actor, org); // the organisation's own details: the policy says so, too
    int count =
        jdbc.sql(
                "select count(*) from (select 1 from exposure_notice where organisation_id = ?"
                    + " and read_at is null limit ?) x")
            .params(org, cap + 1)
            .query(Integer.class)
            .single();
    List<Notice> first =
        show == 0
            ? List.of()
            : jdbc.sql(
                    "select n.id, n.cve_id, k.name as vulnerability_name, n.findings, n.created_at"
                        + " from exposure_notice n left join vuln_kev k on k.cve_id = n.cve_id"
                        + " where n.organisation_id = ? and n.read_at is null"
                        + " order by n.created_at desc, n.id limit ?")
                .params(org, show)
                .query(Rows.of(Notice.class))
                .list();
    return new Section<>(first, Math.min(count, cap), count > cap);
  }

  /**
   * Marks a notice of the actor's own organisation read; any other id (another organisation's, or
   * none) is "not found". The notice keeps its first reader and the first time ({@code read_by},
   * {@code read_at}); every reader is added to its readers with the first time they read it (V270).
   */
  @Transactional
  public String markRead(Actor actor, long id) {
    Long org = actor.organisationId();
    var cve =
        jdbc.sql(
                "update exposure_notice set read_at = coalesce(read_at, now()),"
                    + " read_by = case when read_at is null then ? else read_by end"
                    + " where id = ? and organisation_id = ? returning cve_id")
            .params(actor.userId(), id, org)
            .query(String.class)
            .optional();
    String found = cve.orElseThrow(() -> new NotFound("notice", id));
    if (actor.userId() != null) {
      jdbc.sql(
              "insert into exposure_notice_reader (notice_id, user_id) values (?, ?)"
                  + " on conflict do nothing")
          .params(id, actor.userId())
          .update();
    }
    return found;
  }
}
