package jp.renkei.server.report;

import java.time.Instant;
import java.util.List;
import jp.renkei.server.listing.ListQuery;

/**
 * What the inbox page's filters let SQL leave out before the policy judges the rest: the state of
 * the hop ({@code unread}, {@code read}, {@code forwarded}, {@code awaiting}), the report's TLP,
 * the delivery period and the organisations the recipient filter names (a report with a hop to one
 * of them, or to one of its anonymised copies) (each null: any). It only narrows; the page applies
 * its own filters to what the policy lets through, so a row it keeps here and the page drops is
 * never shown.
 */
public record InboxNarrowing(
    String status, String tlp, Instant from, Instant toExclusive, List<Long> recipients) {

  public static final InboxNarrowing NONE = new InboxNarrowing(null, null, null, null, null);

  /**
   * The narrowing of an inbox query's {@code status}, {@code tlp} and period filters, and of its
   * recipient filter naming {@code recipients} (null: no recipient filter).
   */
  static InboxNarrowing of(ListQuery query, List<Long> recipients) {
    return new InboxNarrowing(
        query.chosen("status").orElse(null),
        query.chosen("tlp").orElse(null),
        query.fromInstant(),
        query.toExclusive(),
        recipients == null ? null : List.copyOf(recipients));
  }

  boolean allowsAwaiting() {
    return status == null || status.equals("awaiting");
  }
}
