package jp.renkei.server.advisory;

import static jp.renkei.server.database.Rows.instant;
import static jp.renkei.server.database.Rows.longs;
import static jp.renkei.server.database.Rows.strings;
import static jp.renkei.server.database.Rows.utc;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import jp.renkei.server.database.Rows;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.json.JsonMapper;

@Repository
class AdvisoryRepository {

  /** An advisory's identity and audience. */
  record Advisory(
      long id,
      long issuerOrgId,
      Long issuerUserId,
      String tlp,
      boolean all,
      List<String> sectors,
      List<String> types,
      List<Long> orgIds,
      String status,
      Instant createdAt,
      Long exerciseRunId) {}

  /** A recipient's row: its inbox entry and receipt. */
  record Recipient(
      long advisoryId,
      long organisationId,
      String level,
      Instant deliveredAt,
      int versionNo,
      Instant acknowledgedAt,
      Instant remindedAt) {}

  private static final String ADVISORY =
      "select id, issuer_org_id, issuer_user_id, tlp, audience_all, audience_sectors, audience_types,"
          + " audience_org_ids, status, created_at, exercise_run_id from advisory";

  private final JdbcClient jdbc;
  private final JsonMapper json = JsonMapper.builder().build();

  AdvisoryRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** A real advisory (not in an exercise). */
  long insert(
      long issuerOrg,
      long issuerUser,
      String tlp,
      boolean all,
      List<String> sectors,
      List<String> types,
      List<Long> orgIds) {
    return insert(issuerOrg, issuerUser, tlp, all, sectors, types, orgIds, null);
  }

  long insert(
      long issuerOrg,
      long issuerUser,
      String tlp,
      boolean all,
      List<String> sectors,
      List<String> types,
      List<Long> orgIds,
      Long exerciseRunId) {
    return jdbc.sql(
            "insert into advisory (issuer_org_id, issuer_user_id, tlp, audience_all, audience_sectors,"
                + " audience_types, audience_org_ids, status, exercise_run_id)"
                + " values (?,?,?,?,?,?,?,'active',?) returning id")
        .params(
            issuerOrg,
            issuerUser,
            tlp,
            all,
            sectors.toArray(String[]::new),
            types.toArray(String[]::new),
            orgIds.toArray(Long[]::new),
            exerciseRunId)
        .query(Long.class)
        .single();
  }

  long insertVersion(
      long advisoryId,
      int n,
      String kind,
      String title,
      String body,
      String actions,
      List<String> observables,
      List<Long> sources,
      String urgency,
      Instant confirmBy,
      long userId) {
    return jdbc.sql(
            "insert into advisory_version (advisory_id, version_no, kind, title, body, actions,"
                + " observables, source_report_ids, urgency, confirm_by, created_by)"
                + " values (?,?,?,?,?,?,cast(? as jsonb),?,?,?,?) returning id")
        .params(
            advisoryId,
            n,
            kind,
            title,
            body,
            actions,
            json.writeValueAsString(observables),
            sources.toArray(Long[]::new),
            urgency,
            utc(confirmBy),
            userId)
        .query(Long.class)
        .single();
  }

  Optional<Advisory> advisory(long id) {
    return jdbc.sql(ADVISORY + " where id = ?")
        .param(id)
        .query(AdvisoryRepository::advisory)
        .optional();
  }

  /**
   * Advisories newest first (creation time, then id), after {@code last} (null: from the newest).
   * Ids are random, so they order nothing by themselves.
   */
  List<Advisory> newestFirst(Advisory last, int size) {
    if (last == null) {
      return jdbc.sql(ADVISORY + " order by created_at desc, id desc limit ?")
          .param(size)
          .query(AdvisoryRepository::advisory)
          .list();
    }
    return jdbc.sql(
            ADVISORY + " where (created_at, id) < (?, ?) order by created_at desc, id desc limit ?")
        .params(utc(last.createdAt()), last.id(), size)
        .query(AdvisoryRepository::advisory)
        .list();
  }

  /**
   * Of {@code ids}, those recorded before advisories had random ids (V90): old id to current id.
   */
  java.util.Map<Long, Long> byLegacyId(List<Long> ids) {
    java.util.Map<Long, Long> by = new java.util.HashMap<>();
    jdbc.sql("select legacy_id, id from advisory where legacy_id = any(?)")
        .param(ids.toArray(Long[]::new))
        .query((rs, i) -> java.util.Map.entry(rs.getLong(1), rs.getLong(2)))
        .list()
        .forEach(e -> by.put(e.getKey(), e.getValue()));
    return by;
  }

