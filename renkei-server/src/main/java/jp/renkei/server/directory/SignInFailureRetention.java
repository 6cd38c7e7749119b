package jp.renkei.server.directory;

import java.time.Clock;
import java.util.Optional;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Forgets failed sign-ins that no longer count: a day after the last one, once no lock runs ({@link
 * UserService#FORGET_FAILURES_AFTER}). Unknown logins are counted too, so without this the table
 * would keep every name anyone ever tried. Hourly; every instance may run it.
 */
@Component
@ConditionalOnWebApplication
class SignInFailureRetention {

  private final SignInFailures failures;
  private final Clock clock;

  SignInFailureRetention(SignInFailures failures, Optional<Clock> clock) {
    this.failures = failures;
    this.clock = clock.orElse(Clock.systemUTC());
  }

  @Scheduled(initialDelayString = "1m", fixedDelayString = "1h")
  void forget() {
    failures.forget(clock.instant().minus(UserService.FORGET_FAILURES_AFTER));
  }
}
