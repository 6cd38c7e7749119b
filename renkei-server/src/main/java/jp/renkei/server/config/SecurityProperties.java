package jp.renkei.server.config;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Sign-in protection and credential rules.
 *
 * @param maxFailedLogins consecutive wrong passwords after which an account is locked (default 5)
 * @param lockout how long a locked account stays locked (default 15 minutes)
 * @param knownClientFor how long a client address the account signed in from stays exempt from the
 *     account's lock (it is then locked by its own {@code maxFailedLogins} failures only), so that
 *     failing on purpose from elsewhere cannot keep the account's own people out (default 90 days)
 * @param clientFailureLimit failed sign-ins from one client address within {@code clientWindow}
 *     after which that address is refused for the rest of the window (default 20)
 * @param clientWindow the window for {@code clientFailureLimit} (default 10 minutes)
 * @param minPasswordLength shortest password accepted for new or changed passwords (default 12)
 * @param credentialKeyFile the key that seals stored feed credentials and second-factor secrets
 *     (default {@code <data-dir>/credential.key}, made on first use); every instance of a hub must
 *     read the same
 * @param tokenLifetime how long an API token lives when its maker does not say (default 90 days)
 * @param tokenMaxLifetime the longest life a token may be given (default 365 days)
 * @param requireTotpForAdmins whether platform admins must use a second factor (TOTP): until they
 *     enrol, their session reaches only the enrolment page (default false)
 * @param totpIssuer the name authenticator apps show beside the code (default Renkei)
 * @param sessionIdle how long a browser session lasts without the person doing anything (default 30
 *     minutes); background refreshes of an open page (the work queue's polling) do not count, so an
 *     unattended screen is signed out all the same
 */
@Validated
@ConfigurationProperties("renkei.security")
public record SecurityProperties(
    @Min(1) @Max(100) @DefaultValue("5") int maxFailedLogins,
    @NotNull @DefaultValue("15m") Duration lockout,
    @NotNull @DefaultValue("90d") Duration knownClientFor,
    @Min(1) @DefaultValue("20") int clientFailureLimit,
    @NotNull @DefaultValue("10m") Duration clientWindow,
    @Min(8) @Max(128) @DefaultValue("12") int minPasswordLength,
    Path credentialKeyFile,
    @NotNull @DefaultValue("90d") Duration tokenLifetime,
    @NotNull @DefaultValue("365d") Duration tokenMaxLifetime,
    @DefaultValue("false") boolean requireTotpForAdmins,
    @NotNull @DefaultValue("Renkei") String totpIssuer,
    @NotNull @DefaultValue("30m") Duration sessionIdle) {

  public SecurityProperties {
    if (tokenLifetime.compareTo(tokenMaxLifetime) > 0 || tokenLifetime.toDays() < 1) {
      throw new IllegalArgumentException(
          "renkei.security.token-lifetime must be at least a day and at most token-max-lifetime");
    }
  }
}
