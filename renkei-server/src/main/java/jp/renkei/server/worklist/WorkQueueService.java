package jp.renkei.server.worklist;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import jp.renkei.server.advisory.AdvisoryService;
import jp.renkei.server.audit.Actor;
import jp.renkei.server.config.WorklistProperties;
import jp.renkei.server.directory.DirectoryService;
import jp.renkei.server.directory.Role;
import jp.renkei.server.exposure.ExposureNotices;
import jp.renkei.server.exposure.KnowledgeFetcher;
import jp.renkei.server.intel.TaxiiFeeds;
import jp.renkei.server.listing.Section;
import jp.renkei.server.report.ReportService;
import org.springframework.stereotype.Service;

/**
 * Builds a person's work queue from the features' own read paths — the report inbox, advisory
 * receipts and reach, comments, the outbox and the feeds — each of which judges every object by the
 * sharing policy. Nothing here reads the database itself: an item or a count the queue shows is one
 * those paths already let the person see.
 */
@Service
public class WorkQueueService {

  /**
   * The most items one section counts; a longer section says so ("1000+"). Each counted item is
   * judged by the policy, but only the shown ones are built.
   */
  public static final int COUNT_LIMIT = 1_000;

  private final ReportService reports;
  private final AdvisoryService advisories;
  private final TaxiiFeeds feeds;
  private final DirectoryService directory;
  private final WorklistProperties properties;
  private final Clock clock;
  private final ExposureNotices exposureNotices;
  private final KnowledgeFetcher fetches;
  private final jp.renkei.server.exercise.survey.SurveyService surveys;

  WorkQueueService(
      ReportService reports,
      AdvisoryService advisories,
      TaxiiFeeds feeds,
      DirectoryService directory,
      WorklistProperties properties,
      Optional<Clock> clock,
      ExposureNotices exposureNotices,
      KnowledgeFetcher fetches,
      jp.renkei.server.exercise.survey.SurveyService surveys) {
    this.exposureNotices = exposureNotices;
    this.fetches = fetches;
    this.surveys = surveys;
    this.reports = reports;
    this.advisories = advisories;
    this.feeds = feeds;
    this.directory = directory;
    this.properties = properties;
    this.clock = clock.orElse(Clock.systemUTC());
  }

  /** The queue with the first {@link WorkQueue#SHOWN} items of each section. */
  public WorkQueue queue(Actor actor) {
    return queue(actor, WorkQueue.SHOWN);
  }

  /**
   * Only the counts (the navigation's poll): every item is judged and counted as for the page, but
   * none is built.
   */
  public WorkQueue counts(Actor actor) {
    return queue(actor, 0);
  }

  /**
   * Cancelled deliveries are listed from this instant on ({@code
   * renkei.worklist.cancelled-within}).
   */
  private Instant cancelledSince(Instant now) {
    return now.minus(properties.cancelledWithin());
  }

  /** How many cancelled deliveries one page of their list shows. */
  public static final int CANCELLED_PAGE = 50;

  /**
   * One page of cancelled deliveries (numbered from 1) within {@code
   * renkei.worklist.cancelled-within}, newest first, to the same people and cut by the same policy
   * as the queue's section.
   *
   * @param items the page's deliveries
   * @param page its number
   * @param hasNext whether a later page has deliveries the actor may see
   * @param days the window in days
   */
  public record CancelledPage(
      java.util.List<AdvisoryService.UnsentDelivery> items, int page, boolean hasNext, long days) {}

  public CancelledPage cancelled(Actor actor, int page) {
    if (page < 1 || page > COUNT_LIMIT / CANCELLED_PAGE) {
      throw new jp.renkei.server.failure.InvalidInput(
          "page", "validation.worklist.page", String.valueOf(page), COUNT_LIMIT / CANCELLED_PAGE);
    }
    int skip = (page - 1) * CANCELLED_PAGE;
    Section<AdvisoryService.UnsentDelivery> s =
        advisories.cancelledDeliveries(
            actor, cancelledSince(clock.instant()), skip, CANCELLED_PAGE, skip + CANCELLED_PAGE);
    return new CancelledPage(s.first(), page, s.capped(), properties.cancelledWithin().toDays());
  }