  /**
   * The number an advisory's STIX ids are derived from: its id before V90 gave it a random one, so
   * a renumbered advisory's next version republishes the objects already in the advisories
   * collection under the same STIX ids.
   */
  long stixKey(long id) {
    return jdbc.sql("select coalesce(legacy_id, id) from advisory where id = ?")
        .param(id)
        .query(Long.class)
        .optional()
        .orElse(id);
  }

  void withdraw(long id) {
    jdbc.sql("update advisory set status = 'withdrawn' where id = ?").param(id).update();
  }

  List<AdvisoryView.Version> versions(long advisoryId) {
    return jdbc.sql("select * from advisory_version where advisory_id = ? order by version_no")
        .param(advisoryId)
        .query(
            (rs, i) ->
                new AdvisoryView.Version(
                    rs.getInt("version_no"),
                    rs.getString("kind"),
                    rs.getString("title"),
                    rs.getString("body"),
                    rs.getString("actions"),
                    Arrays.asList(json.readValue(rs.getString("observables"), String[].class)),
                    longs(rs.getArray("source_report_ids")),
                    instant(rs, "created_at"),
                    rs.getString("urgency"),
                    instant(rs, "confirm_by")))
        .list();
  }

  /** Versions whose fan-out has not completed (a crash, or just committed). */
  List<long[]> pendingFanOuts() {
    return jdbc.sql(
            "select advisory_id, version_no from advisory_version where fanned_out_at is null"
                + " order by id limit 100")
        .query((rs, i) -> new long[] {rs.getLong(1), rs.getInt(2)})
        .list();
  }

  /** Claims one pending fan-out for this transaction; false if another instance holds or did it. */
  boolean claimFanOut(long advisoryId, int versionNo) {
    return jdbc.sql(
            "select 1 from advisory_version where advisory_id = ? and version_no = ?"
                + " and fanned_out_at is null for update skip locked")
        .params(advisoryId, versionNo)
        .query(Integer.class)
        .optional()
        .isPresent();
  }

  /**
   * Writes every recipient's inbox row in one statement: the audience's organisations, the
   * ministries supervising its sectors, never the issuer; "all" leaves out {@code gatedTypes} (the
   * agencies that receive only in large-scale mode, unless addressed by type or name). A new
   * version re-delivers and asks for a fresh confirmation. Idempotent.
   */
  int fanOutRecipients(Advisory a, int versionNo, Instant at, java.util.Set<String> gatedTypes) {
    return jdbc.sql(
            "insert into advisory_recipient (advisory_id, organisation_id, level, delivered_at,"
                + " version_no) select ?, o.id, o.level, ?, ? from ("
                + ADDRESSED
                + ") o on conflict (advisory_id, organisation_id) do update"
                + " set version_no = excluded.version_no, delivered_at = excluded.delivered_at,"
                + " acknowledged_at = null, acknowledged_by = null, acknowledged_version = null"
                + " where advisory_recipient.version_no < excluded.version_no")
        .params(fanOutParams(a.id(), utc(at), versionNo, a, gatedTypes))
        .update();
  }

  /** One organisation an audience addresses, as the fan-out would write it. */
  record Addressed(long organisationId, String level) {}

  /**
   * The organisations {@link #fanOutRecipients} would deliver to for this audience, computed by the
   * same statement without writing: what the issuer confirms before 発信.
   */
  List<Addressed> addressed(Advisory a, java.util.Set<String> gatedTypes) {
    return jdbc.sql("select o.id, o.level from (" + ADDRESSED + ") o order by o.level, o.id")
        .params(addressedParams(a, gatedTypes))
        .query((rs, i) -> new Addressed(rs.getLong(1), rs.getString(2)))
        .list();
  }

