package jp.renkei.server.exposure.discovery;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * When the server starts, a discovery run still "in progress" in the database belonged to a server
 * that stopped mid-run (its thread is gone): it is marked interrupted (中断) with the time, shown so
 * on the page, and may be started again. In the server only: a CLI command starting next to a
 * running server must not mark that server's runs. Assumes one server instance runs discovery.
 */
@Component
@ConditionalOnWebApplication
class DiscoveryRecovery {

  private static final Logger log = LoggerFactory.getLogger(DiscoveryRecovery.class);

  private final DiscoveryService discovery;

  DiscoveryRecovery(DiscoveryService discovery) {
    this.discovery = discovery;
  }

  @EventListener(ApplicationReadyEvent.class)
  void onStart() {
    int n = discovery.markInterrupted();
    if (n > 0) {
      log.info("{} discovery run(s) left in progress by a stopped server marked interrupted", n);
    }
  }
}
