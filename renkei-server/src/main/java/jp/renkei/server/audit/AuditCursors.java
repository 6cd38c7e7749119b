package jp.renkei.server.audit;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;
import jp.renkei.server.crypto.Aead;
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

  private static final String NAME = "audit-cursor";
  private static final byte[] PLACE = "audit".getBytes(StandardCharsets.US_ASCII);
  private final HubSecrets secrets;
  private volatile SecretKey key;

  AuditCursors(HubSecrets secrets) {
    this.secrets = secrets;
  }

  private SecretKey key() {
    SecretKey k = key;
    if (k == null) {
      k = new SecretKeySpec(secrets.get(NAME, 32), "AES");
      key = k;
    }
    return k;
  }

  String issue(long seq) {
    byte[] sealed = Aead.seal(key(), PLACE, ByteBuffer.allocate(8).putLong(seq).array());
    return Base64.getUrlEncoder().withoutPadding().encodeToString(sealed);
  }

  /** The entry a cursor stands for, or empty when it was not issued here. */
  Optional<Long> read(String cursor) {
    byte[] raw;
    try {
      raw = Base64.getUrlDecoder().decode(cursor);
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
    if (raw.length != Aead.OVERHEAD + 8) {
      return Optional.empty();
    }
    return Aead.open(key(), PLACE, raw).map(b -> ByteBuffer.wrap(b).getLong());
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
