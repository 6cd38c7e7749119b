package jp.renkei.engine.audit;

import java.util.Optional;

/**
 * Checks stored audit entries one at a time, in sequence order, so a chain of any length is
 * verified in constant memory. Not thread-safe: one verifier per pass.
 */
public final class ChainVerifier {

  /** What is wrong with the chain at the first entry that breaks it. */
  public enum Problem {
    /** An entry is missing or out of order: its seq is not the previous seq plus one. */
    SEQUENCE_GAP,
    /** The entry's stored previous-hash is not the hash of the entry before it. */
    BROKEN_LINK,
    /** The entry's content no longer hashes to its stored hash: it was altered. */
    CONTENT_ALTERED
  }

  /** The first break found: where, and what. */
  public record Break(long seq, Problem problem, String explanation) {}

  /** The outcome of a whole pass. */
  public record Result(long entriesChecked, String headHash, Optional<Break> firstBreak) {
    public boolean intact() {
      return firstBreak.isEmpty();
    }
  }

  private long checked;
  private long expectedSeq = 1;
  private String expectedPrevious = AuditChain.GENESIS;
  private Break firstBreak;

  /**
   * Checks the next stored entry. After the first break the verifier stops judging and only counts,
   * so the result names the earliest tampered position.
   */
  public void accept(AuditRecord record, String storedPreviousHash, String storedHash) {
    checked++;
    if (firstBreak != null) {
      return;
    }
    if (record.seq() != expectedSeq) {
      firstBreak =
          new Break(
              record.seq(),
              Problem.SEQUENCE_GAP,
              "expected entry " + expectedSeq + " but found " + record.seq());
      return;
    }
    if (!expectedPrevious.equals(storedPreviousHash)) {
      firstBreak =
          new Break(
              record.seq(),
              Problem.BROKEN_LINK,
              "previous-hash does not match the hash of entry " + (record.seq() - 1));
      return;
    }
    String recomputed = AuditChain.hash(storedPreviousHash, record);
    if (!recomputed.equals(storedHash)) {
      firstBreak =
          new Break(
              record.seq(), Problem.CONTENT_ALTERED, "content does not match its stored hash");
      return;
    }
    expectedSeq++;
    expectedPrevious = storedHash;
  }

  public Result result() {
    return new Result(checked, expectedPrevious, Optional.ofNullable(firstBreak));
  }
}
