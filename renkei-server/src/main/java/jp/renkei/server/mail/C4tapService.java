package jp.renkei.server.mail;

import java.io.InputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import jp.renkei.engine.mail.MailRedaction;
import jp.renkei.engine.mail.MailReport;
import jp.renkei.engine.mail.MailStix;
import jp.renkei.engine.policy.Audience;
import jp.renkei.engine.policy.C4tapRange;
import jp.renkei.engine.policy.Marking;
import jp.renkei.engine.policy.Tlp;
import jp.renkei.engine.redact.Redactor;
import jp.renkei.engine.stix.ExerciseMarking;
import jp.renkei.server.audit.Actor;
import jp.renkei.server.audit.AuditLog;
import jp.renkei.server.directory.DirectoryService;
import jp.renkei.server.directory.TokenScope;
import jp.renkei.server.failure.InvalidInput;
import jp.renkei.server.failure.NotFound;
import jp.renkei.server.sharing.ExerciseScope;
import jp.renkei.server.sharing.SharingGate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import tools.jackson.databind.json.JsonMapper;

/**
 * Sharing an analysed targeted mail under C4TAP: a draft is the mail with the receiving
 * organisation taken out (the preview shows what was removed); only after its sender confirms is it
 * shared, and then read by exactly those whose C4TAP standing reaches its range — through the
 * sharing policy, like everything else.
 */
@Service
public class C4tapService {

  /** A submission as one reader sees it. */
  public record Submission(
      long id,
      String range,
      String status,
      Instant createdAt,
      Instant sharedAt,
      String subject,
      String verdict,
      int score,
      String organisationSector,
      List<String> removed,
      String bundle,
      boolean own,
      Long exerciseRunId) {

    /** Whether the share was made inside an exercise run (shown as 【訓練】). */
    public boolean exercise() {
      return exerciseRunId != null;
    }

    /** The pieces taken out, each with its kind for the reader's words (the preview). */
    public List<MailRedaction.Removed> removedItems() {
      return removed.stream().map(MailRedaction::removed).toList();
    }
  }

  private final JdbcClient jdbc;
  private final MailService mail;
  private final DirectoryService directory;
  private final SharingGate gate;
  private final AuditLog audit;
  private final ExerciseScope.Play play;
  private final JsonMapper json = JsonMapper.builder().build();

  C4tapService(
      JdbcClient jdbc,
      MailService mail,
      DirectoryService directory,
      SharingGate gate,
      AuditLog audit,
      ExerciseScope.Play play) {
    this.play = play;
    this.jdbc = jdbc;
    this.mail = mail;
    this.directory = directory;
    this.gate = gate;
    this.audit = audit;
  }

