package jp.renkei.server.report;

import java.time.Instant;
import jp.renkei.server.listing.ListQuery;

/**
 * What the inbox page's filters let SQL leave out before the policy judges the rest: the state of
 * the hop ({@code unread}, {@code read}, {@code forwarded}, {@code awaiting}), the report's TLP and
 * the delivery period (each null: any). It only narrows; the page applies its own filters to what
 * the policy lets through, so a row it keeps here and the page drops is never shown.
 */
public record InboxNarrowing(String status, String tlp, Instant from, Instant toExclusive) {

  public static final InboxNarrowing NONE = new InboxNarrowing(null, null, null, null);

  /** The narrowing of an inbox query's {@code status}, {@code tlp} and period filters. */
  public static InboxNarrowing of(ListQuery query) {
    return new InboxNarrowing(
        query.chosen("status").orElse(null),
        query.chosen("tlp").orElse(null),
        query.fromInstant(),
        query.toExclusive());
  }

  boolean allowsAwaiting() {
    return status == null || status.equals("awaiting");
  }
}
