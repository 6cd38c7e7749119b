package jp.renkei.server.search;

import java.nio.charset.StandardCharsets;
import java.util.UUID;
import jp.renkei.server.crypto.SealedNumbers;
import jp.renkei.server.database.HubSecrets;
import jp.renkei.server.failure.InvalidInput;
import org.springframework.stereotype.Component;

/**
 * Where the indicator browser's next page of older objects starts: the last shown object's place in
 * the store (one sequence over all collections) sealed with the hub's secret (AES-GCM, a fresh
 * nonce each time) and bound to the list it was issued for (one collection, or every readable one).
 * A reader sees only some objects; the gaps between their sequence numbers would count the others,
 * so a cursor neither shows a number nor can be written by hand. Thread-safe.
 */
@Component
class IndicatorCursors {

  private final SealedNumbers sealed;

  IndicatorCursors(HubSecrets secrets) {
    this.sealed = new SealedNumbers(() -> secrets.get("indicator-browser-cursor", 32));
  }

  String issue(UUID collection, long seq) {
    return sealed.seal(place(collection), seq);
  }

  /**
   * The place a cursor stands for (0, the newest, when there is none); a cursor not issued here for
   * this list is refused naming the parameter.
   */
  long read(UUID collection, String cursor) {
    if (cursor == null || cursor.isBlank()) {
      return 0;
    }
    return sealed
        .open(place(collection), cursor.strip())
        .orElseThrow(() -> new InvalidInput("cursor", "error.badParameter", "cursor", cursor));
  }

  private static byte[] place(UUID collection) {
    return ("intel-objects:" + (collection == null ? "all" : collection.toString()))
        .getBytes(StandardCharsets.US_ASCII);
  }
}
