package jp.renkei.server.config;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Mail analysis at the hub ({@code /mail}, {@code POST /api/v1/mail/analyze}, C4TAP drafts). The
 * per-message work limits are the engine's (MailAnalyzer.Limits, docs/security.md); these settings
 * bound how many analyses run at once, so that no one can take the hub's cores with it.
 *
 * @param allowList domains, addresses and SHA-256 hashes whose red flags are known false positives
 *     (default none)
 * @param concurrentAnalyses analyses running at once on this instance; 0 means half the cores, at
 *     least one (default 0)
 * @param queueWait how long a request waits for a free slot before it is answered 503 with
 *     Retry-After (default 2s)
 * @param retryAfter the Retry-After given with 429 and 503 (default 5s)
 * @param analysisTime wall time of one analysis; past it the report says "limit reached" and what
 *     was analysed (default 10s)
 * @param model a statistical model of phishing wording (a file written by MailCorporaBench, see
 *     docs/benchmarks.md, issue 19); empty for the rules alone (default empty). A file that cannot
 *     be read stops the start with the line that is wrong.
 */
@Validated
@ConfigurationProperties("renkei.mail")
public record MailProperties(
    @NotNull @DefaultValue({}) List<String> allowList,
    @Min(0) @DefaultValue("0") int concurrentAnalyses,
    @NotNull @DefaultValue("2s") Duration queueWait,
    @NotNull @DefaultValue("5s") Duration retryAfter,
    @NotNull @DefaultValue("10s") Duration analysisTime,
    @DefaultValue("") String model) {

  /** The number of analyses that may run at once. */
  public int slots() {
    return concurrentAnalyses > 0
        ? concurrentAnalyses
        : Math.max(1, Runtime.getRuntime().availableProcessors() / 2);
  }
}
