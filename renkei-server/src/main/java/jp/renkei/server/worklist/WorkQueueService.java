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
import jp.renkei.server.intel.TaxiiFeeds;
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

  /** The most items one section reads; a longer section says so ("500+"). */
  public static final int SECTION_LIMIT = 500;

  private final ReportService reports;
  private final AdvisoryService advisories;
  private final TaxiiFeeds feeds;
  private final DirectoryService directory;
  private final WorklistProperties properties;
  private final Clock clock;

  WorkQueueService(
      ReportService reports,
      AdvisoryService advisories,
      TaxiiFeeds feeds,
      DirectoryService directory,
      WorklistProperties properties,
      Optional<Clock> clock) {
    this.reports = reports;
    this.advisories = advisories;
    this.feeds = feeds;
    this.directory = directory;
    this.properties = properties;
    this.clock = clock.orElse(Clock.systemUTC());
  }

  public WorkQueue queue(Actor actor) {
    Instant now = clock.instant();
    if (actor.organisationId() == null) {
      return new WorkQueue(
          List.of(),
          List.of(),
          List.of(),
          List.of(),
          List.of(),
          List.of(),
          new WorkQueue.Sections(false, false, false, false),
          false,
          properties.commentsSince().toDays(),
          now);
    }
    List<WorkQueue.ReportItem> waiting =
        reports.waiting(actor, SECTION_LIMIT).stream()
            .map(i -> new WorkQueue.ReportItem(i, action(i)))
            .toList();
    List<WorkQueue.AdvisoryItem> toConfirm =
        advisories.toConfirm(actor, SECTION_LIMIT).stream()
            .map(
                a -> {
                  Instant deadline = a.deliveredAt().plus(properties.confirmWithin());
                  return new WorkQueue.AdvisoryItem(a, deadline, now.isAfter(deadline));
                })
            .toList();
    boolean issuer = advisories.mayIssue(actor);
    List<AdvisoryService.Unconfirmed> mine =
        issuer ? advisories.unconfirmedOfMine(actor, SECTION_LIMIT) : List.of();
    List<ReportService.CommentNotice> comments =
        reports.recentComments(actor, now.minus(properties.commentsSince()), SECTION_LIMIT);
    boolean orgAdmin = actor.is(Role.ORG_ADMIN);
    boolean platformAdmin = actor.is(Role.PLATFORM_ADMIN);
    List<AdvisoryService.FailedDelivery> failed =
        orgAdmin ? advisories.failedDeliveries(actor, SECTION_LIMIT) : List.of();
    List<TaxiiFeeds.Feed> failing =
        platformAdmin
            ? feeds.list(actor).stream().filter(f -> "failing".equals(f.health())).toList()
            : List.of();
    boolean relays = "ceptoar".equals(directory.organisation(actor.organisationId()).typeCode());
    boolean capped =
        waiting.size() >= SECTION_LIMIT
            || toConfirm.size() >= SECTION_LIMIT
            || mine.size() >= SECTION_LIMIT
            || comments.size() >= SECTION_LIMIT
            || failed.size() >= SECTION_LIMIT;
    return new WorkQueue(
        waiting,
        toConfirm,
        mine,
        comments,
        failed,
        failing,
        new WorkQueue.Sections(issuer, orgAdmin, platformAdmin, relays),
        capped,
        properties.commentsSince().toDays(),
        now);
  }

  private static String action(ReportService.InboxItem i) {
    if (i.awaitingRelay() != null) {
      return "relay";
    }
    return i.readAt() == null ? "read" : "forward";
  }
}
