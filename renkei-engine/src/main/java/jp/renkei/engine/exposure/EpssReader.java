package jp.renkei.engine.exposure;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads FIRST's daily EPSS CSV: an optional comment line ({@code
 * #model_version:v2025.03.14,score_date:2025-08-25T00:00:00+0000}), the header {@code
 * cve,epss,percentile}, then one line per CVE. A bad line (wrong id, a number outside 0..1, missing
 * columns) is refused alone with its line number; the others are kept. Limits: {@value #MAX_LINE}
 * characters per line, {@value #MAX_ROWS} rows.
 */
public final class EpssReader {

  public static final int MAX_LINE = 200;
  public static final int MAX_ROWS = 2_000_000;

  /** Scores kept and lines refused, with the model and score date of the comment line. */
  public record Result(
      String modelVersion, String scoreDate, List<EpssScore> scores, List<Rejected> rejected) {
    public Result {
      scores = List.copyOf(scores);
      rejected = List.copyOf(rejected);
    }
  }

  private EpssReader() {}

  public static Result read(Reader reader) {
    List<EpssScore> scores = new ArrayList<>();
    List<Rejected> rejected = new ArrayList<>();
    String model = null;
    String date = null;
    boolean header = false;
    int lineNo = 0;
    try (BufferedReader in = new BufferedReader(reader)) {
      String line;
      while ((line = in.readLine()) != null) {
        lineNo++;
        String where = "line " + lineNo;
        if (line.length() > MAX_LINE) {
          rejected.add(new Rejected(null, where, Reason.of("lineTooLong", MAX_LINE)));
          continue;
        }
        if (line.isBlank()) {
          continue;
        }
        if (line.startsWith("#")) {
          for (String part : line.substring(1).split(",")) {
            int colon = part.indexOf(':');
            if (colon > 0) {
              String k = part.substring(0, colon).strip();
              String v = part.substring(colon + 1).strip();
              if (k.equals("model_version")) {
                model = v;
              } else if (k.equals("score_date")) {
                date = v;
              }
            }
          }
          continue;
        }
        if (!header) {
          if (!line.strip().equalsIgnoreCase("cve,epss,percentile")) {
            throw new ExposureInputException(where, Reason.of("epssHeader"));
          }
          header = true;
          continue;
        }
        if (scores.size() >= MAX_ROWS) {
          throw new ExposureInputException(where, Reason.of("tooManyRows", MAX_ROWS));
        }
        String[] f = line.split(",", -1);
        if (f.length != 3) {
          rejected.add(new Rejected(null, where, Reason.of("columns", 3, f.length)));
          continue;
        }
        String id = f[0].strip();
        if (!KevReader.CVE_ID.matcher(id).matches()) {
          rejected.add(new Rejected(null, where, Reason.of("notCveIdValue", KevReader.clip(id))));
          continue;
        }
        double epss = probability(f[1]);
        double pct = probability(f[2]);
        if (Double.isNaN(epss) || Double.isNaN(pct)) {
          rejected.add(new Rejected(id, where, Reason.of("epssScores")));
          continue;
        }
        scores.add(new EpssScore(id, epss, pct));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    if (!header) {
      throw new ExposureInputException("line " + (lineNo + 1), Reason.of("epssNoHeader"));
    }
    return new Result(model, date, scores, rejected);
  }

  private static double probability(String s) {
    try {
      double d = Double.parseDouble(s.strip());
      return d >= 0 && d <= 1 ? d : Double.NaN;
    } catch (NumberFormatException e) {
      return Double.NaN;
    }
  }
}
