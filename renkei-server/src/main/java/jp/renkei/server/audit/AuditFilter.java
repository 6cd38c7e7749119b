package jp.renkei.server.audit;

import java.time.Instant;
import java.util.Set;

/**
 * What an admin asks of the audit log. Null fields do not filter. {@code action} matches as a
 * prefix ({@code auth.} finds every sign-in event); {@code actor} matches any part of the actor;
 * {@code organisations} keeps the entries of people in one of those organisations (an empty set
 * keeps none). The organisations only narrow what the viewer may browse anyway: an org admin asking
 * for another organisation gets nothing.
 */
public record AuditFilter(
    String action,
    String actor,
    String outcome,
    Instant from,
    Instant to,
    Long beforeSeq,
    int limit,
    Set<Long> organisations) {

  /** The most entries the API returns at once. */
  public static final int MAX_LIMIT = 500;

  /**
   * The most entries the audit page collects to filter, sort and page (the list's cap, plus one).
   */
  public static final int LIST_LIMIT = jp.renkei.server.listing.ListSpec.CAP + 1;

  public AuditFilter {
    action = blankToNull(action);
    actor = blankToNull(actor);
    outcome = blankToNull(outcome);
    limit = limit <= 0 ? 100 : Math.min(limit, LIST_LIMIT);
    organisations = organisations == null ? null : Set.copyOf(organisations);
  }

  /** Any organisation. */
  public AuditFilter(
      String action,
      String actor,
      String outcome,
      Instant from,
      Instant to,
      Long beforeSeq,
      int limit) {
    this(action, actor, outcome, from, to, beforeSeq, limit, null);
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.strip();
  }
}
