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
 * Format 1 is every entry without a detail code: the entries written before codes existed hash as
 * they always did. Format 2 (an entry with a {@link AuditRecord#detailCode()}) writes everything
 * format 1 writes, then the code, the number of arguments and each argument: removing, adding or
 * changing the code or an argument of a stored entry breaks the chain like any other change.
 * Stateless and thread-safe.
 */
public final class AuditChain {

  /** The hash that precedes the first entry, as lower-case hex. */
  public static final String GENESIS = "0".repeat(64);

  private static final byte FORMAT_TEXT = 1;
  private static final byte FORMAT_CODED = 2;
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
    boolean coded = r.detailCode() != null;
    out.write(coded ? FORMAT_CODED : FORMAT_TEXT);
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
    if (coded) {
      writeString(out, r.detailCode());
      writeInt(out, r.detailArgs().size());
      for (String arg : r.detailArgs()) {
        writeString(out, arg);
      }
    }
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
