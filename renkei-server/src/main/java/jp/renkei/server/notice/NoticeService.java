package jp.renkei.server.notice;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import jp.renkei.engine.notice.Cidr;
import jp.renkei.engine.notice.Outcome;
import jp.renkei.engine.notice.RangeRegistry;
import jp.renkei.server.audit.Actor;
import jp.renkei.server.audit.AuditLog;
import jp.renkei.server.audit.AuditLog.Detail;
import jp.renkei.server.directory.Role;
import jp.renkei.server.failure.FieldErrors;
import jp.renkei.server.failure.Forbidden;
import jp.renkei.server.failure.InvalidInput;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The NOTICE flow: the ISP range registry, observations becoming notifications to whoever holds the
 * address (the operator whose verified scope contains it, else the ISP holding the most specific
 * range), the holder's 注意喚起 and outcome, and reminders. Reads go through {@link NoticeAccess}.
 */
@Service
public class NoticeService {

  static final ZoneId JST = ZoneId.of("Asia/Tokyo");

  /** The result of a submission. */
  public record Submitted(long surveyId, int observations, int notified, int unrouted) {}

  /** The result of a range import. */
  public record RangesImported(int ranges, int isps) {}

  /** Who holds an address. */
  record Holder(long organisationId, String kind) {}

  private final JdbcClient jdbc;
  private final NoticeAccess access;
  private final AuditLog audit;
  private final NoticeProperties props;

  NoticeService(JdbcClient jdbc, NoticeAccess access, AuditLog audit, NoticeProperties props) {
    this.props = props;
    this.jdbc = jdbc;
    this.access = access;
    this.audit = audit;
  }

  static InvalidInput refusal(List<NoticeFiles.Problem> problems) {
    FieldErrors errors = new FieldErrors();
    for (NoticeFiles.Problem p : problems) {
      errors.add(
          new InvalidInput(
              p.field() == null ? "file" : p.field(),
              "notice.error.problem",
              p.where(),
              p.field() == null ? "-" : p.field(),
              p.reason()));
    }
    try {
      errors.throwIfAny();
    } catch (InvalidInput e) {
      return e;
    }
    throw new IllegalStateException("no problems");
  }

