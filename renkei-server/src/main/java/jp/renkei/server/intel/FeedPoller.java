package jp.renkei.server.intel;

import jakarta.annotation.PreDestroy;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import jp.renkei.server.audit.Actor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Polls the TAXII feeds that are due, in the server only. Several instances share the work: a feed
 * is claimed with {@code FOR UPDATE SKIP LOCKED} before it is polled.
 *
 * <p>The polls run on a thread of their own ({@code feed-poller}), one round at a time, never on
 * the instance's scheduling thread: advisory delivery, monitor notices and exercise ticks share
 * that thread, and a slow or hostile peer held all of them for as long as its poll lasted
 * (feedpoll30). A round still running when the next check comes is not doubled.
 *
 * <p>An admin's "poll now" is handed to the same thread ({@link #pollSoon}) and answered at once
 * (outbound31): run on the request thread it held the admin's request, and a web worker, up to the
 * 5-minute poll deadline. A feed's poll asked for while one is still waiting is not queued twice,
 * so the waiting polls are at most one per feed.
 */
@Component
@ConditionalOnWebApplication
class FeedPoller {

  private static final Logger log = LoggerFactory.getLogger(FeedPoller.class);

  private final TaxiiFeeds feeds;
  private final AtomicBoolean running = new AtomicBoolean();
  private final ExecutorService worker =
      Executors.newSingleThreadExecutor(
          r -> {
            Thread t = new Thread(r, "feed-poller");
            t.setDaemon(true);
            return t;
          });

  /** Feeds whose "poll now" waits for or runs on the poller's thread. */
  private final Set<Long> requested = ConcurrentHashMap.newKeySet();

  FeedPoller(TaxiiFeeds feeds) {
    this.feeds = feeds;
  }

  @Scheduled(
      fixedDelayString = "${renkei.feeds.check-interval:10s}",
      initialDelayString = "${renkei.feeds.check-interval:10s}")
  void pollDue() {
    if (!running.compareAndSet(false, true)) {
      return; // the last round is still polling
    }
    try {
      worker.execute(
          () -> {
            try {
              feeds.pollDue();
            } catch (RuntimeException e) {
              log.error("Polling the feeds that are due failed", e);
            } finally {
              running.set(false);
            }
          });
    } catch (RejectedExecutionException e) {
      running.set(false); // shutting down
    }
  }

  /**
   * An admin's "poll now": checked here (platform admin, the feed exists), polled on the poller's
   * thread after the round in progress; the result shows in the feed's state (last success, last
   * error, health) when the poll ends.
   *
   * @return the feed's state now, before the poll
   */
  TaxiiFeeds.Feed pollSoon(Actor actor, long id) {
    TaxiiFeeds.Feed now = feeds.get(actor, id);
    if (requested.add(id)) {
      try {
        worker.execute(
            () -> {
              try {
                feeds.pollNow(actor, id);
              } catch (RuntimeException e) {
                log.error("Polling feed {} now failed", id, e);
              } finally {
                requested.remove(id);
              }
            });
      } catch (RejectedExecutionException e) {
        requested.remove(id); // shutting down
      }
    }
    return now;
  }

  @PreDestroy
  void stop() {
    worker.shutdownNow();
  }
}
