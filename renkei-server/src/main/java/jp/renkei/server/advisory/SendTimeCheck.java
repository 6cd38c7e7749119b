package jp.renkei.server.advisory;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import jp.renkei.engine.policy.Audience;
import jp.renkei.engine.policy.Decision;
import jp.renkei.server.sharing.SharingGate;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Whether an outbox row may still go, judged right before it is sent: a row may wait hours
 * (backoff, leases) while the app narrows who may read what it carries. A refusal is a reason in
 * words (no address, no title), stored on the row and audited; the row is then cancelled, never
 * retried.
 *
 * <ul>
 *   <li>Every row to an organisation's duty address or webhook: the organisation is still active.
 *   <li>An advisory: the organisation as a whole is in the advisory's audience now by the one
 *       sharing policy ({@link SharingGate#checkOrganisation}), and an exercise's advisory belongs
 *       to a run that is not stopped and allows e-mail. Every version goes, an earlier one too when
 *       a later one exists before it went (each version is one message to its recipients,
 *       ReportSharingScenarioIT's model).
 *   <li>An exercise inject's e-mail: the run is not stopped and allows e-mail, and the address is
 *       still that of an enabled member of the run in the row's organisation.
 * </ul>
 *
 * A reset notice goes to the person it is about, as queued: the person may have been disabled
 * since, and is still told.
 */
final class SendTimeCheck {

  private final JdbcClient jdbc;
  private final SharingGate gate;
  private final AdvisoryRepository advisories;

  /** What a tick reads once per advisory: its exercise run's refusal and its audience. */
  private record AdvisoryFacts(Optional<String> run, Audience audience) {}

  // one sending tick's reads (null outside a tick): a tick lasts a few seconds at most, and a
  // narrowing committed during it is seen from the next tick on
  private Map<Long, Optional<SharingGate.Check>> organisations;
  private Map<Long, AdvisoryFacts> advisoryFacts;

  SendTimeCheck(JdbcClient jdbc, SharingGate gate, AdvisoryRepository advisories) {
    this.jdbc = jdbc;
    this.gate = gate;
    this.advisories = advisories;
  }

  void beginTick() {
    organisations = new HashMap<>();
    advisoryFacts = new HashMap<>();
  }

  void endTick() {
    organisations = null;
    advisoryFacts = null;
  }

  private Optional<SharingGate.Check> organisation(long id) {
    return organisations == null
        ? gate.checkOrganisation(id)
        : organisations.computeIfAbsent(id, gate::checkOrganisation);
  }

  private AdvisoryFacts facts(long advisoryId) {
    if (advisoryFacts == null) {
      return readFacts(advisoryId);
    }
    AdvisoryFacts f = advisoryFacts.get(advisoryId);
    if (f == null) {
      f = readFacts(advisoryId);
      advisoryFacts.put(advisoryId, f);
    }
    return f;
  }

  /** Why {@code due} may not be sent now; empty when it may. */
  Optional<String> refusal(OutboxSender.Due due) {
    if (due.accountMailId() != null) {
      return Optional.empty();
    }
    if (due.exerciseMailId() != null) {
      return exerciseMail(due);
    }
    var check = organisation(due.organisationId());
    if (check.isEmpty()) {
      return Optional.of("the organisation is no longer active");
    }
    if (due.advisoryId() == null) {
      return Optional.empty(); // an exposure notice or NOTICE reminder: the organisation's own
    }
    AdvisoryFacts f = facts(due.advisoryId());
    if (f.run().isPresent()) {
      return f.run();
    }
    if (f.audience() == null) {
      return Optional.of("the advisory is gone");
    }
    Decision d = check.get().decide(f.audience());
    return d.allowed()
        ? Optional.empty()
        : Optional.of(
            "the organisation is outside the advisory's audience now (" + d.reason() + ")");
  }

  /**
   * The advisory's exercise run's refusal and its whole audience read as every reading path reads
   * it ({@link AdvisoryService#audience}); a null audience when it is gone.
   */
  private AdvisoryFacts readFacts(long advisoryId) {
    Optional<String> run =
        jdbc.sql(
                "select r.state, r.email_allowed from advisory a join exercise_run r"
                    + " on r.id = a.exercise_run_id where a.id = ?")
            .param(advisoryId)
            .query((rs, i) -> runRefusal(rs.getString(1), rs.getBoolean(2)))
            .optional()
            .flatMap(r -> r);
    Optional<AdvisoryRepository.Advisory> advisory = advisories.advisory(advisoryId);
    if (advisory.isEmpty()) {
      return new AdvisoryFacts(run, null);
    }
    Set<Long> recipients =
        Set.copyOf(
            jdbc.sql("select organisation_id from advisory_recipient where advisory_id = ?")
                .param(advisoryId)
                .query(Long.class)
                .list());
    return new AdvisoryFacts(run, AdvisoryService.audience(advisory.get(), recipients));
  }

  private Optional<String> exerciseMail(OutboxSender.Due due) {
    record Run(long id, String state, boolean emailAllowed) {}
    Run run =
        jdbc.sql(
                "select r.id, r.state, r.email_allowed from exercise_mail m"
                    + " join exercise_run r on r.id = m.run_id where m.id = ?")
            .param(due.exerciseMailId())
            .query((rs, i) -> new Run(rs.getLong(1), rs.getString(2), rs.getBoolean(3)))
            .optional()
            .orElse(null);
    if (run == null) {
      return Optional.of("the exercise run is gone");
    }
    Optional<String> refused = runRefusal(run.state(), run.emailAllowed());
    if (refused.isPresent()) {
      return refused;
    }
    boolean member =
        jdbc.sql(
                "select exists (select 1 from exercise_member m join app_user u on u.id = m.user_id"
                    + " join organisation o on o.id = u.organisation_id where m.run_id = ?"
                    + " and u.enabled and o.active and u.organisation_id = ?"
                    + " and lower(btrim(u.email)) = lower(?))")
            .params(run.id(), due.organisationId(), due.target())
            .query(Boolean.class)
            .single();
    return member
        ? Optional.empty()
        : Optional.of(
            "the address is no longer an enabled member's of the run in that organisation");
  }

  private static Optional<String> runRefusal(String state, boolean emailAllowed) {
    if ("STOPPED".equals(state)) {
      return Optional.of("the exercise run has ended");
    }
    if (!emailAllowed) {
      return Optional.of("the exercise run does not allow e-mail or webhooks");
    }
    return Optional.empty();
  }
}
