package jp.renkei.server.config;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * The uploads the mail page holds in an instance's memory so that their analyst can share them to
 * C4TAP without uploading them again (HeldMessages). Each person's share of the instance is bounded
 * by {@code perPerson} and {@code personBytes}: a new upload past them lets go of its uploader's
 * own oldest, never a colleague's; when the instance's {@code totalBytes} are taken by others, the
 * new upload is not held (the page says so and offers the upload with "share" ticked).
 *
 * @param keep how long an upload is held (default 30m)
 * @param perPerson uploads held per person at most (default 3)
 * @param personBytes bytes held per person at most (default 16MB)
 * @param totalBytes bytes held on the instance at most (default 64MB)
 * @param largest the largest upload held (default 16MB); at most {@code personBytes}
 */
@Validated
@ConfigurationProperties("renkei.mail.held")
public record MailHeldProperties(
    @NotNull @DefaultValue("30m") Duration keep,
    @Min(1) @DefaultValue("3") int perPerson,
    @NotNull @DefaultValue("16MB") DataSize personBytes,
    @NotNull @DefaultValue("64MB") DataSize totalBytes,
    @NotNull @DefaultValue("16MB") DataSize largest) {

  /** The defaults, as documented. */
  public static final MailHeldProperties DEFAULT =
      new MailHeldProperties(
          Duration.ofMinutes(30),
          3,
          DataSize.ofMegabytes(16),
          DataSize.ofMegabytes(64),
          DataSize.ofMegabytes(16));

  /** Whether the sizes nest: the largest upload within a person's share, within the instance's. */
  @AssertTrue(message = "renkei.mail.held: largest <= person-bytes <= total-bytes, keep > 0")
  public boolean isConsistent() {
    return keep != null
        && personBytes != null
        && totalBytes != null
        && largest != null
        && !keep.isNegative()
        && !keep.isZero()
        && largest.toBytes() <= personBytes.toBytes()
        && personBytes.toBytes() <= totalBytes.toBytes();
  }
}
