package jp.renkei.server.security;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import jp.renkei.server.config.SecurityProperties;
import org.springframework.stereotype.Component;

/**
 * Refuses sign-in from a client address that has failed too often within the window, whatever
 * logins it tries (account lockout alone does not stop guessing across many accounts). An IPv6
 * client is counted by its /64 (one line or server is given a whole /64, so a fresh address for
 * every try was a fresh count), an IPv4 client by its address, also when written IPv4-mapped (see
 * {@link #key}). Counts are kept per server instance; at most {@code MAX_TRACKED} addresses are
 * tracked, oldest windows dropped first.
 */
@Component
class ClientThrottle {

  static final int MAX_TRACKED = 100_000;

  private record Window(Instant start, int failures) {}

  private final ConcurrentHashMap<String, Window> windows = new ConcurrentHashMap<>();
  private final SecurityProperties security;
  private final Clock clock;

  ClientThrottle(SecurityProperties security, Optional<Clock> clock) {
    this.security = security;
    this.clock = clock.orElse(Clock.systemUTC());
  }

  boolean blocked(String address) {
    Window w = windows.get(key(address));
    return w != null && current(w) && w.failures() >= security.clientFailureLimit();
  }

  void failure(String address) {
    if (windows.size() >= MAX_TRACKED) {
      windows.values().removeIf(w -> !current(w));
    }
    windows.compute(
        key(address),
        (a, w) ->
            w == null || !current(w)
                ? new Window(clock.instant(), 1)
                : new Window(w.start(), w.failures() + 1));
  }

  private boolean current(Window w) {
    return w.start().plus(security.clientWindow()).isAfter(clock.instant());
  }

  /**
   * What failures of {@code address} are counted under: {@link ClientAddressKey#of}, an IPv6
   * address's first 64 bits, an IPv4 address in dotted form.
   */
  static String key(String address) {
    return ClientAddressKey.of(address);
  }
}