  static String text(java.io.InputStream in) {
    try {
      return NoticeFiles.text(in);
    } catch (NoticeFiles.TooLarge e) {
      throw new InvalidInput("file", "notice.error.too-large", NoticeFiles.MAX_BYTES);
    } catch (NoticeFiles.NotUtf8 e) {
      throw new InvalidInput("file", "notice.error.not-utf8");
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  // ---------------------------------------------------------------- registry

  /**
   * Imports the range registry (platform admins): the ranges of every ISP named in the file are
   * replaced by the file's. All or nothing.
   */
  @Transactional
  public RangesImported importRanges(Actor actor, java.io.InputStream csv) {
    if (!actor.is(Role.PLATFORM_ADMIN)) {
      throw new Forbidden("error.forbidden");
    }
    NoticeFiles.Read<NoticeFiles.RangeRow> read = NoticeFiles.ranges(text(csv));
    List<NoticeFiles.Problem> problems = new ArrayList<>(read.problems());
    Map<String, Long> orgs = new HashMap<>();
    jdbc.sql("select code, id from organisation where active")
        .query(
            (rs, i) -> {
              orgs.put(rs.getString(1), rs.getLong(2));
              return null;
            })
        .list();
    Map<Cidr, Long> seen = new HashMap<>();
    Set<Long> isps = new HashSet<>();
    for (NoticeFiles.RangeRow r : read.rows()) {
      Long id = orgs.get(r.ispCode());
      if (id == null) {
        problems.add(
            new NoticeFiles.Problem(
                "line " + r.line(),
                "isp",
                "no active organisation " + NoticeFiles.clip(r.ispCode())));
        continue;
      }
      if (seen.putIfAbsent(r.cidr(), r.line()) != null) {
        problems.add(
            new NoticeFiles.Problem(
                "line " + r.line(),
                "cidr",
                r.cidr() + " is listed twice (first on line " + seen.get(r.cidr()) + ")"));
        continue;
      }
      isps.add(id);
    }
    if (problems.isEmpty()) {
      Map<String, Long> heldElsewhere = new HashMap<>();
      jdbc.sql("select cidr, isp_id from notice_range where not (isp_id = any(?))")
          .param(isps.toArray(Long[]::new))
          .query(
              (rs, i) -> {
                heldElsewhere.put(rs.getString(1), rs.getLong(2));
                return null;
              })
          .list();
      for (NoticeFiles.RangeRow r : read.rows()) {
        if (heldElsewhere.containsKey(r.cidr().toString())) {
          problems.add(
              new NoticeFiles.Problem(
                  "line " + r.line(), "cidr", r.cidr() + " is held by an ISP not in this file"));
        }
      }
    }
    if (!problems.isEmpty()) {
      throw refusal(problems);
    }
    long importId =
        jdbc.sql(
                "insert into notice_range_import (ranges, isps, imported_by) values (?, ?, ?) returning id")
            .params(read.rows().size(), isps.size(), actor.auditName())
            .query(Long.class)
            .single();
    jdbc.sql("delete from notice_range where isp_id = any(?)")
        .param(isps.toArray(Long[]::new))
        .update();
    for (NoticeFiles.RangeRow r : read.rows()) {
      jdbc.sql("insert into notice_range (isp_id, cidr, import_id) values (?, ?, ?)")
          .params(orgs.get(r.ispCode()), r.cidr().toString(), importId)
          .update();
    }
    // 参加ISP数: an ISP takes part from the first import that names it
    for (Long isp : isps) {
      jdbc.sql("insert into notice_participation (isp_id) values (?) on conflict do nothing")
          .param(isp)
          .update();
    }
    audit.record(
        actor,
        AuditLog.Event.success(
            "notice.ranges.import",
            "notice_range_import",
            importId,
            Detail.of("notice.ranges.import", read.rows().size())));
    return new RangesImported(read.rows().size(), isps.size());
  }

  /** Lets an organisation submit observations as a survey operator or partner (platform admins). */
  @Transactional
  public void addReporter(Actor actor, String orgCode, String source) {
    if (!actor.is(Role.PLATFORM_ADMIN)) {
      throw new Forbidden("error.forbidden");
    }
    if (!source.equals("survey") && !source.equals("partner")) {
      throw new InvalidInput("source", "notice.error.source", source);
    }
    Long org =
        jdbc.sql("select id from organisation where code = ?")
            .param(orgCode)
            .query(Long.class)
            .optional()
            .orElseThrow(
                () -> new InvalidInput("organisation", "notice.error.organisation", orgCode));
    jdbc.sql(
            "insert into notice_reporter (organisation_id, source) values (?, ?)"
                + " on conflict (organisation_id) do update set source = excluded.source")
        .params(org, source)
        .update();
    audit.record(
        actor,
        AuditLog.Event.success(
            "notice.reporter", "organisation", org, Detail.of("notice.reporter", source)));
  }

  /** The registry of holders: verified ranges of operators first, then the ISPs' ranges. */
  record Holders(RangeRegistry<Holder> operators, RangeRegistry<Holder> isps) {
    Optional<RangeRegistry.Match<Holder>> of(java.net.InetAddress a) {
      Optional<RangeRegistry.Match<Holder>> m = operators.lookup(a);
      return m.isPresent() ? m : isps.lookup(a);
    }
  }

  Holders holders() {
    return holders(null);
  }

  /**
   * @param scopeOwner for the hub's own checks: only this organisation's verified ranges (the scope
   *     the check ran in), never another's or an ISP's; null for everyone's
   */
  Holders holders(Long scopeOwner) {
    RangeRegistry<Holder> ops = new RangeRegistry<>();
    jdbc.sql(
            "select organisation_id, value from exposure_scope"
                + " where kind = 'range' and verified_at is not null"
                + " and (cast(? as bigint) is null or organisation_id = ?) order by verified_at")
        .params(scopeOwner, scopeOwner)
        .query(
            (rs, i) -> {
              ops.put(Cidr.parse(rs.getString(2)), new Holder(rs.getLong(1), "operator"));
              return null;
            })
        .list();
    RangeRegistry<Holder> isps = new RangeRegistry<>();
    jdbc.sql("select isp_id, cidr from notice_range where cast(? as bigint) is null")
        .param(scopeOwner)
        .query(
            (rs, i) -> {
              isps.put(Cidr.parse(rs.getString(2)), new Holder(rs.getLong(1), "isp"));
              return null;
            })
        .list();
    return new Holders(ops, isps);
  }

  // ---------------------------------------------------------------- observations

  /**
   * Observations from a survey operator or partner (an organisation added as reporter), CSV or
   * JSON. All or nothing; each observation whose address someone holds becomes a notification.
   *
   * @param surveyed addresses surveyed (CSV: given with the upload; JSON: its field), default the
   *     number of distinct addresses observed
   */
  @Transactional
  public Submitted submit(
      Actor actor, String format, String label, Long surveyed, java.io.InputStream body) {
    String source =
        actor.organisationId() == null || !actor.is(Role.ANALYST)
            ? null
            : jdbc.sql("select source from notice_reporter where organisation_id = ?")
                .param(actor.organisationId())
                .query(String.class)
                .optional()
                .orElse(null);
    if (source == null) {
      throw new Forbidden("notice.error.not-reporter");
    }
    String text = text(body);
    NoticeFiles.Read<NoticeFiles.Observation> read;
    if ("json".equals(format)) {
      NoticeFiles.JsonSubmission j = NoticeFiles.observationsJson(text);
      read = j.observations();
      label = label == null ? j.label() : label;
      surveyed = surveyed == null ? j.surveyed() : surveyed;
    } else if ("csv".equals(format)) {
      read = NoticeFiles.observationsCsv(text);
    } else {
      throw new InvalidInput("format", "notice.error.format", String.valueOf(format));
    }
    if (!read.ok()) {
      throw refusal(read.problems());
    }
    if (label != null
        && (label.length() > 200 || label.chars().anyMatch(Character::isISOControl))) {
      throw new InvalidInput("label", "notice.error.label");
    }
    return store(actor, actor.organisationId(), source, label, surveyed, read.rows(), null);
  }

  /**
   * Observations of the hub's own checks (discovery): routed as any others, but an exposure the hub
   * already notified (same address, port and protocol) is left out while that notification is open
   * or was answered with anything but "remediated" — no duplicates from one enumeration to the
   * next. Routed to the organisation whose verified scope the check ran in ({@code scopeOwner}).
   */
  @Transactional
  public Submitted submitFromHub(
      Actor actor, long scopeOwner, String label, List<NoticeFiles.Observation> rows) {
    Set<String> known =
        new HashSet<>(
            jdbc.sql(
                    "select n.address || '|' || coalesce(n.port, 0) || '|' || coalesce(n.protocol, '')"
                        + " from notice n join notice_survey s on s.id = n.survey_id"
                        + " where s.source = 'hub' and n.holder_id = ?"
                        + " and (n.outcome is null or n.outcome <> 'remediated')")
                .param(scopeOwner)
                .query(String.class)
                .list());
    List<NoticeFiles.Observation> fresh = new ArrayList<>();
    for (NoticeFiles.Observation o : rows) {
      String key =
          com.google.common.net.InetAddresses.toAddrString(o.address())
              + "|"
              + (o.port() == null ? 0 : o.port())
              + "|"
              + (o.protocol() == null ? "" : o.protocol());
      if (known.add(key)) {
        fresh.add(o);
      }
    }
    if (fresh.isEmpty()) {
      return new Submitted(0, 0, 0, 0);
    }
    return store(actor, null, "hub", label, null, fresh, scopeOwner);
  }

  private Submitted store(
      Actor actor,
      Long reporter,
      String source,
      String label,
      Long surveyed,
      List<NoticeFiles.Observation> rows,
      Long scopeOwner) {
    Set<String> distinct = new HashSet<>();
    for (NoticeFiles.Observation o : rows) {
      distinct.add(o.address().getHostAddress());
    }
    long surveyedCount = surveyed == null ? distinct.size() : surveyed;
    if (surveyedCount < distinct.size()) {
      throw new InvalidInput("surveyed", "notice.error.surveyed", surveyedCount, distinct.size());
    }
    LocalDate month =
        rows.stream()
            .map(o -> o.observedAt().atZone(JST).toLocalDate().withDayOfMonth(1))
            .max(LocalDate::compareTo)
            .orElse(LocalDate.now(JST).withDayOfMonth(1));
    Holders holders = holders(scopeOwner);
    long surveyId =
        jdbc.sql(
                "insert into notice_survey (reporter_id, source, label, surveyed, month, notified,"
                    + " unrouted, submitted_by) values (?, ?, ?, ?, ?, 0, 0, ?) returning id")
            .params(reporter, source, label, surveyedCount, month, actor.auditName())
            .query(Long.class)
            .single();
    int notified = 0;
    int unrouted = 0;
    for (NoticeFiles.Observation o : rows) {
      Optional<RangeRegistry.Match<Holder>> m = holders.of(o.address());
      if (m.isEmpty()) {
        unrouted++;
        continue;
      }
      jdbc.sql(
              "insert into notice (survey_id, holder_id, holder_kind, matched_range, address, port,"
                  + " protocol, observed_at, observation, month) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
          .params(
              surveyId,
              m.get().holder().organisationId(),
              m.get().holder().kind(),
              m.get().range().toString(),
              com.google.common.net.InetAddresses.toAddrString(o.address()),
              o.port(),
              o.protocol(),
              Timestamp.from(o.observedAt()),
              o.text(),
              o.observedAt().atZone(JST).toLocalDate().withDayOfMonth(1))
          .update();
      notified++;
    }
    jdbc.sql("update notice_survey set notified = ?, unrouted = ? where id = ?")
        .params(notified, unrouted, surveyId)
        .update();
    audit.record(
        actor,
        AuditLog.Event.success(
            "notice.submit",
            "notice_survey",
            surveyId,
            Detail.of("notice.submit", notified, unrouted)));
    return new Submitted(surveyId, rows.size(), notified, unrouted);
  }

  // ---------------------------------------------------------------- 注意喚起 and outcome

  /**
   * The holder records its 注意喚起 to the subscriber (how, when) and what came of it. Only the
   * holder's analysts; for anyone else the notification does not exist.
   */
  @Transactional
  public void record(
      Actor actor, long id, String warnedHow, LocalDate warnedOn, String outcome, String note) {
    NoticeRow n = access.notice(actor, id);
    if (!actor.is(Role.ANALYST)
        || actor.organisationId() == null
        || actor.organisationId() != n.holderId()) {
      throw new Forbidden("error.forbidden");
    }
    FieldErrors errors = new FieldErrors();
    errors.check(
        () -> {
          if (warnedHow != null
              && !Set.of("email", "post", "phone", "visit", "other").contains(warnedHow)) {
            throw new InvalidInput("warnedHow", "notice.error.warned-how", warnedHow);
          }
        });
    errors.check(
        () -> {
          if (outcome == null || Outcome.fromCode(outcome).isEmpty()) {
            throw new InvalidInput("outcome", "notice.error.outcome", String.valueOf(outcome));
          }
        });
    errors.check(
        () -> {
          if (warnedOn != null && warnedOn.isAfter(LocalDate.now(JST))) {
            throw new InvalidInput("warnedOn", "notice.error.warned-on");
          }
        });
    errors.check(
        () -> {
          if (note != null && note.length() > 2000) {
            throw new InvalidInput("note", "notice.error.note");
          }
        });
    errors.throwIfAny();
    Instant warnedAt = warnedOn == null ? null : warnedOn.atStartOfDay(JST).toInstant();
    jdbc.sql(
            "update notice set warned_how = ?, warned_at = ?, outcome = ?, outcome_note = ?,"
                + " outcome_at = now() where id = ?")
        .params(warnedHow, warnedAt == null ? null : Timestamp.from(warnedAt), outcome, note, id)
        .update();
    audit.record(
        actor,
        AuditLog.Event.success(
            "notice.outcome", "notice", id, Detail.of("notice.outcome", outcome)));
  }

  // ---------------------------------------------------------------- reminders

  /**
   * Reminds holders of notifications left without an outcome; returns holders reminded. Each
   * reminder is written to the outbox (e-mail to the holder's duty address) in this transaction, so
   * a down SMTP server only delays it (retried with backoff; given up after the outbox's attempts
   * and then listed to admins on the NOTICE page).
   */
  @Transactional
  public int remind(Instant now) {
    Map<Long, Integer> due = access.dueReminders(now);
    Timestamp before = Timestamp.from(now.minusSeconds(props.reminderDays() * 86_400L));
    for (Map.Entry<Long, Integer> e : due.entrySet()) {
      jdbc.sql(
              "update notice set reminders = reminders + 1, reminded_at = ? where holder_id = ?"
                  + " and outcome is null and reminders < ? and created_at < ?"
                  + " and (reminded_at is null or reminded_at < ?)")
          .params(Timestamp.from(now), e.getKey(), props.maxReminders(), before, before)
          .update();
      long reminder =
          jdbc.sql("insert into notice_reminder (holder_id, open_count) values (?, ?) returning id")
              .params(e.getKey(), e.getValue())
              .query(Long.class)
              .single();
      jdbc.sql(
              "insert into outbox (notice_reminder_id, version_no, organisation_id, channel,"
                  + " target, purpose) select ?, 0, o.id, 'email', o.duty_email, 'reminder'"
                  + " from organisation o where o.id = ? and o.active and o.duty_email is not null"
                  + " on conflict do nothing")
          .params(reminder, e.getKey())
          .update();
    }
    return due.size();
  }
}
