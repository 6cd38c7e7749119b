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
 * @param clientFailureLimit failed sign-ins from one client address within {@code clientWindow}
 *     after which that address is refused for the rest of the window (default 20)
 * @param clientWindow the window for {@code clientFailureLimit} (default 10 minutes)
 * @param minPasswordLength shortest password accepted for new or changed passwords (default 12)
 * @param credentialKeyFile the key that seals stored feed credentials (default {@code
 *     <data-dir>/credential.key}, made on first use); every instance of a hub must read the same
 */
@Validated
@ConfigurationProperties("renkei.security")
public record SecurityProperties(
    @Min(1) @Max(100) @DefaultValue("5") int maxFailedLogins,
    @NotNull @DefaultValue("15m") Duration lockout,
    @Min(1) @DefaultValue("20") int clientFailureLimit,
    @NotNull @DefaultValue("10m") Duration clientWindow,
    @Min(8) @Max(128) @DefaultValue("12") int minPasswordLength,
    Path credentialKeyFile) {}