  /**
   * Whom an audience addresses: its organisations, the ministries supervising its sectors, never
   * the issuer; "all" leaves out the gated types; an exercise's advisory only the organisations
   * playing in its run (a player's organisation, or a drill's participant): an outsider would
   * otherwise receive a 【訓練】 advisory, its e-mail, and a link to a run it cannot open. The one
   * definition both the fan-out and the preview use.
   */
  private static final String ADDRESSED =
      """
      select o.id,
             case o.type_code when 'ministry' then 'ministry' when 'ceptoar' then 'ceptoar'
                              when 'operator' then 'operator' else 'other' end as level
        from organisation o
       where o.active and o.id <> ?
         and ((? and not o.type_code = any(?)) or o.sector_code = any(?)
              or o.type_code = any(?) or o.id = any(?)
              or (o.type_code = 'ministry'
                  and o.ministry_code in (select ministry_code from sector where code = any(?))))
         and (cast(? as bigint) is null
              or exists (select 1 from exercise_member m join app_user u on u.id = m.user_id
                          where m.run_id = ? and m.role = 'player' and u.organisation_id = o.id)
              or exists (select 1 from exercise_drill d
                           join exercise_drill_participant p on p.drill_id = d.id
                          where d.run_id = ? and p.organisation_id = o.id))
      """;

  private static Object[] addressedParams(Advisory a, java.util.Set<String> gatedTypes) {
    return new Object[] {
      a.issuerOrgId(),
      a.all(),
      gatedTypes.toArray(String[]::new),
      a.sectors().toArray(String[]::new),
      a.types().toArray(String[]::new),
      a.orgIds().toArray(Long[]::new),
      a.sectors().toArray(String[]::new),
      a.exerciseRunId(),
      a.exerciseRunId(),
      a.exerciseRunId()
    };
  }

  private static Object[] fanOutParams(
      long id, Object at, int versionNo, Advisory a, java.util.Set<String> gatedTypes) {
    Object[] rest = addressedParams(a, gatedTypes);
    Object[] all = new Object[rest.length + 3];
    all[0] = id;
    all[1] = at;
    all[2] = versionNo;
    System.arraycopy(rest, 0, all, 3, rest.length);
    return all;
  }

  /**
   * Queues e-mail to duty addresses and webhooks of the version's recipients. Idempotent. An
   * exercise's advisory is queued only when its run allows e-mail (exercise_run.email_allowed); the
   * outbox then marks it 【訓練】 (sharing.ExerciseScope).
   */
  int queueDeliveries(
      long advisoryId, int versionNo, String purpose, int round, boolean onlyUnconfirmed) {
    String filter =
        (onlyUnconfirmed ? " and r.acknowledged_at is null" : "")
            + " and exists (select 1 from advisory x where x.id = r.advisory_id"
            + " and (x.exercise_run_id is null or exists (select 1 from exercise_run e"
            + " where e.id = x.exercise_run_id and e.email_allowed)))";
    return jdbc.sql(
            "insert into outbox (advisory_id, version_no, organisation_id, channel, target, purpose, round)"
                + " select r.advisory_id, ?, o.id, 'email', o.duty_email, ?, ? from advisory_recipient r"
                + " join organisation o on o.id = r.organisation_id where r.advisory_id = ?"
                + " and o.duty_email is not null"
                + filter
                + " union all select r.advisory_id, ?, o.id, 'webhook', o.webhook_url, ?, ?"
                + " from advisory_recipient r join organisation o on o.id = r.organisation_id"
                + " where r.advisory_id = ? and o.webhook_url is not null"
                + filter
                + " on conflict do nothing")
        .params(versionNo, purpose, round, advisoryId, versionNo, purpose, round, advisoryId)
        .update();
  }

  void markFannedOut(long advisoryId, int versionNo, Instant at) {
    jdbc.sql(
            "update advisory_version set fanned_out_at = ? where advisory_id = ? and version_no = ?")
        .params(utc(at), advisoryId, versionNo)
        .update();
  }

  /** Every advisory of exercise run {@code runId}, newest first (ids only: judged in batches). */
  List<Long> ofExercise(long runId) {
    return jdbc.sql(
            "select id from advisory where exercise_run_id = ? order by created_at desc, id desc")
        .param(runId)
        .query(Long.class)
        .list();
  }

  Optional<Recipient> recipient(long advisoryId, long orgId) {
    return jdbc.sql(
            "select advisory_id, organisation_id, level, delivered_at, version_no,"
                + " acknowledged_at, reminded_at from advisory_recipient where advisory_id = ? and organisation_id = ?")
        .params(advisoryId, orgId)
        .query(Rows.of(Recipient.class))
        .optional();
  }

  List<Recipient> recipients(long advisoryId) {
    return jdbc.sql(
            "select advisory_id, organisation_id, level, delivered_at, version_no,"
                + " acknowledged_at, reminded_at from advisory_recipient where advisory_id = ?"
                + " order by level, organisation_id")
        .param(advisoryId)
        .query(Rows.of(Recipient.class))
        .list();
  }

