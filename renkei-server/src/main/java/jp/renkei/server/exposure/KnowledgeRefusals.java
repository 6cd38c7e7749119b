package jp.renkei.server.exposure;

import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import jp.renkei.engine.exposure.Reason;
import jp.renkei.engine.exposure.Rejected;
import org.springframework.context.MessageSource;
import org.springframework.context.support.DefaultMessageSourceResolvable;

/**
 * A refused knowledge import in the reader's language: the engine's readers say why with a {@link
 * Reason} code ({@code exposure.refusal.*}) and where with a position in a fixed form ({@code line
 * 40}, {@code record 3}, {@code vulnerabilities[2] (line 9)}, a JSON or XML path), which this words
 * for a page. Paths inside the document ({@code containers.cna.affected[0]}) are the file's own
 * names and stay as they are.
 */
final class KnowledgeRefusals {

  private static final Pattern LINE = Pattern.compile("line (\\d+)");
  private static final Pattern LINE_COLUMN = Pattern.compile("line (\\d+), column (\\d+)");
  private static final Pattern RECORD = Pattern.compile("record (\\d+)");
  private static final Pattern PATH_LINE = Pattern.compile("(.+) \\(line (\\d+)\\)");

  private KnowledgeRefusals() {}

  /** Each refused record as one line: where, the record's id if it has one, and why. */
  static List<String> lines(List<Rejected> refused, MessageSource messages, Locale locale) {
    return refused.stream().map(r -> messages.getMessage(line(r), locale)).toList();
  }

  static Said line(Rejected r) {
    return r.id() == null
        ? new Said("exposure.refusal.line", r.toString(), where(r.where()), reason(r.why()))
        : new Said(
            "exposure.refusal.lineWithId", r.toString(), where(r.where()), r.id(), reason(r.why()));
  }

  /** A whole file refused: where and why, one argument of {@code exposure.error.file}. */
  static Said file(String where, Reason why) {
    return new Said(
        "exposure.refusal.line", where + ": " + why.english(), where(where), reason(why));
  }

  static Said reason(Reason why) {
    return new Said("exposure.refusal." + why.code(), why.english(), why.args().toArray());
  }

  static Object where(String where) {
    Matcher m;
    if ((m = LINE.matcher(where)).matches()) {
      return new Said("exposure.refusal.at.line", where, m.group(1));
    }
    if ((m = LINE_COLUMN.matcher(where)).matches()) {
      return new Said("exposure.refusal.at.lineColumn", where, m.group(1), m.group(2));
    }
    if ((m = RECORD.matcher(where)).matches()) {
      return new Said("exposure.refusal.at.record", where, m.group(1));
    }
    if ((m = PATH_LINE.matcher(where)).matches()) {
      return new Said("exposure.refusal.at.pathLine", where, where(m.group(1)), m.group(2));
    }
    if (where.equals("document")) {
      return new Said("exposure.refusal.at.document", where);
    }
    if (where.equals("stored record")) {
      return new Said("exposure.refusal.at.storedRecord", where);
    }
    return where;
  }

  /**
   * A text to say in the reader's language (as a page's message argument, resolved in turn), which
   * is its English when printed as it is (the command line, logs).
   */
  static final class Said extends DefaultMessageSourceResolvable {
    private static final long serialVersionUID = 1L;

    Said(String code, String english, Object... args) {
      super(new String[] {code}, args, english);
    }

    @Override
    public String toString() {
      return getDefaultMessage();
    }
  }
}
