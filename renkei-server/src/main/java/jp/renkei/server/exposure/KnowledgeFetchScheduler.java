package jp.renkei.server.exposure;

import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Looks for a due knowledge source, in the server only (off unless renkei.exposure.fetch.enabled).
 */
@Component
@ConditionalOnWebApplication
class KnowledgeFetchScheduler {

  private final KnowledgeFetcher fetcher;

  KnowledgeFetchScheduler(KnowledgeFetcher fetcher) {
    this.fetcher = fetcher;
  }

  @Scheduled(
      fixedDelayString = "${renkei.exposure.fetch.check-interval:10m}",
      initialDelayString = "${renkei.exposure.fetch.check-interval:10m}")
  void fetchDue() {
    fetcher.fetchDue();
  }
}
