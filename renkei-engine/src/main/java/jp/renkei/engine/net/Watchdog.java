package jp.renkei.engine.net;

import java.util.concurrent.ScheduledThreadPoolExecutor;

/**
 * The one-thread scheduler that closes a connection when its whole deadline passes (discovery
 * probes, site probes, SMTP exchanges): a daemon thread, so it never keeps a JVM alive, and
 * cancelled closings leave its queue at once, since most exchanges end long before their deadline.
 */
public final class Watchdog {

  private Watchdog() {}

  /** A new watchdog whose thread is named {@code threadName}. */
  public static ScheduledThreadPoolExecutor daemon(String threadName) {
    ScheduledThreadPoolExecutor w =
        new ScheduledThreadPoolExecutor(
            1,
            r -> {
              Thread t = new Thread(r, threadName);
              t.setDaemon(true);
              return t;
            });
    w.setRemoveOnCancelPolicy(true);
    return w;
  }
}
