package jp.renkei.server.config;

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
 */
@Validated
@ConfigurationProperties("renkei.web")
public record WebLimitsProperties(@NotNull @DefaultValue("8MB") DataSize maxBody) {}
