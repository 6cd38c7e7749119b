package jp.renkei.engine.audit;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;

/**
 * The hash chain over audit entries: {@code hash(n) = SHA-256(hash(n-1) || canonical(entry n))},
 * with 32 zero bytes before the first entry. Changing, removing or reordering any stored entry
 * changes every hash after it, which {@link ChainVerifier} detects.
 *
 * <p>The canonical form is versioned and length-prefixed, so no two different records share one.
 * Stateless and thread-safe.
 */
public final class AuditChain {

  /** The hash that precedes the first entry, as lower-case hex. */
  public static final String GENESIS = "0".repeat(64);

  private static final byte FORMAT_VERSION = 1;
  private static final HexFormat HEX = HexFormat.of();

  private AuditChain() {}

  /** The hash of {@code record} when it follows an entry whose hash is {@code previousHash}. */
  public static String hash(String previousHash, AuditRecord record) {
    MessageDigest sha = sha256();
    sha.update(parseHash(previousHash));
    sha.update(canonical(record));
    return HEX.formatHex(sha.digest());
  }

  static byte[] canonical(AuditRecord r) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(256);
    out.write(FORMAT_VERSION);
    writeLong(out, r.seq());
    writeLong(out, ChronoUnit.MICROS.between(java.time.Instant.EPOCH, r.occurredAt()));
    writeString(out, r.actor());
    writeString(out, r.actorOrganisationId() == null ? null : r.actorOrganisationId().toString());
    writeString(out, r.action());
    writeString(out, r.targetType());
    writeString(out, r.targetId());
    writeString(out, r.outcome());
    writeString(out, r.detail());
    writeString(out, r.clientAddress());
    return out.toByteArray();
  }

  private static void writeString(ByteArrayOutputStream out, String value) {
    if (value == null) {
      writeInt(out, -1);
      return;
    }
    byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
    writeInt(out, bytes.length);
    out.write(bytes, 0, bytes.length);
  }

  private static void writeLong(ByteArrayOutputStream out, long v) {
    writeInt(out, (int) (v >>> 32));
    writeInt(out, (int) v);
  }

  private static void writeInt(ByteArrayOutputStream out, int v) {
    out.write(v >>> 24);
    out.write(v >>> 16);
    out.write(v >>> 8);
    out.write(v);
  }

  private static byte[] parseHash(String hex) {
    if (hex == null || hex.length() != 64) {
      throw new IllegalArgumentException("an audit hash is 64 hex characters, got " + hex);
    }
    return HEX.parseHex(hex);
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is required by every Java platform", e);
    }
  }
}