  /** Recipient organisations of many advisories at once. */
  java.util.Map<Long, java.util.Set<Long>> recipientOrgs(List<Long> advisoryIds) {
    java.util.Map<Long, java.util.Set<Long>> by = new java.util.HashMap<>();
    advisoryIds.forEach(id -> by.put(id, new java.util.HashSet<>()));
    jdbc.sql(
            "select advisory_id, organisation_id from advisory_recipient where advisory_id = any(?)")
        .param(advisoryIds.toArray(Long[]::new))
        .query((rs, i) -> by.get(rs.getLong(1)).add(rs.getLong(2)))
        .list();
    return by;
  }

  /**
   * Of the recipients of many advisories, only those among {@code organisations} (the ones the
   * policy consults for one viewer, {@link jp.renkei.engine.policy.Reach}), by advisory id: an
   * advisory fanned out to 200 organisations costs one row, not 200.
   */
  java.util.Map<Long, java.util.Set<Long>> recipientOrgsAmong(
      List<Long> advisoryIds, java.util.Set<Long> organisations) {
    java.util.Map<Long, java.util.Set<Long>> by = new java.util.HashMap<>();
    advisoryIds.forEach(id -> by.put(id, new java.util.HashSet<>()));
    if (organisations.isEmpty() || advisoryIds.isEmpty()) {
      return by;
    }
    jdbc.sql(
            "select advisory_id, organisation_id from advisory_recipient where advisory_id = any(?)"
                + " and organisation_id = any(?)")
        .params(advisoryIds.toArray(Long[]::new), organisations.toArray(Long[]::new))
        .query((rs, i) -> by.get(rs.getLong(1)).add(rs.getLong(2)))
        .list();
    return by;
  }

  /** The newest version's title and kind of many advisories at once. */
  record Headline(
      long advisoryId, String title, String kind, String urgency, java.time.Instant confirmBy) {}

  /** Marks an exercise advisory as sent by a simulated sender (an inject's 発信元). */
  void setSimulatedSender(long id, String sender) {
    jdbc.sql(
            "update advisory set simulated_sender = ? where id = ? and exercise_run_id is not null")
        .params(sender, id)
        .update();
  }

  /** The simulated senders of those of {@code ids} that have one. */
  java.util.Map<Long, String> simulatedSenders(List<Long> ids) {
    java.util.Map<Long, String> out = new java.util.HashMap<>();
    if (ids.isEmpty()) {
      return out;
    }
    jdbc.sql(
            "select id, simulated_sender from advisory where id = any(?)"
                + " and simulated_sender is not null")
        .param(ids.toArray(Long[]::new))
        .query(
            rs -> {
              out.put(rs.getLong(1), rs.getString(2));
            });
    return out;
  }

  java.util.Map<Long, Headline> headlines(List<Long> advisoryIds) {
    java.util.Map<Long, Headline> by = new java.util.HashMap<>();
    jdbc.sql(
            "select distinct on (advisory_id) advisory_id, title, kind, urgency, confirm_by"
                + " from advisory_version"
                + " where advisory_id = any(?) order by advisory_id, version_no desc")
        .param(advisoryIds.toArray(Long[]::new))
        .query(Rows.of(Headline.class))
        .list()
        .forEach(h -> by.put(h.advisoryId(), h));
    return by;
  }

  /** One organisation's receipts for many advisories at once. */
  java.util.Map<Long, Recipient> receipts(long orgId, List<Long> advisoryIds) {
    java.util.Map<Long, Recipient> by = new java.util.HashMap<>();
    jdbc.sql(
            "select advisory_id, organisation_id, level, delivered_at, version_no,"
                + " acknowledged_at, reminded_at from advisory_recipient where organisation_id = ?"
                + " and advisory_id = any(?)")
        .params(orgId, advisoryIds.toArray(Long[]::new))
        .query(Rows.of(Recipient.class))
        .list()
        .forEach(r -> by.put(r.advisoryId(), r));
    return by;
  }

  List<Advisory> advisories(List<Long> ids) {
    return jdbc.sql(ADVISORY + " where id = any(?) order by created_at desc, id desc")
        .param(ids.toArray(Long[]::new))
        .query(AdvisoryRepository::advisory)
        .list();
  }

  List<Recipient> inbox(long orgId, int limit) {
    return inbox(orgId, null, limit);
  }

