package jp.renkei.server.worklist;

import java.time.Instant;
import java.util.List;
import jp.renkei.server.advisory.AdvisoryService;
import jp.renkei.server.exposure.ExposureNotices;
import jp.renkei.server.exposure.KnowledgeFetcher;
import jp.renkei.server.intel.TaxiiFeeds;
import jp.renkei.server.listing.Section;
import jp.renkei.server.report.ReportService;

/**
 * What waits on one signed-in person, section by section, each already cut by the sharing policy to
 * what that person may see. The navigation's counts are this queue's own counts, so they always
 * match it. A section holds its first items (built for the page, none for the counts' poll) and the
 * count of all of them, each judged by the policy as a shown item is.
 *
 * @param reports reports delivered to the organisation that wait on it (to relay, read or pass on)
 * @param toConfirm advisories delivered to the organisation, not yet confirmed, with deadlines
 * @param mine the organisation's advisories that some recipient has not confirmed (issuers only)
 * @param comments comments other organisations wrote recently on the organisation's reports
 * @param failedDeliveries advisory e-mails and webhooks given up on (admins only)
 * @param failingFeeds feed subscriptions failing since their last success (platform admins only)
 * @param exposureNotices KEV CVEs newly matching the organisation's own inventory, not yet read
 * @param commentDays how many days back {@code comments} go
 * @param failingFetches knowledge sources whose last scheduled fetch failed (platform admins only;
 *     gone once a later fetch succeeds)
 * @param surveys 事後アンケート of ended exercise runs the person plays in, open and not answered yet
 * @param cancelledDeliveries advisory e-mails and webhooks the outbox decided not to send, with why
 *     (admins only, as {@code failedDeliveries}); shown apart from the failed ones and not counted
 *     in {@link #total()}: nothing waits on anyone
 * @param pendingIdentities organisations whose admins added other names or domains that count in no
 *     other member's mail analysis until a platform admin confirms them (platform admins only;
 *     attack38)
 */
public record WorkQueue(
    Section<ReportItem> reports,
    Section<AdvisoryItem> toConfirm,
    Section<AdvisoryService.Unconfirmed> mine,
    Section<ReportService.CommentNotice> comments,
    Section<AdvisoryService.UnsentDelivery> failedDeliveries,
    List<TaxiiFeeds.Feed> failingFeeds,
    Sections shown,
    long commentDays,
    Instant asOf,
    Section<ExposureNotices.Notice> exposureNotices,
    List<KnowledgeFetcher.State> failingFetches,
    List<jp.renkei.server.exercise.survey.SurveyViews.Pending> surveys,
    Section<AdvisoryService.UnsentDelivery> cancelledDeliveries,
    List<jp.renkei.server.directory.Organisation> pendingIdentities) {

  /** Which sections this person's role and organisation have at all (empty ones say so). */
  public record Sections(boolean issuer, boolean orgAdmin, boolean platformAdmin, boolean relays) {}

  /**
   * A report waiting on the organisation. {@code action}: {@code relay} (an anonymised version to
   * relay), {@code read} (not opened yet) or {@code forward} (read, not passed on yet).
   */
  public record ReportItem(ReportService.InboxItem item, String action) {}

  /** An advisory to confirm and by when (delivery plus the configured window). */
  public record AdvisoryItem(AdvisoryService.Summary advisory, Instant deadline, boolean overdue) {}

  /** Items in the reports and advisories sections: what the inbox link counts. */
  public int inboxCount() {
    return reports.count() + toConfirm.count();
  }

  /** Every item in the queue: what the home link counts. */
  public int total() {
    return inboxCount()
        + mine.count()
        + comments.count()
        + failedDeliveries.count()
        + failingFeeds.size()
        + exposureNotices.count()
        + failingFetches.size()
        + surveys.size()
        + pendingIdentities.size();
  }

  /** The most items a section lists on the page; the rest are counted and linked. */
  public static final int SHOWN = 50;

  /** The items of a section the page lists. */
  public <T> List<T> first(Section<T> items) {
    return items.first().size() <= SHOWN ? items.first() : items.first().subList(0, SHOWN);
  }

  /** The items of a list the page lists (failing feeds are few and all read). */
  public <T> List<T> first(List<T> items) {
    return items.size() <= SHOWN ? items : items.subList(0, SHOWN);
  }

  /** How many items of a section the page counts but does not list. */
  public int more(Section<?> items) {
    return Math.max(0, items.count() - first(items).size());
  }

  /** How many failing feeds the page does not list. */
  public int more(List<?> items) {
    return Math.max(0, items.size() - SHOWN);
  }

  /** Whether a section reached {@link WorkQueueService#COUNT_LIMIT} (its count reads "n+"). */
  public boolean capped() {
    return reports.capped()
        || toConfirm.capped()
        || mine.capped()
        || comments.capped()
        || failedDeliveries.capped()
        || exposureNotices.capped();
  }

  /** The most items a section counts. */
  public int limit() {
    return WorkQueueService.COUNT_LIMIT;
  }

  /** How long ago {@code t} was, when the queue was read. */
  public java.time.Duration since(Instant t) {
    return java.time.Duration.between(t, asOf);
  }

  /** Overdue advisories to confirm (all are read: the count needs each one's deadline). */
  public long overdue() {
    return toConfirm.first().stream().filter(AdvisoryItem::overdue).count();
  }
}
