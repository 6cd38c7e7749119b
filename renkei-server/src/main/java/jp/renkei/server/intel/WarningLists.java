package jp.renkei.server.intel;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import jp.renkei.engine.correlate.WarningList;
import jp.renkei.engine.observable.InvalidObservable;
import jp.renkei.engine.observable.Observable;
import jp.renkei.engine.observable.ObservableType;
import jp.renkei.engine.observable.Observables;
import jp.renkei.server.audit.Actor;
import jp.renkei.server.audit.AuditLog;
import jp.renkei.server.audit.AuditLog.Detail;
import jp.renkei.server.directory.Role;
import jp.renkei.server.failure.Forbidden;
import jp.renkei.server.failure.InvalidInput;
import jp.renkei.server.failure.NotFound;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The warning lists: values that never correlate. Read by the correlator (cached for a few seconds,
 * so an edit on one instance reaches the others at once after that), edited by platform admins.
 */
@Service
public class WarningLists {

  static final Duration REFRESH = Duration.ofSeconds(15);

  /** One list with its entries. */
  public record ListView(
      String code, String titleJa, String titleEn, boolean enabled, List<EntryView> entries) {}

  /**
   * One entry, with why it is there and its last review; {@code broad} when it covers a whole
   * registry of domains (it could only be there by mistake, see {@link #add}).
   */
  public record EntryView(
      String kind,
      String value,
      String note,
      Instant addedAt,
      Instant reviewedAt,
      String reviewedBy) {

    public EntryView(String kind, String value) {
      this(kind, value, null, null, null, null);
    }

    public boolean broad() {
      return "domain-name".equals(kind) && jp.renkei.engine.correlate.Domains.isPublicSuffix(value);
    }
  }

  private final JdbcClient jdbc;
  private final AuditLog audit;
  private volatile WarningList current;
  private volatile Instant loadedAt = Instant.EPOCH;

  WarningLists(JdbcClient jdbc, AuditLog audit) {
    this.jdbc = jdbc;
    this.audit = audit;
  }

  /** The enabled entries of all lists, as one matcher. */
  public WarningList current() {
    WarningList w = current;
    if (w == null || loadedAt.plus(REFRESH).isBefore(Instant.now())) {
      w =
          WarningList.of(
              jdbc.sql(
                      "select e.kind, e.value from warning_list_entry e join warning_list l on"
                          + " l.code = e.list_code where l.enabled")
                  .query(
                      (rs, n) ->
                          new WarningList.Entry(
                              ObservableType.fromCode(rs.getString(1)).orElse(ObservableType.URL),
                              rs.getString(2)))
                  .list());
      current = w;
      loadedAt = Instant.now();
    }
    return w;
  }

  public List<ListView> lists() {
    return jdbc.sql("select code, title_ja, title_en, enabled from warning_list order by code")
        .query(
            (rs, n) ->
                new ListView(
                    rs.getString(1),
                    rs.getString(2),
                    rs.getString(3),
                    rs.getBoolean(4),
                    jdbc.sql(
                            "select kind, value, note, added_at, reviewed_at, reviewed_by from"
                                + " warning_list_entry where list_code = ? order by kind, value")
                        .param(rs.getString(1))
                        .query(
                            (r, m) ->
                                new EntryView(
                                    r.getString(1),
                                    r.getString(2),
                                    r.getString(3),
                                    instant(r.getTimestamp(4)),
                                    instant(r.getTimestamp(5)),
                                    r.getString(6)))
                        .list()))
        .list();
  }

  /**
   * Adds a value (normalised) to a list.
   *
   * @throws InvalidInput naming the field when the kind or value is not valid
   */
  @Transactional
  public EntryView add(Actor actor, String list, String kind, String value) {
    return add(actor, list, kind, value, null);
  }

  /**
   * Adds a value (normalised) with a note saying why. A public suffix ({@code go.jp}) is refused:
   * it would stop every domain under it from ever correlating.
   */
  @Transactional
  public EntryView add(Actor actor, String list, String kind, String value, String note) {
    requireAdmin(actor);
    String why = note == null || note.isBlank() ? null : note.strip();
    // every field is checked, and every error reported at once
    jp.renkei.server.failure.FieldErrors errors = new jp.renkei.server.failure.FieldErrors();
    Optional<ObservableType> type = ObservableType.fromCode(kind);
    Observable o = null;
    if (type.isEmpty()) {
      errors.add(new InvalidInput("kind", "error.warninglist.kind", kind));
    } else {
      try {
        o = Observables.parse(type.get(), value);
        if (o.type() == ObservableType.DOMAIN
            && jp.renkei.engine.correlate.Domains.isPublicSuffix(o.value())) {
          errors.add(new InvalidInput("value", "pages.warninglist.publicSuffix", o.value()));
        }
      } catch (InvalidObservable e) {
        errors.add(new InvalidInput("value", "error.warninglist.value", value, e.getMessage()));
      }
    }
    if (why != null && why.length() > 500) {
      errors.add(new InvalidInput("note", "validation.required.max", 500));
    }
    errors.throwIfAny();
    int n =
        jdbc.sql(
                "insert into warning_list_entry (list_code, kind, value, note) select code, ?, ?, ?"
                    + " from warning_list where code = ? on conflict do nothing")
            .params(o.type().code(), o.value(), why, list)
            .update();
    if (n == 0
        && jdbc.sql("select count(*) from warning_list where code = ?")
                .param(list)
                .query(Integer.class)
                .single()
            == 0) {
      throw new NotFound("warning_list", list);
    }
    audit.record(
        actor,
        AuditLog.Event.success(
            "warninglist.add",
            "warning_list",
            list,
            Detail.of("warninglist.entry", o.type().code(), o.value())));
    current = null;
    return new EntryView(o.type().code(), o.value());
  }

  @Transactional
  public boolean remove(Actor actor, String list, String kind, String value) {
    requireAdmin(actor);
    int n =
        jdbc.sql("delete from warning_list_entry where list_code = ? and kind = ? and value = ?")
            .params(list, kind, value)
            .update();
    if (n > 0) {
      audit.record(
          actor,
          AuditLog.Event.success(
              "warninglist.remove",
              "warning_list",
              list,
              Detail.of("warninglist.entry", kind, value)));
      current = null;
    }
    return n > 0;
  }

  /** Records that a platform admin reviewed an entry and keeps it, with a note. Audited. */
  @Transactional
  public boolean review(Actor actor, String list, String kind, String value, String note) {
    requireAdmin(actor);
    String why = note == null || note.isBlank() ? null : note.strip();
    if (why != null && why.length() > 500) {
      throw new InvalidInput("note", "validation.required.max", 500);
    }
    int n =
        jdbc.sql(
                "update warning_list_entry set reviewed_at = now(), reviewed_by = ?,"
                    + " note = coalesce(?, note) where list_code = ? and kind = ? and value = ?")
            .params(actor.login(), why, list, kind, value)
            .update();
    if (n > 0) {
      audit.record(
          actor,
          AuditLog.Event.success(
              "warninglist.review",
              "warning_list",
              list,
              why == null
                  ? Detail.of("warninglist.entry", kind, value)
                  : Detail.of("warninglist.review", kind, value, why)));
    }
    return n > 0;
  }

  private static Instant instant(java.sql.Timestamp t) {
    return t == null ? null : t.toInstant();
  }

  private static void requireAdmin(Actor actor) {
    if (!actor.is(Role.PLATFORM_ADMIN)) {
      throw new Forbidden("error.warninglist.forbidden");
    }
  }
}
