package jp.renkei.server.taxii;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.UUID;
import jp.renkei.server.crypto.SealedNumbers;
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

  private final SealedNumbers sealed;

  PageTokens(HubSecrets secrets) {
    this.sealed = new SealedNumbers(() -> secrets.get("taxii-page-token", 32));
  }

  String issue(UUID collection, long seq) {
    return sealed.seal(place(collection), seq);
  }

  /** The position a token stands for, or empty when it was not issued here for this collection. */
  Optional<Long> read(UUID collection, String token) {
    return sealed.open(place(collection), token);
  }

  private static byte[] place(UUID collection) {
    return collection.toString().getBytes(StandardCharsets.US_ASCII);
  }
}
