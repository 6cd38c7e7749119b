package jp.renkei.server.crypto;

import java.nio.ByteBuffer;
import java.util.Base64;
import java.util.Optional;
import java.util.function.Supplier;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

/**
 * A number sealed into an opaque, URL-safe token (AES-GCM, a fresh nonce each time), bound to a
 * context: a token reveals nothing of its number, cannot be forged, and opens only in the context
 * it was issued for. The paging cursors of TAXII and of the audit log are such tokens, so that
 * their internal sequence numbers never count what a viewer may not see. Thread-safe.
 */
public final class SealedNumbers {

  private final Supplier<byte[]> keyMaterial;
  private volatile SecretKey key;

  /** {@code keyMaterial} gives 32 bytes, read once, on first use. */
  public SealedNumbers(Supplier<byte[]> keyMaterial) {
    this.keyMaterial = keyMaterial;
  }

  private SecretKey key() {
    SecretKey k = key;
    if (k == null) {
      k = new SecretKeySpec(keyMaterial.get(), "AES");
      key = k;
    }
    return k;
  }

  public String seal(byte[] context, long n) {
    byte[] sealed = Aead.seal(key(), context, ByteBuffer.allocate(8).putLong(n).array());
    return Base64.getUrlEncoder().withoutPadding().encodeToString(sealed);
  }

  /** The number a token stands for, or empty when it was not issued here for this context. */
  public Optional<Long> open(byte[] context, String token) {
    byte[] raw;
    try {
      raw = Base64.getUrlDecoder().decode(token);
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
    if (raw.length != Aead.OVERHEAD + 8) {
      return Optional.empty();
    }
    return Aead.open(key(), context, raw).map(b -> ByteBuffer.wrap(b).getLong());
  }
}
