package jp.renkei.server.config;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Web response-time measurement (ウェブサイト応答時間計測): how the hub probes registered sites and judges
 * them. See docs/monitoring.md.
 *
 * @param enabled whether the hub probes sites itself (default true; probe agents report either way)
 * @param threads probe worker threads of the hub (default 64: probes mostly wait on the network)
 * @param maxThreads how many probe workers the hub may grow to while probes hang, so that a mass
 *     stall cannot take the healthy sites' turns (default 1024: 2,000 sites stalling at a 60 s
 *     interval hold about 670 workers at once; threads above {@code threads} end after a minute
 *     idle)
 * @param queueCapacity due probes that may wait for a worker before turns are shed (default 20000)
 * @param timeout connect and answer timeout of one attempt (default 10s)
 * @param retries further attempts after a failed one, each recorded (default 1)
 * @param quorum N: vantage points that must agree a site is down or slow (default 2; with fewer
 *     active vantage points, all of them)
 * @param sustain how long each must have seen it so (default 60s)
 * @param stale a vantage point silent this long is not counted (default 5m)
 * @param raiseAfter evaluations in a row a condition holds before its alert is raised (default 2)
 * @param clearAfter evaluations in a row it is absent before the alert clears (default 3)
 * @param certWarning how long before a certificate expires its alert is raised (default 14d)
 * @param rawRetention how long raw results are kept, in whole days (default 7d)
 * @param rollupRetention how long hourly rollups are kept (default 400d)
 * @param maxSitesPerOrganisation sites one organisation may register (default 2000)
 */
@Validated
@ConfigurationProperties("renkei.monitor")
public record MonitorProperties(
    @DefaultValue("true") boolean enabled,
    @Min(1) @Max(1024) @DefaultValue("64") int threads,
    @Min(1) @Max(8192) @DefaultValue("1024") int maxThreads,
    @Min(100) @Max(1_000_000) @DefaultValue("20000") int queueCapacity,
    @NotNull @DefaultValue("10s") Duration timeout,
    @Min(0) @Max(3) @DefaultValue("1") int retries,
    @Min(1) @Max(100) @DefaultValue("2") int quorum,
    @NotNull @DefaultValue("60s") Duration sustain,
    @NotNull @DefaultValue("5m") Duration stale,
    @Min(1) @Max(100) @DefaultValue("2") int raiseAfter,
    @Min(1) @Max(100) @DefaultValue("3") int clearAfter,
    @NotNull @DefaultValue("14d") Duration certWarning,
    @NotNull @DefaultValue("7d") Duration rawRetention,
    @NotNull @DefaultValue("400d") Duration rollupRetention,
    @Min(1) @Max(100_000) @DefaultValue("2000") int maxSitesPerOrganisation) {}
