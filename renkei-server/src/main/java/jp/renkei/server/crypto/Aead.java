package jp.renkei.server.crypto;

import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Optional;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;

/**
 * AES-256-GCM as the hub uses it: a fresh 12-byte nonce per message, written in front of the
 * ciphertext and its 16-byte tag; the associated data binds a sealed value to where it belongs (a
 * collection, a database row), so that it cannot be moved elsewhere.
 */
public final class Aead {

  /** Bytes a sealed message has beyond its plaintext. */
  public static final int OVERHEAD = 12 + 16;

  private static final SecureRandom RANDOM = new SecureRandom();

  private Aead() {}

  public static byte[] seal(SecretKey key, byte[] associated, byte[] plain) {
    byte[] out = new byte[OVERHEAD + plain.length];
    byte[] nonce = new byte[12];
    RANDOM.nextBytes(nonce);
    System.arraycopy(nonce, 0, out, 0, 12);
    try {
      Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
      c.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(128, nonce));
      c.updateAAD(associated);
      c.doFinal(plain, 0, plain.length, out, 12);
      return out;
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("AES-GCM is part of every JDK", e);
    }
  }

  /** The plaintext, or empty when the message was not sealed with this key for this place. */
  public static Optional<byte[]> open(SecretKey key, byte[] associated, byte[] sealed) {
    if (sealed.length < OVERHEAD) {
      return Optional.empty();
    }
    try {
      Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
      c.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(128, Arrays.copyOf(sealed, 12)));
      c.updateAAD(associated);
      return Optional.of(c.doFinal(sealed, 12, sealed.length - 12));
    } catch (GeneralSecurityException e) {
      return Optional.empty();
    }
  }
}
