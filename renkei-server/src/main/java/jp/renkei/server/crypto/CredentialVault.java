package jp.renkei.server.crypto;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;
import jp.renkei.server.config.HubProperties;
import jp.renkei.server.config.SecurityProperties;
import jp.renkei.server.database.StartupFailure;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Credentials the hub keeps in order to use them again — the passwords and tokens of the TAXII
 * feeds it polls — sealed with a key that lives outside the database, so that a copy of the
 * database (a backup, a dump handed over for support) does not carry the hub's access to its
 * partners' servers.
 *
 * <p>The key is 32 random bytes, base64, in {@code renkei.security.credential-key-file} (default
 * {@code <data-dir>/credential.key}), made on first use and readable by the hub's user only. All
 * instances of one hub must read the same file. A hub that loses it cannot open what was sealed:
 * those credentials must be entered again (the feeds say so, and an admin replaces them), nothing
 * else is affected.
 *
 * <p>A sealed value is {@code sealed:v1:} and base64 of AES-256-GCM (see {@link Aead}) bound to its
 * place (e.g. the feed), so a sealed value copied to another row does not open there. Values stored
 * before sealing existed are recognised by the missing prefix and sealed at start-up.
 */
@Component
public class CredentialVault {

  /** How a sealed value begins (unsealed values, stored before, do not). */
  public static final String PREFIX = "sealed:v1:";

  private static final Logger log = LoggerFactory.getLogger(CredentialVault.class);

  private final Path file;
  private volatile SecretKey key;

  CredentialVault(HubProperties hub, SecurityProperties security) {
    this.file =
        security.credentialKeyFile() != null
            ? security.credentialKeyFile()
            : hub.dataDir().resolve("credential.key");
  }

  /** {@code plain} sealed for {@code place}; null stays null. */
  public String seal(String plain, String place) {
    if (plain == null) {
      return null;
    }
    byte[] sealed = Aead.seal(key(), place(place), plain.getBytes(StandardCharsets.UTF_8));
    return PREFIX + Base64.getEncoder().encodeToString(sealed);
  }

  /**
   * What was sealed for {@code place}: empty when it cannot be opened (another hub's key, or moved
   * from another place). A value stored unsealed (before this existed) is returned as it is.
   */
  public Optional<String> open(String stored, String place) {
    if (stored == null || !isSealed(stored)) {
      return Optional.ofNullable(stored);
    }
    byte[] raw;
    try {
      raw = Base64.getDecoder().decode(stored.substring(PREFIX.length()));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
    return Aead.open(key(), place(place), raw).map(b -> new String(b, StandardCharsets.UTF_8));
  }

  public static boolean isSealed(String stored) {
    return stored != null && stored.startsWith(PREFIX);
  }

  /** Where the key is read from (for messages). */
  public Path keyFile() {
    return file;
  }

  private static byte[] place(String place) {
    return place.getBytes(StandardCharsets.UTF_8);
  }

  private SecretKey key() {
    SecretKey k = key;
    if (k == null) {
      synchronized (this) {
        k = key;
        if (k == null) {
          k = new SecretKeySpec(readOrCreate(), "AES");
          key = k;
        }
      }
    }
    return k;
  }

  private byte[] readOrCreate() {
    try {
      if (!Files.exists(file)) {
        create();
      }
      byte[] k =
          Base64.getDecoder().decode(Files.readString(file, StandardCharsets.US_ASCII).strip());
      if (k.length != 32) {
        throw new StartupFailure(
            "credential key "
                + file.toAbsolutePath()
                + " must hold 32 bytes in base64, has "
                + k.length);
      }
      return k;
    } catch (IOException | IllegalArgumentException e) {
      throw new StartupFailure(
          "credential key " + file.toAbsolutePath() + " cannot be read: " + e.getMessage(), e);
    }
  }

  private void create() throws IOException {
    byte[] k = new byte[32];
    new SecureRandom().nextBytes(k);
    Path dir = file.toAbsolutePath().getParent();
    Files.createDirectories(dir);
    Path tmp = Files.createTempFile(dir, ".credential", ".key");
    try {
      if (tmp.getFileSystem().supportedFileAttributeViews().contains("posix")) {
        Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rw-------"));
      }
      Files.writeString(
          tmp, Base64.getEncoder().encodeToString(k) + "\n", StandardCharsets.US_ASCII);
      // another instance may have made one meanwhile: the first one stays, everyone reads it
      try {
        Files.createLink(file, tmp);
      } catch (UnsupportedOperationException e) { // no hard links here
        Files.move(tmp, file);
      }
      log.info(
          "Made the credential key {} (keep it with the hub's backups, apart from the database's)",
          file.toAbsolutePath());
    } catch (FileAlreadyExistsException e) {
      // made by another instance just now
    } finally {
      Files.deleteIfExists(tmp);
    }
  }
}
