package jp.renkei.server.exposure.discovery;

import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Runs discovery on its cadence (BOD 23-01 by default: discovery every 7 days, enumeration every
 * 14), checked hourly, one organisation after another.
 */
@Component
class DiscoveryScheduler {

  private static final Logger log = LoggerFactory.getLogger(DiscoveryScheduler.class);

  private final DiscoveryService discovery;

  DiscoveryScheduler(DiscoveryService discovery) {
    this.discovery = discovery;
  }

  @Scheduled(initialDelayString = "15m", fixedDelayString = "${renkei.discovery.check:1h}")
  void tick() {
    DiscoveryProperties p = discovery.properties();
    if (!p.schedule()) {
      return;
    }
    for (String kind : new String[] {"discovery", "enumeration"}) {
      for (long org : discovery.due(kind, Instant.now())) {
        try {
          var run = discovery.run(org, kind, p.ports(), p.tlsPorts(), discovery.scopesDns());
          log.info(
              "Discovery {} of organisation {}: {} probes, {} found",
              kind,
              org,
              run.probes(),
              run.found());
        } catch (RuntimeException e) {
          log.warn("Discovery {} of organisation {} failed: {}", kind, org, e.toString());
        }
      }
    }
  }
}
