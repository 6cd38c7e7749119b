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
 * (backoff, leases) while the app narrows who may read what it carries. A refusal is a reason code
 * (put in words on the pages, Japanese and English) and a sentence (no address, no title), stored
 * on the row and audited; the row is then cancelled, never retried.
 *
 * <ul>
 *   <li>Every row to an organisation's duty address or webhook: the organisation is still active.
 *   <li>An advisory: its issuing organisation is still active (one deactivated because it left the
 *       partnership or was compromised sends nothing more; what already went stays).
 *   <li>An advisory: the organisation as a whole is in the advisory's audience now by the one
 *       sharing policy ({@link SharingGate#checkOrganisation}), and an exercise's advisory belongs
 *       to a run that is not stopped and allows e-mail. Every version goes, an earlier one too when
 *       a later one exists before it went (each version is one message to its recipients,
 *       ReportSharingScenarioIT's model) — unless the advisory was withdrawn before it went: a
 *       version the issuer took back is not sent to a recipient it had not reached yet. The
 *       withdrawal itself goes on a channel only where the recipient received an earlier version
 *       (no notice of withdrawing something it never got); while an earlier version's row is still
 *       in flight there, the withdrawal waits for it to end. Read fresh for every row, not once per
 *       tick: a withdrawal committed during a tick is honoured at once.
 *   <li>An exercise inject's e-mail: the run is not stopped and allows e-mail, and the address is
 *       still that of an enabled member of the run in the row's organisation.
 * </ul>
 *
 * A reset notice goes to the person it is about only while the person is enabled and their
 * organisation active (attack28c): a disabled account cannot sign in, so the notice protects
 * nothing of theirs, and an organisation made inactive may no longer have its own people reading
 * its mailboxes; the row is cancelled ({@code inactive}).
 */
final class SendTimeCheck {

  private final JdbcClient jdbc;
  private final SharingGate gate;
  private final AdvisoryRepository advisories;

  /**
   * What a tick reads once per advisory: its exercise run's refusal, its audience, and whether its
   * issuing organisation is still active.
   */
  private record AdvisoryFacts(Optional<Verdict> run, Audience audience, boolean issuerActive) {}

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

  /**
   * What the sender does with a row now: {@link #SEND} it, {@link #WAIT} (a withdrawal whose
   * recipient's earlier version is still in flight on the same channel), or cancel it with a reason
   * {@code code} (a key under {@code work.outbox.cancelled.}) and {@code reason} in words.
   */
  record Verdict(String code, String reason) {
    static final Verdict SEND = new Verdict(null, null);
    static final Verdict WAIT = new Verdict("wait", null);

    static Verdict cancel(String code, String reason) {
      return new Verdict(code, reason);
    }

    boolean sends() {
      return this == SEND;
    }

    boolean waits() {
      return this == WAIT;
    }
  }

  /** What to do with {@code due} now. */
  Verdict judge(OutboxSender.Due due) {
    if (due.accountMailId() != null) {
      return accountMail(due.accountMailId());
    }
    if (due.exerciseMailId() != null) {
      return exerciseMail(due);
    }
    var check = organisation(due.organisationId());
    if (check.isEmpty()) {
      return Verdict.cancel("inactive", "the organisation is no longer active");
    }
    if (due.advisoryId() == null) {
      return Verdict.SEND; // an exposure notice or NOTICE reminder: the organisation's own
    }
    AdvisoryFacts f = facts(due.advisoryId());
    if (f.run().isPresent()) {
      return f.run().get();
    }
    if (f.audience() == null) {
      return Verdict.cancel("gone", "the advisory is gone");
    }
    if (!f.issuerActive()) {
      return Verdict.cancel("issuerInactive", "the issuing organisation is no longer active");
    }
    Decision d = check.get().decide(f.audience());
    if (!d.allowed()) {
      return Verdict.cancel(
          "outsideAudience",
          "the organisation is outside the advisory's audience now (" + d.reason() + ")");
    }
    return withdrawal(due);
  }

  /**
   * A version withdrawn before it went is not sent; a withdrawal goes on a channel only where the
   * recipient received an earlier version, and waits while one is in flight there.
   */
  private Verdict withdrawal(OutboxSender.Due due) {
    record Versions(Integer withdrawnBy, boolean isWithdrawal) {}
    Versions t =
        jdbc.sql(
                "select max(version_no) filter (where kind = 'withdrawal'),"
                    + " coalesce(bool_or(kind = 'withdrawal' and version_no = ?), false)"
                    + " from advisory_version where advisory_id = ?")
            .params(due.versionNo(), due.advisoryId())
            .query((rs, i) -> new Versions(rs.getObject(1, Integer.class), rs.getBoolean(2)))
            .single();
    if (t.withdrawnBy() == null) {
      return Verdict.SEND;
    }
    if (!t.isWithdrawal()) {
      return Verdict.cancel(
          "withdrawn",
          "version "
              + due.versionNo()
              + " was withdrawn (version "
              + t.withdrawnBy()
              + ") before it went");
    }
    record Earlier(long sent, long pending) {}
    Earlier e =
        jdbc.sql(
                "select count(*) filter (where status = 'sent'),"
                    + " count(*) filter (where status = 'pending') from outbox where advisory_id = ?"
                    + " and organisation_id = ? and channel = ? and version_no < ?")
            .params(due.advisoryId(), due.organisationId(), due.channel(), due.versionNo())
            .query((rs, i) -> new Earlier(rs.getLong(1), rs.getLong(2)))
            .single();
    if (e.sent() > 0) {
      return Verdict.SEND;
    }
    if (e.pending() > 0) {
      return Verdict.WAIT;
    }
    return Verdict.cancel(
        "neverReceived",
        "no earlier version of the advisory went to this recipient by "
            + due.channel()
            + " before it was withdrawn; no withdrawal notice");
  }

  /**
   * The advisory's exercise run's refusal and its whole audience read as every reading path reads
   * it ({@link AdvisoryService#audience}); a null audience when it is gone.
   */
  private AdvisoryFacts readFacts(long advisoryId) {
    Optional<Verdict> run =
        jdbc.sql(
                "select r.state, r.email_allowed from advisory a join exercise_run r"
                    + " on r.id = a.exercise_run_id where a.id = ?")
            .param(advisoryId)
            .query((rs, i) -> runRefusal(rs.getString(1), rs.getBoolean(2)))
            .optional()
            .flatMap(r -> r);
    Optional<AdvisoryRepository.Advisory> advisory = advisories.advisory(advisoryId);
    if (advisory.isEmpty()) {
      return new AdvisoryFacts(run, null, false);
    }
    Set<Long> recipients =
        Set.copyOf(
            jdbc.sql("select organisation_id from advisory_recipient where advisory_id = ?")
                .param(advisoryId)
                .query(Long.class)
                .list());
    boolean issuerActive =
        jdbc.sql("select active from organisation where id = ?")
            .param(advisory.get().issuerOrgId())
            .query(Boolean.class)
            .optional()
            .orElse(false);
    return new AdvisoryFacts(
        run, AdvisoryService.audience(advisory.get(), recipients), issuerActive);
  }

  private Verdict exerciseMail(OutboxSender.Due due) {
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
      return Verdict.cancel("runGone", "the exercise run is gone");
    }
    Optional<Verdict> refused = runRefusal(run.state(), run.emailAllowed());
    if (refused.isPresent()) {
      return refused.get();
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
        ? Verdict.SEND
        : Verdict.cancel(
            "notMember",
            "the address is no longer an enabled member's of the run in that organisation");
  }

  /**
   * A notice about a person's own account (a reset) goes only while the person is enabled and their
   * organisation active: a disabled account gets none ({@code ResetNotices}). A notice meant for an
   * organisation's admins ({@code misnamed_identity}: a platform admin's ask, withholding or
   * release of an identity it stored) goes only while the person still is one (attack31: a person
   * demoted to analyst after it was queued was mailed the decision meant for the admins).
   */
  private Verdict accountMail(long accountMailId) {
    record Now(boolean enabled, boolean admin) {}
    Now now =
        jdbc.sql(
                "select u.enabled and o.active, m.kind <> 'misnamed_identity' or u.role in"
                    + " ('org_admin', 'platform_admin') from account_mail m join app_user u on"
                    + " u.id = m.user_id join organisation o on o.id = u.organisation_id where"
                    + " m.id = ?")
            .param(accountMailId)
            .query((rs, n) -> new Now(rs.getBoolean(1), rs.getBoolean(2)))
            .optional()
            .orElse(new Now(false, false));
    if (!now.enabled()) {
      return Verdict.cancel("inactive", "the person or their organisation is no longer active");
    }
    return now.admin()
        ? Verdict.SEND
        : Verdict.cancel(
            "notAdmin", "the person is no longer an administrator of their organisation");
  }

  private static Optional<Verdict> runRefusal(String state, boolean emailAllowed) {
    if ("STOPPED".equals(state)) {
      return Optional.of(Verdict.cancel("runEnded", "the exercise run has ended"));
    }
    if (!emailAllowed) {
      return Optional.of(
          Verdict.cancel("runNoMail", "the exercise run does not allow e-mail or webhooks"));
    }
    return Optional.empty();
  }
}