  /**
   * The organisation's deliveries newest first (then by advisory, so that the order is total),
   * after {@code after} (null: from the newest), at most {@code limit}: one batch of the inbox's
   * walk. The bound is written on the time and then the tie (as the report list writes its keyset),
   * so the (organisation, delivered_at) index bounds the read.
   */
  List<Recipient> inbox(long orgId, Recipient after, int limit) {
    if (after == null) {
      return jdbc.sql(
              "select advisory_id, organisation_id, level, delivered_at, version_no,"
                  + " acknowledged_at, reminded_at from advisory_recipient where organisation_id = ?"
                  + " order by delivered_at desc, advisory_id desc limit ?")
          .params(orgId, limit)
          .query(Rows.of(Recipient.class))
          .list();
    }
    java.time.OffsetDateTime at = utc(after.deliveredAt());
    return jdbc.sql(
            "select advisory_id, organisation_id, level, delivered_at, version_no,"
                + " acknowledged_at, reminded_at from advisory_recipient where organisation_id = ?"
                + " and delivered_at <= ? and (delivered_at < ? or advisory_id < ?)"
                + " order by delivered_at desc, advisory_id desc limit ?")
        .params(orgId, at, at, after.advisoryId(), limit)
        .query(Rows.of(Recipient.class))
        .list();
  }

  /** The organisation's receipts not yet confirmed, oldest delivery first. */
  List<Recipient> unconfirmed(long orgId, int limit) {
    return jdbc.sql(
            "select advisory_id, organisation_id, level, delivered_at, version_no,"
                + " acknowledged_at, reminded_at from advisory_recipient where organisation_id = ?"
                + " and acknowledged_at is null order by delivered_at, advisory_id limit ?")
        .params(orgId, limit)
        .query(Rows.of(Recipient.class))
        .list();
  }

  /** Of an issuer's active advisories, those some recipient has not confirmed, with how many. */
  record Pending(long advisoryId, int unconfirmed, int recipients, Instant oldestDelivery) {}

  /**
   * The issuer's active advisories some recipient has not confirmed, oldest unconfirmed delivery
   * first, at most {@code limit} (ids only: {@link #pending} counts for the ones shown). One
   * statement: the oldest unconfirmed delivery of each advisory is the first entry of the partial
   * index of unconfirmed receipts (NISC's 1,000 advisories: 2-3 ms warm; a grouping over all their
   * unconfirmed receipts measured the same or slower, V181).
   */
  List<Long> pendingOf(long issuerOrgId, int limit) {
    return jdbc.sql(
            "select a.id from advisory a cross join lateral (select min(p.delivered_at) as oldest"
                + " from advisory_recipient p where p.advisory_id = a.id"
                + " and p.acknowledged_at is null) u"
                + " where a.issuer_org_id = ? and a.status = 'active' and u.oldest is not null"
                + " order by u.oldest, a.id limit ?")
        .params(issuerOrgId, limit)
        .query(Long.class)
        .list();
  }

  /** How many recipients of each advisory have not confirmed, of how many, since when. */
  java.util.Map<Long, Pending> pending(List<Long> advisoryIds) {
    java.util.Map<Long, Pending> by = new java.util.HashMap<>();
    jdbc.sql(
            "select advisory_id, count(*) filter (where acknowledged_at is null) as unconfirmed,"
                + " count(*) as recipients,"
                + " min(delivered_at) filter (where acknowledged_at is null) as oldest_delivery"
                + " from advisory_recipient where advisory_id = any(?) group by advisory_id")
        .param(advisoryIds.toArray(Long[]::new))
        .query(Rows.of(Pending.class))
        .list()
        .forEach(p -> by.put(p.advisoryId(), p));
    return by;
  }

  /**
   * Deliveries that did not go (e-mail or webhook): given up on ({@code failed}: the receiver
   * refused or could not be reached, every attempt), or {@code cancelled} (the outbox decided not
   * to send: {@code cancelReason} a code, null for rows cancelled before codes were kept).
   */
  record Unsent(
      long id,
      long advisoryId,
      long organisationId,
      String channel,
      int attempts,
      String lastError,
      Instant createdAt,
      String status,
      String cancelReason,
      Instant cancelledAt) {}

