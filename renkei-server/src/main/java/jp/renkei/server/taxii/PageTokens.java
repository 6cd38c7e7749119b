package jp.renkei.server.taxii;

import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;
import java.util.UUID;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
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
  private final SecureRandom random = new SecureRandom();
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
    try {
      byte[] iv = new byte[12];
      random.nextBytes(iv);
      Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
      c.init(Cipher.ENCRYPT_MODE, key(), new GCMParameterSpec(128, iv));
      c.updateAAD(collection.toString().getBytes(java.nio.charset.StandardCharsets.US_ASCII));
      byte[] sealed = c.doFinal(ByteBuffer.allocate(8).putLong(seq).array());
      return Base64.getUrlEncoder()
          .withoutPadding()
          .encodeToString(ByteBuffer.allocate(12 + sealed.length).put(iv).put(sealed).array());
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("AES-GCM is part of every JDK", e);
    }
  }

  /** The position a token stands for, or empty when it was not issued here for this collection. */
  Optional<Long> read(UUID collection, String token) {
    try {
      byte[] raw = Base64.getUrlDecoder().decode(token);
      if (raw.length != 12 + 8 + 16) {
        return Optional.empty();
      }
      Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
      c.init(Cipher.DECRYPT_MODE, key(), new GCMParameterSpec(128, raw, 0, 12));
      c.updateAAD(collection.toString().getBytes(java.nio.charset.StandardCharsets.US_ASCII));
      return Optional.of(ByteBuffer.wrap(c.doFinal(raw, 12, raw.length - 12)).getLong());
    } catch (IllegalArgumentException | GeneralSecurityException e) {
      return Optional.empty();
    }
  }
}
