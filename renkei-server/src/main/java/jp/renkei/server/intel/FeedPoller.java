package jp.renkei.server.intel;

import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Polls the TAXII feeds that are due, in the server only. Several instances share the work: a feed
 * is claimed with {@code FOR UPDATE SKIP LOCKED} before it is polled.
 */
@Component
@ConditionalOnWebApplication
class FeedPoller {

  private final TaxiiFeeds feeds;

  FeedPoller(TaxiiFeeds feeds) {
    this.feeds = feeds;
  }

  @Scheduled(
      fixedDelayString = "${renkei.feeds.check-interval:10s}",
      initialDelayString = "${renkei.feeds.check-interval:10s}")
  void pollDue() {
    feeds.pollDue();
  }
}
