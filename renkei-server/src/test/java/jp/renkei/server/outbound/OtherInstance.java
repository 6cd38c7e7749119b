package jp.renkei.server.outbound;

import java.util.Set;
import jp.renkei.server.config.NotifyProperties;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Another instance of the hub on the same database, as far as webhook lanes go (tests). */
public final class OtherInstance {

  private OtherInstance() {}

  /** The receivers a freshly started instance's lanes would not deliver to now. */
  public static Set<Long> heldWebhookReceivers(NotifyProperties notify, JdbcClient jdbc) {
    try (WebhookLanes lanes = new WebhookLanes(notify, jdbc)) {
      return lanes.held();
    }
  }
}
