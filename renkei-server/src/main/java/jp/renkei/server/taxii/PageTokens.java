package jp.renkei.server.taxii;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;
import java.util.UUID;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;
import jp.renkei.server.crypto.Aead;
import jp.renkei.server.database.HubSecrets;
import org.springframework.stereotype.Component;

/**
 * TAXII {@code next} tokens: the position after the last object a caller was given, encrypted
 * (AES-GCM with the hub's secret, shared by all instances through the database), so that a token
 * neither reveals how many objects lie between two visible ones nor can be forged or moved to
 * another collection.
 */
@Component
class PageTokens {

  private static final String NAME = "taxii-page-token";
  private final HubSecrets secrets;
  private volatile SecretKey key;

  PageTokens(HubSecrets secrets) {
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

  String issue(UUID collection, long seq) {
    byte[] sealed =
        Aead.seal(key(), place(collection), ByteBuffer.allocate(8).putLong(seq).array());
    return Base64.getUrlEncoder().withoutPadding().encodeToString(sealed);
  }

  /** The position a token stands for, or empty when it was not issued here for this collection. */
  Optional<Long> read(UUID collection, String token) {
    byte[] raw;
    try {
      raw = Base64.getUrlDecoder().decode(token);
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
    if (raw.length != Aead.OVERHEAD + 8) {
      return Optional.empty();
    }
    return Aead.open(key(), place(collection), raw).map(b -> ByteBuffer.wrap(b).getLong());
  }

  private static byte[] place(UUID collection) {
    return collection.toString().getBytes(StandardCharsets.US_ASCII);
  }
}