  static C4tapRange range(String code) {
    try {
      return C4tapRange.valueOf(code.strip().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException | NullPointerException e) {
      throw new InvalidInput("range", "error.c4tap.range", String.valueOf(code));
    }
  }

  /**
   * What the shared copy carries where it took something out: one language-neutral mark per kind,
   * ASCII, since peers' tools read the STIX (a Japanese label was percent-encoded into links as
   * %E3%80%94…); the pages write each in the reader's language (StixView).
   */
  static final Map<Redactor.Kind, String> MACHINE_LABELS =
      Map.of(
          Redactor.Kind.ORGANISATION, "[receiving-organisation]",
          Redactor.Kind.UNIT, "[unit]",
          Redactor.Kind.PERSON, "[recipient]",
          Redactor.Kind.PHONE, "[phone]",
          Redactor.Kind.EMAIL, "[e-mail]",
          Redactor.Kind.DOMAIN, "[domain]",
          Redactor.Kind.IP, "[ip-address]",
          Redactor.Kind.TERM, "[removed]");

  /**
   * The links a draft shares whose address still names the sharer's organisation: one of its
   * domains, or a domain's own name (sakura-bank of sakura-bank.example), inside an attacker's host
   * or path (sakura-bank.example.verify-login.top). They are the attacker's and kept as indicators,
   * but they tell every reader who was targeted: the preview warns so the sharer can decide.
   */
  public List<String> namingOwnDomain(Actor actor, Submission draft) {
    if (actor.organisationId() == null || draft.bundle() == null) {
      return List.of();
    }
    List<String> names = new java.util.ArrayList<>();
    for (String d : directory.redactionIdentity(actor.organisationId()).domains()) {
      String domain = d.strip().toLowerCase(Locale.ROOT);
      if (domain.isEmpty()) {
        continue;
      }
      names.add(domain);
      int dot = domain.indexOf('.');
      if (dot >= 5) {
        names.add(domain.substring(0, dot));
      }
    }
    List<String> out = new java.util.ArrayList<>();
    if (names.isEmpty()) {
      return out;
    }
    for (tools.jackson.databind.JsonNode o : json.readTree(draft.bundle()).path("objects")) {
      if (!"url".equals(o.path("type").asString(""))) {
        continue;
      }
      String url = o.path("value").asString("");
      String lower = url.toLowerCase(Locale.ROOT);
      if (names.stream().anyMatch(lower::contains) && !out.contains(url)) {
        out.add(url);
      }
    }
    return out;
  }

  /** Analyses and redacts a mail into a draft only its creator sees; returns it (the preview). */
  public Submission draft(Actor actor, InputStream message, String rangeCode) {
    return draft(actor, message, rangeCode, null);
  }

  /**
   * As {@link #draft(Actor, InputStream, String)}, inside exercise run {@code exerciseRunId} (null:
   * real work) which the actor must be playing: the share is flagged 【訓練】 and its STIX bundle
   * carries the exercise marking.
   */
  public Submission draft(Actor actor, InputStream message, String rangeCode, Long exerciseRunId) {
    return draft(actor, TokenScope.Granting.SESSION, message, rangeCode, exerciseRunId);
  }

  /**
   * As {@link #draft(Actor, InputStream, String, Long)} for a caller with {@code granting}: the
   * analysis names only the member organisations it may read (a token that may only submit, none).
   */
  public Submission draft(
      Actor actor,
      TokenScope.Granting granting,
      InputStream message,
      String rangeCode,
      Long exerciseRunId) {
    if (actor.organisationId() == null) {
      throw new jp.renkei.server.failure.Forbidden("error.c4tap.noOrganisation");
    }
    C4tapRange range = range(rangeCode);
    if (exerciseRunId != null) {
      play.requirePlaying(actor, exerciseRunId);
    }
    MailReport analysed = mail.analyze(actor, granting, message);
    Redactor identity =
        new Redactor(directory.redactionIdentity(actor.organisationId()), MACHINE_LABELS);
    MailRedaction.Result redacted = MailRedaction.apply(analysed, identity);
    var stix = MailStix.bundle(redacted.shared(), tlpFor(range), Instant.now(), false);
    String bundle =
        (exerciseRunId == null ? stix : ExerciseMarking.mark(stix, exerciseRunId)).toString();
    long id =
        jdbc.sql(
                // no report beside the bundle: it held the Received chain's host names, which the
                // bundle does not share (attackshare33, V407)
                "insert into c4tap_submission (originator_org, originator_person, range_code,"
                    + " subject, verdict, score, removed, bundle, exercise_run_id) values"
                    + " (?, ?, ?, ?, ?, ?, ?, ?, ?) returning id")
            .params(
                actor.organisationId(),
                actor.userId(),
                range.name(),
                redacted.shared().subject(),
                analysed.verdict().name(),
                analysed.score(),
                json.writeValueAsString(redacted.removed()),
                bundle,
                exerciseRunId)
            .query(Long.class)
            .single();
    return view(actor, id);
  }

  /** The sender confirms the preview: the draft becomes shared under its range. */
  public Submission send(Actor actor, long id) {
    int n =
        jdbc.sql(
                "update c4tap_submission set status = 'shared', shared_at = now() where id = ? and"
                    + " status = 'draft' and originator_person = ?")
            .params(id, actor.userId())
            .update();
    if (n == 0) {
      throw new NotFound("c4tap_submission", id);
    }
    audit.recordAlone(actor, AuditLog.Event.success("c4tap.share", "c4tap_submission", id));
    return view(actor, id);
  }

  /**
   * Shared submissions of real work the actor may read (and the actor's own drafts), newest first.
   * Shares made inside an exercise are never among them (the list, its counts and the API); they
   * show only in their run's own list ({@link #inExercise}).
   */
  public List<Submission> list(Actor actor, int limit) {
    return listed(actor, limit, "exercise_run_id is null", null, ExerciseScope::isReal);
  }

  /**
   * The shares made inside exercise run {@code runId} that the actor may read, as {@link #list}
   * shows real ones: only for a member of the run ({@code NotFound} for anyone else, whether the
   * run exists or not), and each share judged by the same policy as every C4TAP read.
   */
  public List<Submission> inExercise(Actor actor, long runId, int limit) {
    play.requireMember(actor, runId);
    return listed(
        actor, limit, "exercise_run_id = ?", runId, run -> ExerciseScope.inRun(run, runId));
  }

  /** Rows read per statement of a list walk. */
  static final int BATCH = 500;

  /**
   * The first {@code limit} submissions matching {@code where} (with its one parameter {@code
   * param}, if not null) that the actor may read, newest first: read {@value #BATCH} at a time,
   * each batch after the last one's (time, id), until {@code limit} are kept or none are left. The
   * policy judges the rows after they are read, so a single read with a limit let the submissions
   * one may not see (another organisation's narrower ranges, colleagues' drafts) push the visible
   * ones off the list, and its count then fell as hidden ones were added.
   */
  private List<Submission> listed(
      Actor actor,
      int limit,
      String where,
      Object param,
      java.util.function.Predicate<Long> exercise) {
    SharingGate.Check check = gate.check(actor);
    List<Submission> out = new ArrayList<>();
    Row last = null;
    while (true) {
      List<Object> args = new ArrayList<>();
      if (param != null) {
        args.add(param);
      }
      StringBuilder tail = new StringBuilder("where ").append(where);
      if (last != null) {
        tail.append(" and (coalesce(shared_at, created_at), id) < (?, ?)");
        args.add(
            java.time.OffsetDateTime.ofInstant(
                last.shared() == null ? last.created() : last.shared(), java.time.ZoneOffset.UTC));
        args.add(last.id());
      }
      tail.append(" order by coalesce(shared_at, created_at) desc, id desc limit ").append(BATCH);
      List<Row> rows = select(tail.toString(), args);
      for (Row r : rows) {
        if (exercise.test(r.exerciseRunId()) && visible(actor, check, r)) {
          out.add(submission(actor, r, false));
          if (out.size() >= limit) {
            return out;
          }
        }
      }
      if (rows.size() < BATCH) {
        return out;
      }
      last = rows.get(rows.size() - 1);
    }
  }

  /**
   * Of {@code ids} (current ids, e.g. candidates a search index found), the submissions the actor
   * may read, as {@link #list} shows them, in the order given; the others are left out as if they
   * did not exist.
   */
  public List<Submission> visibleIn(Actor actor, List<Long> ids) {
    if (ids.isEmpty()) {
      return List.of();
    }
    SharingGate.Check check = gate.check(actor);
    java.util.Map<Long, Row> found = new java.util.HashMap<>();
    for (Row r : rows("where id = any(?)", null, ids.toArray(Long[]::new))) {
      found.put(r.id(), r);
    }
    return ids.stream()
        .distinct()
        .map(found::get)
        .filter(r -> r != null && visible(actor, check, r) && inItsRun(actor, r))
        .map(r -> submission(actor, r, false))
        .toList();
  }

  public Submission view(Actor actor, long id) {
    // the viewer is read before the share is looked at: a hidden share and a missing one do the
    // same work (attack30b)
    SharingGate.Check check = gate.check(actor);
    Row r =
        rows("", id).stream().findFirst().orElseThrow(() -> new NotFound("c4tap_submission", id));
    if (!visible(actor, check, r) || !inItsRun(actor, r)) {
      throw new NotFound("c4tap_submission", id);
    }
    return submission(actor, r, true);
  }

  /**
   * Which of {@code ids} the actor may read now (nothing is shown, so nothing is audited). An id
   * recorded before shares had random ids names a share by its old id ({@code legacy_id}).
   */
  public java.util.Set<Long> visibleAmong(Actor actor, java.util.Collection<Long> ids) {
    return subjectsVisibleAmong(actor, ids).keySet();
  }

  /**
   * The shared subject (as its readers see it, redacted) of each of {@code ids} the actor may read
   * now, judged as {@link #visibleAmong}: the audit list names a share by it. A share with no
   * subject maps to an empty string.
   */
  public java.util.Map<Long, String> subjectsVisibleAmong(
      Actor actor, java.util.Collection<Long> ids) {
    SharingGate.Check check = gate.check(actor);
    java.util.Map<Long, String> out = new java.util.HashMap<>();
    for (Long asked : ids) {
      long id =
          jdbc.sql("select id from c4tap_submission where legacy_id = ?")
              .param(asked)
              .query(Long.class)
              .optional()
              .orElse(asked);
      rows("", id).stream()
          .filter(r -> visible(actor, check, r) && inItsRun(actor, r))
          .forEach(r -> out.put(asked, r.subject() == null ? "" : r.subject()));
    }
    return out;
  }

  private record Row(
      long id,
      long org,
      Long person,
      String range,
      String status,
      Instant created,
      Instant shared,
      String subject,
      String verdict,
      int score,
      String removed,
      String bundle,
      Long exerciseRunId) {}

  private List<Row> rows(String tail, Long id) {
    return rows(tail, id, null);
  }

  private List<Row> rows(String tail, Long id, Object param) {
    List<Object> args = new ArrayList<>();
    if (id != null) {
      args.add(id);
    }
    if (param != null) {
      args.add(param);
    }
    return select((id == null ? "" : "where id = ? ") + tail, args);
  }

  private List<Row> select(String tail, List<Object> args) {
    String sql =
        "select id, originator_org, originator_person, range_code, status, created_at, shared_at,"
            + " subject, verdict, score, removed, bundle, exercise_run_id from c4tap_submission "
            + tail;
    return jdbc.sql(sql)
        .params(args)
        .query(
            (rs, n) ->
                new Row(
                    rs.getLong(1),
                    rs.getLong(2),
                    rs.getObject(3, Long.class),
                    rs.getString(4),
                    rs.getString(5),
                    rs.getTimestamp(6).toInstant(),
                    rs.getTimestamp(7) == null ? null : rs.getTimestamp(7).toInstant(),
                    rs.getString(8),
                    rs.getString(9),
                    rs.getInt(10),
                    rs.getString(11),
                    rs.getString(12),
                    rs.getObject(13, Long.class)))
        .list();
  }

  /** A draft: its creator only. Shared: whoever the policy admits under the C4TAP range. */
  /**
   * A share of real work, or one made in a run the actor is a member of: an exercise's shares are
   * its members' only, opened by id as in the run's list ({@link #inExercise}). Its C4TAP range
   * alone would show a member of the range who is not in the run the run's id and its exercise mail
   * (exercise rules: exercise data never mixes with real work, and a run tells nobody outside it
   * that it exists).
   */
  private boolean inItsRun(Actor actor, Row r) {
    if (ExerciseScope.isReal(r.exerciseRunId())) {
      return true;
    }
    try {
      play.requireMember(actor, r.exerciseRunId());
      return true;
    } catch (NotFound e) {
      return false;
    }
  }

  private static boolean visible(Actor actor, SharingGate.Check check, Row r) {
    if ("draft".equals(r.status())) {
      return r.person() != null && r.person().equals(actor.userId());
    }
    return check.allows(
        Audience.of(Marking.c4tap(C4tapRange.valueOf(r.range())), r.org(), r.person()));
  }

  private Submission submission(Actor actor, Row r, boolean withBundle) {
    boolean own = actor.organisationId() != null && actor.organisationId() == r.org();
    return new Submission(
        r.id(),
        r.range(),
        r.status(),
        r.created(),
        r.shared(),
        r.subject(),
        r.verdict(),
        r.score(),
        directory.organisation(r.org()).sectorCode(),
        own ? List.of(json.readValue(r.removed(), String[].class)) : List.of(),
        withBundle ? r.bundle() : null,
        own,
        r.exerciseRunId());
  }

  /** The TLP closest to a C4TAP range, for the STIX marking of the shared bundle. */
  static Tlp tlpFor(C4tapRange range) {
    return switch (range) {
      case RED -> Tlp.RED;
      case AMBER, YELLOW -> Tlp.AMBER;
      case GREEN -> Tlp.GREEN;
      case WHITE -> Tlp.CLEAR;
    };
  }
}
