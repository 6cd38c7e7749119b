package jp.renkei.server.report;

import java.util.List;

/**
 * What the CEPTOAR secretariat checks before relaying an anonymised report: the version it will
 * relay (the oldest not yet relayed), each free-text field before and after, every observable and
 * whether it is dropped, how the reporter will be named, the extra terms hidden, and the report's
 * attachments whose file names name or look like the reporter ({@code identifyingAttachmentNames}:
 * a file goes upstream under its own name, so the secretariat leaves such a file out or asks for it
 * renamed).
 */
public record AnonymisationPreview(
    long reportId,
    int versionNumber,
    String versionKind,
    String presentedOriginator,
    List<Field> fields,
    List<ObservableLine> observables,
    List<String> extraTerms,
    List<String> identifyingAttachmentNames) {

  /**
   * One free-text field, original and redacted, with the removed pieces, and what is kept but looks
   * like the reporter ({@code lookalikes}: a longer name containing its domain); check them.
   */
  public record Field(
      String name,
      String original,
      String redacted,
      List<String> removed,
      List<String> lookalikes) {}

  /** {@code resembles}: kept, but looks like the reporter (e.g. a lookalike domain); check it. */
  public record ObservableLine(String type, String value, boolean dropped, boolean resembles) {}
}
