package jp.renkei.server.config;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Exposure (issue 16): the SSVC and due-date policy and the privacy of the sector figures. See
 * docs/exposure.md.
 *
 * @param epssPocThreshold EPSS at or above which SSVC Exploitation counts as public PoC (default
 *     0.5)
 * @param urgentDays BOD 26-04's shortest remediation timeline in days (default 3)
 * @param standardDays its middle timeline (default 14)
 * @param longDays its longest timeline (default 60)
 * @param minimumCount k: a sector figure is shown only when at least k operators are exposed and at
 *     least k of the sector's operators are not (default 3), so no figure names one operator
 * @param maxFindingsShown findings listed in one API answer (default 2000; the pages page through
 *     all of them)
 */
@Validated
@ConfigurationProperties("renkei.exposure")
public record ExposureProperties(
    @DecimalMin("0") @DecimalMax("1") @DefaultValue("0.5") double epssPocThreshold,
    @Min(1) @Max(365) @DefaultValue("3") int urgentDays,
    @Min(1) @Max(365) @DefaultValue("14") int standardDays,
    @Min(1) @Max(3650) @DefaultValue("60") int longDays,
    @Min(2) @Max(100) @DefaultValue("3") int minimumCount,
    @Min(10) @Max(100_000) @DefaultValue("2000") int maxFindingsShown) {}