  /**
   * Deliveries with {@code status} ({@code failed} or {@code cancelled}), newest first: to one
   * organisation, or to any when {@code orgId} is null; cancelled (or, for a failure, queued) since
   * {@code since}, or ever when it is null.
   */
  List<Unsent> unsent(String status, Long orgId, Instant since, int limit) {
    return jdbc.sql(
            "select id, advisory_id, organisation_id, channel, attempts, last_error, created_at,"
                + " status, cancel_reason, cancelled_at from outbox where status = ?"
                + " and advisory_id is not null"
                + " and (cast(? as bigint) is null or organisation_id = ?)"
                + " and (cast(? as timestamptz) is null or coalesce(cancelled_at, created_at) >= ?)"
                + " order by coalesce(cancelled_at, created_at) desc, id desc limit ?")
        .params(
            status,
            orgId,
            orgId,
            since == null ? null : utc(since),
            since == null ? null : utc(since),
            limit)
        .query(Rows.of(Unsent.class))
        .list();
  }

  int acknowledge(long advisoryId, long orgId, long userId, Instant at) {
    return jdbc.sql(
            "update advisory_recipient set acknowledged_at = ?, acknowledged_by = ?,"
                + " acknowledged_version = version_no where advisory_id = ? and organisation_id = ?"
                + " and acknowledged_at is null")
        .params(utc(at), userId, advisoryId, orgId)
        .update();
  }

  int markReminded(long advisoryId, Instant at) {
    return jdbc.sql(
            "update advisory_recipient set reminded_at = ? where advisory_id = ?"
                + " and acknowledged_at is null")
        .params(utc(at), advisoryId)
        .update();
  }

  int nextReminderRound(long advisoryId) {
    return jdbc.sql("select coalesce(max(round), 0) + 1 from outbox where advisory_id = ?")
        .param(advisoryId)
        .query(Integer.class)
        .single();
  }

  /** Who confirmed the current version, and when. */
  record Confirmation(long organisationId, Instant acknowledgedAt, Long acknowledgedBy) {}

  List<Confirmation> confirmations(long advisoryId) {
    return jdbc.sql(
            "select organisation_id, acknowledged_at, acknowledged_by from advisory_recipient"
                + " where advisory_id = ? and acknowledged_at is not null order by acknowledged_at")
        .param(advisoryId)
        .query(
            (rs, i) -> {
              long by = rs.getLong(3);
              return new Confirmation(
                  rs.getLong(1), instant(rs, "acknowledged_at"), rs.wasNull() ? null : by);
            })
        .list();
  }

  /**
   * The state of each recipient's outside deliveries of one version and purpose, per channel: the
   * last round's rows only (a reminder's newest round), {@code status} pending, sent or failed.
   */
  record Delivery(
      long organisationId, String channel, String status, int attempts, String cancelReason) {}

  List<Delivery> deliveries(long advisoryId, int versionNo, String purpose) {
    return jdbc.sql(
            "select organisation_id, channel, status, attempts, cancel_reason from outbox o"
                + " where advisory_id = ?"
                + " and version_no = ? and purpose = ? and round = (select max(round) from outbox"
                + " where advisory_id = o.advisory_id and version_no = o.version_no"
                + " and purpose = o.purpose)")
        .params(advisoryId, versionNo, purpose)
        .query(
            (rs, i) ->
                new Delivery(
                    rs.getLong(1), rs.getString(2), rs.getString(3), rs.getInt(4), rs.getString(5)))
        .list();
  }

  long[] outboxCounts(long advisoryId) {
    return jdbc.sql(
            "select count(*) filter (where status = 'pending'), count(*) filter (where status = 'sent'),"
                + " count(*) filter (where status = 'failed'),"
                + " count(*) filter (where status = 'pending' and attempts > 0),"
                + " count(*) filter (where status = 'cancelled')"
                + " from outbox where advisory_id = ?")
        .param(advisoryId)
        .query(
            (rs, i) ->
                new long[] {
                  rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4), rs.getLong(5)
                })
        .single();
  }

  private static Advisory advisory(ResultSet rs, int row) throws SQLException {
    long user = rs.getLong("issuer_user_id");
    Long issuerUser = rs.wasNull() ? null : user;
    return new Advisory(
        rs.getLong("id"),
        rs.getLong("issuer_org_id"),
        issuerUser,
        rs.getString("tlp"),
        rs.getBoolean("audience_all"),
        strings(rs.getArray("audience_sectors")),
        strings(rs.getArray("audience_types")),
        longs(rs.getArray("audience_org_ids")),
        rs.getString("status"),
        instant(rs, "created_at"),
        rs.getObject("exercise_run_id", Long.class));
  }
}
