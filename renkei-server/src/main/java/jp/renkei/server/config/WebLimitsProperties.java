package jp.renkei.server.config;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * Size limits of request bodies that neither Tomcat's form limit, the multipart limits nor the
 * TAXII limit cover: JSON and any other body of the REST API. A larger body is 413 before it is
 * parsed (by its Content-Length) or as soon as the limit is read (chunked). See docs/security.md.
 *
 * @param maxBody largest such body (default 8 MiB: the largest valid report, 500 observables of
 *     2,048 characters written as JSON \\u escapes, is about 6.5 MB)
 * @param maxJsonTokens most JSON tokens (names, values, brackets) in one such body (default
 *     200,000): a body within {@code maxBody} made of {@code [0,0,...]} or {@code [{},{},...]}
 *     would otherwise bind to millions of objects, some 200 MB of memory per request; the largest
 *     valid report is about 4,000 tokens, a scenario of 500 injects some 30,000
 * @param uploadsPerPerson most uploads one person may have in progress at once (default 2): a
 *     further one is 429 with Retry-After before its body is read. A mail analysis or C4TAP draft
 *     is read into memory whole (up to 25 MB) before its own gate, a report attachment too, so
 *     without it one member holding many open held that many times 25 MB of the hub's heap
 * @param uploadSize a request body counts as an upload when it is multipart, of unannounced length,
 *     or at least this long (default 1MB)
 * @param largeFormsAtOnce most form bodies (application/x-www-form-urlencoded) of at least {@code
 *     uploadSize} the instance reads at once, signed in or not (default 4): the container reads
 *     each into one array of its announced length (up to the 10 MB form limit) when the CSRF token
 *     is asked for; a further one is 503 with Retry-After before its body is read
 * @param bodyWait a body shorter than {@code uploadSize} whose length is announced must arrive
 *     whole within this time of its request's head (default 5 s), or it is 408 with the connection
 *     closed: without it a client trickling a byte now and then into the sign-in form held a
 *     request thread without end (attack42)
 * @param bodyMinRate each this many bytes of such a body that arrive give it one more second
 *     (default 4KB, a link of 32 kbit/s: a body just under 1 MB has some four minutes)
 * @param bodiesAwaitedAtOnce request threads of the instance that may wait at once for bodies not
 *     yet sent (default 50, a quarter of Tomcat's 200; keep it well below {@code
 *     server.tomcat.threads.max}): a body that finds none free is 503 with Retry-After after 50 ms,
 *     so clients withholding bodies never hold more threads than this (attack43)
 * @param bodiesAwaitedPerAddress of those, how many one client address (an IPv6 client's /64) may
 *     hold (default 8); past them 429 with Retry-After
 */
@Validated
@ConfigurationProperties("renkei.web")
public record WebLimitsProperties(
    @NotNull @DefaultValue("8MB") DataSize maxBody,
    @Min(1000) @DefaultValue("200000") long maxJsonTokens,
    @Min(1) @DefaultValue("2") int uploadsPerPerson,
    @NotNull @DefaultValue("1MB") DataSize uploadSize,
    @Min(1) @DefaultValue("4") int largeFormsAtOnce,
    @NotNull @DefaultValue("5s") java.time.Duration bodyWait,
    @NotNull @DefaultValue("4KB") DataSize bodyMinRate,
    @Min(1) @DefaultValue("50") int bodiesAwaitedAtOnce,
    @Min(1) @DefaultValue("8") int bodiesAwaitedPerAddress) {}
