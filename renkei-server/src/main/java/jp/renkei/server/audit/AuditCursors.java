package jp.renkei.server.audit;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import jp.renkei.server.crypto.SealedNumbers;
import jp.renkei.server.database.HubSecrets;
import org.springframework.stereotype.Component;

/**
 * Where a viewer's audit page continues: an entry's sequence number sealed with the hub's secret
 * (AES-GCM, a fresh nonce each time). A viewer who sees only some entries must not learn their
 * sequence numbers, whose gaps would count the entries hidden from it; a cursor neither reveals one
 * nor can be forged. Thread-safe.
 */
@Component
class AuditCursors {

  private static final byte[] PLACE = "audit".getBytes(StandardCharsets.US_ASCII);
  private final SealedNumbers sealed;

  AuditCursors(HubSecrets secrets) {
    this.sealed = new SealedNumbers(() -> secrets.get("audit-cursor", 32));
  }

  String issue(long seq) {
    return sealed.seal(PLACE, seq);
  }

  /** The entry a cursor stands for, or empty when it was not issued here. */
  Optional<Long> read(String cursor) {
    return sealed.open(PLACE, cursor);
  }

  /** The {@code before} a viewer sent, as a sequence number (null when absent). */
  Long before(String cursor) {
    if (cursor == null || cursor.isBlank()) {
      return null;
    }
    return read(cursor.strip())
        .orElseThrow(
            () ->
                new jp.renkei.server.failure.InvalidInput(
                    "before", "error.badParameter", "before", cursor));
  }
}
