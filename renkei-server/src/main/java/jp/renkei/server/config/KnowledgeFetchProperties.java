package jp.renkei.server.config;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * The scheduled fetch of vulnerability knowledge, for hubs that may reach the sources (off by
 * default; a source without a URL is not fetched). Every request goes through the hub's outbound
 * guard ({@code renkei.outbound.*}), conditional on the last answer's ETag and Last-Modified.
 *
 * @param enabled whether the server fetches on its own (default false)
 * @param cadence how often each source is fetched (default 24h; KEV and EPSS change daily)
 * @param checkInterval how often the server looks for a due source (default 10m)
 * @param kevUrl CISA KEV JSON, e.g. {@code
 *     https://www.cisa.gov/sites/default/files/feeds/known_exploited_vulnerabilities.json}
 * @param epssUrl FIRST EPSS CSV, plain or gzip, e.g. {@code
 *     https://epss.empiricalsecurity.com/epss_scores-current.csv.gz}
 * @param nvdUrl an NVD CVE API 2.0 query, e.g. {@code
 *     https://services.nvd.nist.gov/rest/json/cves/2.0?hasKev}; pages follow with {@code
 *     startIndex}
 * @param jvnUrl a MyJVN {@code getVulnDetailInfo} query; pages follow with {@code startItem}
 * @param maxBytes the largest answer read, per request, after gzip (default 64MB)
 * @param maxPages the most pages of NVD or JVN read per fetch (default 50)
 * @param timeout how long one request may take to answer (default 120s)
 * @param nvdApiKey an NVD API key, sent as the {@code apiKey} header (optional; raises NVD's rate
 *     limit from 5 to 50 requests in 30 seconds)
 * @param nvdInterval the pause between two NVD requests of one fetch (default 6s, NVD's advice
 *     without a key; 0.6s is enough with one)
 * @param deadline how long one fetch of a source may read as a whole, every page, pause and
 *     Retry-After wait included (default 30m): the request under way then is cut off, what was read
 *     before it is kept (JVN pages are imported as they come, NVD pages read so far are imported)
 *     and the outcome says what stopped it; the import that follows has as long again before
 *     another instance may claim the source
 * @param totalBytes the bytes one fetch reads before it begins no further page (default 512MB;
 *     after gzip): NVD holds a window's pages in memory until it imports them
 */
@Validated
@ConfigurationProperties("renkei.exposure.fetch")
public record KnowledgeFetchProperties(
    @DefaultValue("false") boolean enabled,
    @NotNull @DefaultValue("24h") Duration cadence,
    @NotNull @DefaultValue("10m") Duration checkInterval,
    @DefaultValue("") String kevUrl,
    @DefaultValue("") String epssUrl,
    @DefaultValue("") String nvdUrl,
    @DefaultValue("") String jvnUrl,
    @NotNull @DefaultValue("64MB") DataSize maxBytes,
    @Min(1) @Max(10_000) @DefaultValue("50") int maxPages,
    @NotNull @DefaultValue("120s") Duration timeout,
    @DefaultValue("") String nvdApiKey,
    @NotNull @DefaultValue("6s") Duration nvdInterval,
    @NotNull @DefaultValue("30m") Duration deadline,
    @NotNull @DefaultValue("512MB") DataSize totalBytes) {

  /** Refuses a deadline or byte cap that is not positive at start-up, naming it. */
  public KnowledgeFetchProperties {
    if (deadline != null && (deadline.isNegative() || deadline.isZero())) {
      throw new IllegalArgumentException(
          "renkei.exposure.fetch.deadline: must be positive, was " + deadline);
    }
    if (totalBytes != null && totalBytes.toBytes() <= 0) {
      throw new IllegalArgumentException(
          "renkei.exposure.fetch.total-bytes: must be positive, was " + totalBytes);
    }
  }

  /**
   * The longest {@code lastModStartDate}–{@code lastModEndDate} window the NVD CVE API 2.0 accepts;
   * a longer gap since the last successful fetch falls back to the configured query whole.
   */
  public static final Duration NVD_MAX_WINDOW = Duration.ofDays(120);

  /** The configured URL of a source ({@code kev}, {@code epss}, {@code nvd}, {@code jvn}). */
  public String url(String source) {
    String u =
        switch (source) {
          case "kev" -> kevUrl;
          case "epss" -> epssUrl;
          case "nvd" -> nvdUrl;
          case "jvn" -> jvnUrl;
          default -> null;
        };
    return u == null ? "" : u.strip();
  }
}
