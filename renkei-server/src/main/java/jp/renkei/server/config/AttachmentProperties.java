package jp.renkei.server.config;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * Limits of report attachments (issue 14). A file over a limit is refused with an error naming the
 * file and the limit; nothing of it is stored. The multipart limit of the web server ({@code
 * spring.servlet.multipart.max-file-size}, 25 MB) caps one upload before these apply.
 *
 * @param maxFileSize largest single file (default 10 MB)
 * @param maxPerReport largest total of one report's files (default 50 MB)
 * @param maxFiles most files on one report (default 20)
 */
@Validated
@ConfigurationProperties("renkei.attachments")
public record AttachmentProperties(
    @NotNull @DefaultValue("10MB") DataSize maxFileSize,
    @NotNull @DefaultValue("50MB") DataSize maxPerReport,
    @Min(1) @Max(1000) @DefaultValue("20") int maxFiles) {}
