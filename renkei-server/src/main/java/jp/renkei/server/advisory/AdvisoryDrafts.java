package jp.renkei.server.advisory;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import jp.renkei.server.audit.Actor;
import jp.renkei.server.audit.AuditLog;
import jp.renkei.server.failure.Forbidden;
import jp.renkei.server.failure.NotFound;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Advisory drafts (下書き): the form saved as it was, unchecked, by an analyst who may issue; seen,
 * changed, issued or deleted only by the analysts of the same organisation. Anyone else gets the
 * same {@link NotFound} as for a draft that never existed. A draft reaches nobody.
 */
@Service
public class AdvisoryDrafts {

  /** One line of the drafts list. */
  public record Summary(long id, String title, Instant updatedAt) {}

  private final AdvisoryDraftRepository drafts;
  private final AdvisoryService advisories;
  private final AuditLog audit;
  private final Clock clock;

  AdvisoryDrafts(
      AdvisoryDraftRepository drafts,
      AdvisoryService advisories,
      AuditLog audit,
      Optional<Clock> clock) {
    this.drafts = drafts;
    this.advisories = advisories;
    this.audit = audit;
    this.clock = clock.orElse(Clock.systemUTC());
  }

  /** Saves the form as a new draft or over the draft it came from; returns the draft's id. */
  @Transactional
  public long save(Actor actor, AdvisoryForm form) {
    if (!advisories.mayIssue(actor)) {
      throw new Forbidden("error.advisory.mayNotIssue");
    }
    form.confirmByInstant(); // a deadline that is no date is refused now, not at issue
    // a title with control characters is refused now too (the list of drafts shows it)
    jp.renkei.server.failure.OneLine.check("title", form.getTitle());
    if (form.getDraft() != null) {
      own(actor, form.getDraft());
      drafts.update(form.getDraft(), form, clock.instant());
      return form.getDraft();
    }
    long id = drafts.insert(actor.organisationId(), actor.userId(), form, clock.instant());
    audit.record(actor, AuditLog.Event.success("advisory.draft.save", "advisory_draft", id));
    return id;
  }

  /** The draft's form, for the actor's organisation only. */
  @Transactional(readOnly = true)
  public AdvisoryForm form(Actor actor, long id) {
    return own(actor, id).form();
  }

  @Transactional
  public void delete(Actor actor, long id) {
    own(actor, id);
    drafts.delete(id);
    audit.record(actor, AuditLog.Event.success("advisory.draft.delete", "advisory_draft", id));
  }

  /** Issues the form as an advisory and, if it came from a draft, removes the draft. */
  @Transactional
  public long issue(Actor actor, AdvisoryForm form) {
    if (form.getDraft() != null) {
      own(actor, form.getDraft());
    }
    long id = advisories.issue(actor, form.advisory());
    if (form.getDraft() != null) {
      drafts.delete(form.getDraft());
    }
    return id;
  }

  /** The actor organisation's drafts, newest first (none for those who may not issue). */
  public List<Summary> list(Actor actor, int limit) {
    if (!advisories.mayIssue(actor)) {
      return List.of();
    }
    return drafts.drafts(actor.organisationId(), limit).stream()
        .map(d -> new Summary(d.id(), d.form().getTitle(), d.updatedAt()))
        .toList();
  }

  private AdvisoryDraftRepository.Draft own(Actor actor, long id) {
    // asked whether or not the draft exists: another organisation's draft and a missing one do the
    // same work (attack30b)
    boolean mayIssue = advisories.mayIssue(actor);
    return drafts
        .draft(id)
        .filter(d -> mayIssue && d.issuerOrgId() == actor.organisationId())
        .orElseThrow(() -> new NotFound("advisory_draft", id));
  }
}
