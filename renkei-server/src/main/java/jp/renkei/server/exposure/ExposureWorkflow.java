package jp.renkei.server.exposure;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Objects;
import jp.renkei.server.audit.Actor;
import jp.renkei.server.database.Rows;
import jp.renkei.server.directory.Role;
import jp.renkei.server.failure.FieldErrors;
import jp.renkei.server.failure.Forbidden;
import jp.renkei.server.failure.InvalidInput;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The finding workflow (DefectDojo-like): a status (open, in progress, mitigated, risk accepted
 * with a reason and an expiry, false positive), an owner, comments and the history of who changed
 * what and when. Read by whoever may read the finding (its details' audience, through {@link
 * ExposureAccess}); changed and commented only by the owning organisation's analysts. Kept under
 * the finding's key, so it survives re-imports and re-matches.
 */
@Service
public class ExposureWorkflow {

  public static final List<String> STATUSES =
      List.of("open", "in_progress", "mitigated", "risk_accepted", "false_positive");

  /** The longest a risk may be accepted for at once. */
  public static final int MAX_ACCEPT_DAYS = 366;

  private static final ZoneId JST = ZoneId.of("Asia/Tokyo");

  /** A change the owner asks for; null fields are left as they are. */
  public record Change(String status, String owner, String reason, String acceptedUntil) {}

  /** One line of a finding's history. */
  public record Event(
      String kind,
      String status,
      String text,
      LocalDate acceptedUntil,
      String actorName,
      Instant at) {}

  private final JdbcClient jdbc;
  private final ExposureAccess access;

  ExposureWorkflow(JdbcClient jdbc, ExposureAccess access) {
    this.jdbc = jdbc;
    this.access = access;
  }

  /** The finding, if the actor may change it: an analyst of the owning organisation. */
  private ExposureRepository.FindingRow own(Actor actor, long id) {
    ExposureRepository.FindingRow f =
        access.visibleFinding(actor, id); // NotFound outside the audience
    if (!Objects.equals(actor.organisationId(), f.organisationId()) || !actor.is(Role.ANALYST)) {
      throw new Forbidden("exposure.workflow.ownersOnly");
    }
    return f;
  }

  /** Changes status and/or owner; every wrong field is reported at once. */
  @Transactional
  public ExposureRepository.FindingRow change(Actor actor, long id, Change c) {
    ExposureRepository.FindingRow f = own(actor, id);
    String status = c.status() == null || c.status().isBlank() ? f.workflow() : c.status().strip();
    String owner = c.owner() == null ? f.assignee() : blankToNull(c.owner());
    String reason = blankToNull(c.reason());
    LocalDate today = LocalDate.now(JST);
    LocalDate[] until = new LocalDate[1];
    FieldErrors errors = new FieldErrors();
    errors.check(
        () -> {
          if (!STATUSES.contains(status)) {
            throw new InvalidInput("status", "exposure.workflow.error.status", status);
          }
        });
    errors.check(
        () -> {
          if (owner != null && owner.length() > 200) {
            throw new InvalidInput("owner", "exposure.workflow.error.tooLong", 200);
          }
        });
    if ("risk_accepted".equals(status)) {
      errors.check(
          () -> {
            if (reason == null || reason.length() > 2000) {
              throw new InvalidInput("reason", "exposure.workflow.error.reason", 2000);
            }
          });
      errors.check(
          () -> {
            String u = c.acceptedUntil() == null ? "" : c.acceptedUntil().strip();
            if (u.isEmpty()) {
              throw new InvalidInput(
                  "acceptedUntil", "exposure.workflow.error.untilMissing", MAX_ACCEPT_DAYS);
            }
            try {
              until[0] = LocalDate.parse(u);
            } catch (DateTimeParseException e) {
              throw new InvalidInput("acceptedUntil", "exposure.workflow.error.until", u);
            }
            if (!until[0].isAfter(today) || until[0].isAfter(today.plusDays(MAX_ACCEPT_DAYS))) {
              throw new InvalidInput(
                  "acceptedUntil", "exposure.workflow.error.untilRange", u, MAX_ACCEPT_DAYS);
            }
          });
    } else {
      errors.check(
          () -> {
            if (reason != null && reason.length() > 2000) {
              throw new InvalidInput("reason", "exposure.workflow.error.reason", 2000);
            }
          });
    }
    errors.throwIfAny();
    boolean statusChanged =
        !status.equals(f.workflow())
            || "risk_accepted".equals(status)
                && (!Objects.equals(until[0], f.acceptedUntil())
                    || !Objects.equals(reason, f.acceptReason()));
    boolean ownerChanged = !Objects.equals(owner, f.assignee());
    if (!statusChanged && !ownerChanged && reason == null) {
      return f;
    }
    jdbc.sql(
            "insert into exposure_finding_state (organisation_id, finding_key, status, owner,"
                + " reason, accepted_until) values (?, ?, ?, ?, ?, ?)"
                + " on conflict (organisation_id, finding_key) do update set status = excluded.status,"
                + " owner = excluded.owner, reason = excluded.reason,"
                + " accepted_until = excluded.accepted_until, updated_at = now()")
        .params(
            f.organisationId(),
            f.findingKey(),
            status,
            owner,
            "risk_accepted".equals(status) ? reason : null,
            until[0])
        .update();
    if (statusChanged || reason != null) {
      event(actor, f, "status", status, reason, until[0]);
    }
    if (ownerChanged) {
      event(actor, f, "owner", null, owner, null);
    }
    return access.visibleFinding(actor, id);
  }

  @Transactional
  public void comment(Actor actor, long id, String text) {
    ExposureRepository.FindingRow f = own(actor, id);
    String t = blankToNull(text);
    if (t == null || t.length() > 4000) {
      throw new InvalidInput("text", "exposure.workflow.error.comment", 4000);
    }
    event(actor, f, "comment", null, t, null);
  }

  /** The finding's history, oldest first, for whoever may read the finding. */
  public List<Event> history(Actor actor, long id) {
    ExposureRepository.FindingRow f = access.visibleFinding(actor, id);
    return jdbc.sql(
            "select kind, status, text, accepted_until, actor_name, at from exposure_finding_event"
                + " where organisation_id = ? and finding_key = ? order by at, id")
        .params(f.organisationId(), f.findingKey())
        .query(Rows.of(Event.class))
        .list();
  }

  private void event(
      Actor actor,
      ExposureRepository.FindingRow f,
      String kind,
      String status,
      String text,
      LocalDate until) {
    jdbc.sql(
            "insert into exposure_finding_event (organisation_id, finding_key, kind, status, text,"
                + " accepted_until, actor_name, user_id) values (?, ?, ?, ?, ?, ?, ?, ?)")
        .params(
            f.organisationId(),
            f.findingKey(),
            kind,
            status,
            text,
            until,
            actor.auditName(),
            actor.userId())
        .update();
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.strip();
  }
}
