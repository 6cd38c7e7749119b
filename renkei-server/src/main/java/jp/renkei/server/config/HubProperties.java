package jp.renkei.server.config;

import jakarta.validation.constraints.NotNull;
import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of the hub as a whole.
 *
 * @param dataDir where the hub keeps its state: the embedded PostgreSQL cluster ({@code postgres/})
 *     and its log. Default {@code ./data}. Env: {@code RENKEI_DATA_DIR}.
 * @param publicUrl the address users reach the hub at, printed on start-up and used in e-mails.
 *     Default {@code http://127.0.0.1:8080}. Env: {@code RENKEI_PUBLIC_URL}.
 */
@Validated
@ConfigurationProperties("renkei")
public record HubProperties(
    @NotNull @DefaultValue("./data") Path dataDir,
    @NotNull @DefaultValue("http://127.0.0.1:8080") String publicUrl) {}
