package jp.renkei.server.intel;

import jakarta.mail.internet.MimeMessage;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import jp.renkei.server.config.HubProperties;
import jp.renkei.server.config.NotifyProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Tells a publisher, by e-mail to its duty address, that indicators it shared were sighted by other
 * organisations since its last digest: per indicator only how many reports and how many times —
 * never who reported, from which sector, or under which marking (the aggregate the sightings page
 * shows it). One e-mail per organisation and run; nothing is sent when nothing is new.
 */
@Component
class SightingDigest {

  /** Indicators listed in one e-mail; the rest are counted. */
  static final int MAX_LISTED = 50;

  private static final Logger log = LoggerFactory.getLogger(SightingDigest.class);

  /** What one organisation hears: its indicators with new sightings, and where the count ends. */
  record Digest(long organisation, String to, List<Line> lines, long lastSeq) {}

  /** One indicator: its id, its name (or pattern), new reports and the times they counted. */
  record Line(String indicator, String name, long reports, long count) {}

  private final JdbcClient jdbc;
  private final ObjectProvider<JavaMailSender> mail;
  private final NotifyProperties notify;
  private final HubProperties hub;

  SightingDigest(
      JdbcClient jdbc,
      ObjectProvider<JavaMailSender> mail,
      NotifyProperties notify,
      HubProperties hub) {
    this.jdbc = jdbc;
    this.mail = mail;
    this.notify = notify;
    this.hub = hub;
  }

  @Scheduled(
      fixedDelayString = "${renkei.notify.sighting-digest-interval:1h}",
      initialDelayString = "${renkei.notify.sighting-digest-interval:1h}")
  void scheduled() {
    try {
      send();
    } catch (RuntimeException e) {
      log.warn("Sighting digest failed: {}", e.toString());
    }
  }

  /** Sends what is due; returns the digests sent. */
  List<Digest> send() {
    JavaMailSender sender = mail.getIfAvailable();
    List<Digest> sent = new ArrayList<>();
    for (Digest d : due()) {
      if (sender == null) {
        log.warn(
            "Sighting digest for organisation {} not sent: SMTP is not configured",
            d.organisation());
        continue;
      }
      try {
        MimeMessage mime = sender.createMimeMessage();
        MimeMessageHelper h = new MimeMessageHelper(mime, false, "UTF-8");
        h.setFrom(notify.mailFrom());
        h.setTo(d.to());
        h.setSubject("【観測情報】自組織が共有した指標が他組織で検知されました (" + d.lines().size() + " 件)");
        h.setText(text(d));
        sender.send(mime);
      } catch (Exception e) {
        // not marked as sent: the next run tries again with what is new by then
        log.warn(
            "Sighting digest for organisation {} failed: {}",
            d.organisation(),
            jp.renkei.server.advisory.OutboxMail.withoutAddresses(e.toString()));
        continue;
      }
      jdbc.sql(
              "insert into sighting_digest (organisation_id, last_seq) values (?, ?)"
                  + " on conflict (organisation_id) do update set last_seq = excluded.last_seq,"
                  + " sent_at = now()")
          .params(d.organisation(), d.lastSeq())
          .update();
      sent.add(d);
    }
    return sent;
  }

  /**
   * Per publishing organisation with a duty address: its indicators with sightings by other
   * organisations stored after its last digest.
   */
  List<Digest> due() {
    record Row(
        long org, String to, String indicator, String name, long reports, long count, long last) {}
    List<Row> rows =
        jdbc.sql(
                """
                with fresh as (
                  select v.value as indicator, s.seq, s.originator_org as reporter,
                         greatest(1, coalesce((s.body::jsonb ->> 'count')::bigint, 1)) as count
                    from stix_observable v join stix_object s on s.seq = v.seq
                   where v.kind = ?
                ), publisher as (
                  select k.organisation_id as org, k.stix_id
                    from stix_creator k
                   where k.stix_id in (select indicator from fresh)
                     and exists (select 1 from stix_object i where i.stix_id = k.stix_id
                                    and i.originator_org = k.organisation_id
                                    and i.type = 'indicator')
                )
                select p.org, o.duty_email, f.indicator, %s as name,
                       count(*) as reports, sum(f.count) as count, max(f.seq) as last
                  from fresh f
                  join publisher p on p.stix_id = f.indicator
                  join organisation o on o.id = p.org
                  left join sighting_digest d on d.organisation_id = p.org
                 where f.reporter <> p.org and f.seq > coalesce(d.last_seq, 0)
                   and o.duty_email is not null and o.active
                 group by p.org, o.duty_email, f.indicator
                 order by p.org, reports desc, f.indicator
                """
                    .formatted(SightingService.indicatorName("f.indicator", "p.org")))
            .param(IntelService.SIGHTING_OF)
            .query(
                (rs, n) ->
                    new Row(
                        rs.getLong(1),
                        rs.getString(2),
                        rs.getString(3),
                        rs.getString(4),
                        rs.getLong(5),
                        rs.getLong(6),
                        rs.getLong(7)))
            .list();
    Map<Long, List<Row>> byOrg = new LinkedHashMap<>();
    rows.forEach(r -> byOrg.computeIfAbsent(r.org(), k -> new ArrayList<>()).add(r));
    List<Digest> out = new ArrayList<>();
    byOrg.forEach(
        (org, list) ->
            out.add(
                new Digest(
                    org,
                    list.get(0).to(),
                    list.stream()
                        .map(r -> new Line(r.indicator(), r.name(), r.reports(), r.count()))
                        .toList(),
                    list.stream().mapToLong(Row::last).max().orElseThrow())));
    return out;
  }

  private String text(Digest d) {
    StringBuilder sb = new StringBuilder();
    sb.append("自組織が共有した指標について、他組織から観測情報 (サイティング) が報告されました。\n")
        .append("報告した組織や分野は表示しません(集計のみ)。\n")
        .append("Indicators your organisation shared were sighted by other organisations")
        .append(" (in aggregate only: who reported is not shown).\n\n");
    int n = 0;
    for (Line l : d.lines()) {
      if (n++ == MAX_LISTED) {
        sb.append("… ほか ").append(d.lines().size() - MAX_LISTED).append(" 件\n");
        break;
      }
      sb.append("- ")
          .append(l.name() == null ? l.indicator() : l.name())
          .append("\n  ")
          .append(l.indicator())
          .append(": 報告 ")
          .append(l.reports())
          .append(" 件 / 検知 ")
          .append(l.count())
          .append(" 回\n  ")
          .append(link(l.indicator()))
          .append('\n');
    }
    sb.append("\n一覧: ").append(hub.publicUrl()).append("/intel/sightings\n");
    return sb.toString();
  }

  private String link(String indicator) {
    return hub.publicUrl() + "/intel/sightings?indicator=" + indicator;
  }
}
