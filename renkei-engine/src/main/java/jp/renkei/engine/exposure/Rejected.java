package jp.renkei.engine.exposure;

/**
 * A record an import refused, alone: the rest of the input is kept.
 *
 * @param id the record's id when it has one (a CVE id), else null
 * @param where its position: {@code vulnerabilities[12]}, {@code line 40}, {@code record 3}
 * @param why what is wrong (field and value), as a code a page words in its reader's language
 */
public record Rejected(String id, String where, Reason why) {

  /** What is wrong, in English for logs and operators. */
  public String reason() {
    return why.english();
  }

  @Override
  public String toString() {
    return where + (id == null ? "" : " (" + id + ")") + ": " + reason();
  }
}
