package jp.renkei.server.config;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The TAXII 2.1 server at {@code /taxii2/}.
 *
 * @param title the server's title in discovery (default {@code Renkei TAXII})
 * @param contact a contact shown in discovery (default empty)
 * @param maxContentLength the largest POSTed envelope in bytes; larger ones are answered 413
 *     (default 32 MiB)
 * @param defaultPageSize objects per page when the client gives no {@code limit} (default 100; at
 *     most 1000 are ever returned)
 */
@Validated
@ConfigurationProperties("renkei.taxii")
public record TaxiiProperties(
    @NotBlank @DefaultValue("Renkei TAXII") String title,
    @DefaultValue("") String contact,
    @Min(1024) @Max(1073741824) @DefaultValue("33554432") long maxContentLength,
    @Min(1) @Max(1000) @DefaultValue("100") int defaultPageSize) {}
