package jp.renkei.engine.match;

import java.io.BufferedReader;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import jp.renkei.engine.observable.InvalidObservable;
import jp.renkei.engine.observable.Observable;
import jp.renkei.engine.observable.ObservableType;
import jp.renkei.engine.observable.Observables;
import jp.renkei.engine.observable.QuickObservables;

/**
 * Plain indicator lists: one per line, as a bare value (type detected; defanged forms accepted),
 * {@code type value}, or CSV {@code type,value[,id]}. Blank lines and {@code #} comments are
 * skipped; a line that is not a valid indicator is reported with its number and skipped.
 */
public final class IndicatorLists {

  /** A line that could not be used, and why. */
  public record Rejected(long line, String text, String reason) {}

  /** What loading did: how many indicators were added and which lines were rejected. */
  public record Loaded(long lines, long added, long rejected, List<Rejected> firstRejected) {}

  static final int MAX_REJECTED_KEPT = 50;

  private static final String[] NO_CSV = new String[1];

  private IndicatorLists() {}

  public static Loaded read(BufferedReader in, String source, IndicatorIndex.Builder into)
      throws IOException {
    long lineNo = 0;
    long added = 0;
    long rejected = 0;
    List<Rejected> first = new ArrayList<>();
    String line;
    while ((line = in.readLine()) != null) {
      lineNo++;
      String t = line.strip();
      if (t.isEmpty() || t.startsWith("#")) {
        continue;
      }
      String id = source + ":" + lineNo;
      String typeText = null;
      String value = t;
      String[] csv = t.indexOf(',') < 0 ? NO_CSV : t.split(",", -1);
      if (csv.length >= 2
          && ObservableType.fromCode(csv[0].strip().toLowerCase(Locale.ROOT)).isPresent()) {
        typeText = csv[0].strip().toLowerCase(Locale.ROOT);
        value = csv[1].strip();
        if (csv.length >= 3 && !csv[2].isBlank()) {
          id = csv[2].strip();
        }
      } else {
        int space = 0;
        while (space < t.length() && " \t\n\u000B\f\r".indexOf(t.charAt(space)) < 0) {
          space++;
        }
        if (space < t.length()) {
          String word = t.substring(0, space).toLowerCase(Locale.ROOT);
          if (ObservableType.fromCode(word).isPresent()) {
            typeText = word;
            value = t.substring(space).strip();
          }
        }
      }
      // the common forms in one pass; Observables decides (and explains) everything else
      if (typeText == null) {
        Observable quick = QuickObservables.detectAndParse(value);
        if (quick != null) {
          into.addNormal(id, quick.type(), quick.value());
          added++;
          continue;
        }
      } else {
        ObservableType given = ObservableType.fromCode(typeText).orElseThrow();
        String normal = QuickObservables.parse(given, value);
        if (normal != null) {
          into.addNormal(id, given, normal);
          added++;
          continue;
        }
      }
      Optional<ObservableType> type =
          typeText != null ? ObservableType.fromCode(typeText) : Observables.detect(value);
      if (type.isEmpty()) {
        rejected++;
        keep(first, new Rejected(lineNo, t, "not a recognisable indicator"));
        continue;
      }
      try {
        into.add(id, type.get(), value);
        added++;
      } catch (InvalidObservable e) {
        rejected++;
        keep(first, new Rejected(lineNo, t, e.getMessage()));
      }
    }
    return new Loaded(lineNo, added, rejected, List.copyOf(first));
  }

  private static void keep(List<Rejected> first, Rejected r) {
    if (first.size() < MAX_REJECTED_KEPT) {
      first.add(r);
    }
  }
}