  private WorkQueue queue(Actor actor, int show) {
    Instant now = clock.instant();
    if (actor.organisationId() == null) {
      return new WorkQueue(
          Section.empty(),
          Section.empty(),
          Section.empty(),
          Section.empty(),
          Section.empty(),
          List.of(),
          new WorkQueue.Sections(false, false, false, false),
          properties.commentsSince().toDays(),
          now,
          Section.empty(),
          List.of(),
          surveys.unanswered(actor),
          Section.empty(),
          List.of());
    }
    Section<ReportService.InboxItem> found = reports.waiting(actor, show, COUNT_LIMIT);
    Section<WorkQueue.ReportItem> waiting =
        new Section<>(
            found.first().stream().map(i -> new WorkQueue.ReportItem(i, action(i))).toList(),
            found.count(),
            found.capped());
    // on the page every advisory to confirm is built: the overdue count needs each one's delivery
    Section<AdvisoryService.Summary> open =
        advisories.toConfirm(actor, show == 0 ? 0 : COUNT_LIMIT, COUNT_LIMIT);
    List<WorkQueue.AdvisoryItem> confirmItems =
        open.first().stream()
            .map(
                a -> {
                  // the issuer's 疎通確認 deadline when it set one; else the hub's default
                  Instant deadline =
                      a.confirmBy() != null
                          ? a.confirmBy()
                          : a.deliveredAt().plus(properties.confirmWithin());
                  return new WorkQueue.AdvisoryItem(a, deadline, now.isAfter(deadline));
                })
            .toList();
    Section<WorkQueue.AdvisoryItem> toConfirm =
        new Section<>(confirmItems, open.count(), open.capped());
    boolean issuer = advisories.mayIssue(actor);
    Section<AdvisoryService.Unconfirmed> mine =
        issuer ? advisories.unconfirmedOfMine(actor, show, COUNT_LIMIT) : Section.empty();
    Section<ReportService.CommentNotice> comments =
        reports.recentComments(actor, now.minus(properties.commentsSince()), show, COUNT_LIMIT);
    boolean orgAdmin = actor.is(Role.ORG_ADMIN);
    boolean platformAdmin = actor.is(Role.PLATFORM_ADMIN);
    Section<AdvisoryService.UnsentDelivery> failed =
        orgAdmin ? advisories.failedDeliveries(actor, show, COUNT_LIMIT) : Section.empty();
    // not part of the counts the navigation polls (nothing waits on anyone): read for the page only
    Section<AdvisoryService.UnsentDelivery> cancelled =
        orgAdmin && show > 0
            ? advisories.cancelledDeliveries(actor, cancelledSince(now), 0, show, COUNT_LIMIT)
            : Section.empty();
    List<TaxiiFeeds.Feed> failing =
        platformAdmin
            ? feeds.list(actor).stream().filter(f -> "failing".equals(f.health())).toList()
            : List.of();
    boolean relays = "ceptoar".equals(directory.organisation(actor.organisationId()).typeCode());
    return new WorkQueue(
        waiting,
        toConfirm,
        mine,
        comments,
        failed,
        failing,
        new WorkQueue.Sections(issuer, orgAdmin, platformAdmin, relays),
        properties.commentsSince().toDays(),
        now,
        exposureNotices.open(actor, show, COUNT_LIMIT),
        fetches.failing(actor),
        surveys.unanswered(actor),
        cancelled,
        platformAdmin ? directory.withPendingIdentity(actor) : List.of());
  }

  private static String action(ReportService.InboxItem i) {
    if (i.awaitingRelay() != null) {
      return "relay";
    }
    return i.readAt() == null ? "read" : "forward";
  }
}
