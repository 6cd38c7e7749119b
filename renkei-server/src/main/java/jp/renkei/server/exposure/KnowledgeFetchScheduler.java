package jp.renkei.server.exposure;

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
 * Looks for a due knowledge source, in the server only (off unless renkei.exposure.fetch.enabled).
 *
 * <p>The fetches run on a thread of their own ({@code knowledge-fetch}), one round at a time, never
 * on the instance's scheduling thread (outbound31): a round fetches up to four sources of up to 64
 * MB each, each exchange allowed up to {@code renkei.outbound.max-exchange-time} (10 min), and on
 * the scheduling thread a slow or trickling source held advisory e-mail, monitor notices and
 * exercise injects for as long. A round still running when the next check comes is not doubled.
 */
@Component
@ConditionalOnWebApplication
class KnowledgeFetchScheduler {

  private static final Logger log = LoggerFactory.getLogger(KnowledgeFetchScheduler.class);

  private final KnowledgeFetcher fetcher;
  private final AtomicBoolean running = new AtomicBoolean();
  private final ExecutorService worker =
      Executors.newSingleThreadExecutor(
          r -> {
            Thread t = new Thread(r, "knowledge-fetch");
            t.setDaemon(true);
            return t;
          });

  /** Sources whose "fetch now" waits for or runs on the fetch thread. */
  private final Set<String> requested = ConcurrentHashMap.newKeySet();

  KnowledgeFetchScheduler(KnowledgeFetcher fetcher) {
    this.fetcher = fetcher;
  }

  @Scheduled(
      fixedDelayString = "${renkei.exposure.fetch.check-interval:10m}",
      initialDelayString = "${renkei.exposure.fetch.check-interval:10m}")
  void fetchDue() {
    if (!running.compareAndSet(false, true)) {
      return; // the last round is still fetching
    }
    try {
      worker.execute(
          () -> {
            try {
              fetcher.fetchDue();
            } catch (RuntimeException e) {
              log.error("Fetching the knowledge sources that are due failed", e);
            } finally {
              running.set(false);
            }
          });
    } catch (RejectedExecutionException e) {
      running.set(false); // shutting down
    }
  }

  /**
   * A platform admin's "fetch now" of a source, checked here (role; an unknown or unconfigured
   * source is recorded as failed as before), fetched on the fetch thread after the round in
   * progress; the outcome shows in the fetch table when it ends. A source asked for while its fetch
   * still waits is not queued twice.
   */
  boolean fetchSoon(Actor actor, String source) {
    fetcher.checkFetchNow(actor);
    if (!fetcher.configured(source)) {
      return false;
    }
    if (!requested.add(source)) {
      return true;
    }
    try {
      worker.execute(
          () -> {
            try {
              fetcher.fetchNow(actor, source);
            } catch (RuntimeException e) {
              log.error("Fetching {} now failed", source, e);
            } finally {
              requested.remove(source);
            }
          });
    } catch (RejectedExecutionException e) {
      requested.remove(source); // shutting down
    }
    return true;
  }

  @PreDestroy
  void stop() {
    worker.shutdownNow();
  }
}
