package jp.renkei.engine.match;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * CSV logs with a header line (a firewall's, a proxy appliance's, a SIEM export), read through the
 * same field mapping as JSON lines: the header names the columns, the mapping says which to check.
 * RFC 4180 quoting (quoted fields, doubled quotes, separators inside quotes); a line whose quoting
 * is broken or whose column count differs from the header is bad. The separator is a comma, or a
 * tab when the header has tabs and no commas.
 */
public final class CsvMatcher extends FieldMatcher {

  private List<String> header;
  private char separator = ',';
  private final List<String> cells = new ArrayList<>();

  public CsvMatcher(IndicatorIndex index, Fields fields) {
    super(index, fields);
  }

  @Override
  protected int line(byte[] b, int from, int to, long lineNo, Consumer<Hit> hits) {
    if (from == to) {
      return 0;
    }
    String line = new String(b, from, to - from, StandardCharsets.UTF_8);
    if (header == null) {
      if (line.indexOf(',') < 0 && line.indexOf('\t') >= 0) {
        separator = '\t';
      }
      if (!split(line.startsWith("\uFEFF") ? line.substring(1) : line)) {
        return -1;
      }
      header = List.copyOf(cells);
      return 0;
    }
    if (!split(line) || cells.size() != header.size()) {
      return -1;
    }
    values.clear();
    for (int i = 0; i < header.size(); i++) {
      String name = header.get(i);
      if (fields.hosts().contains(name)
          || fields.urls().contains(name)
          || name.equals(fields.client())
          || name.equals(fields.time())) {
        values.put(name, cells.get(i));
      }
    }
    return matchValues(lineNo, hits);
  }

  /** Splits one record into {@link #cells}; false when its quoting is broken. */
  private boolean split(String line) {
    cells.clear();
    StringBuilder cell = new StringBuilder();
    boolean quoted = false;
    boolean wasQuoted = false;
    for (int i = 0; i < line.length(); i++) {
      char c = line.charAt(i);
      if (quoted) {
        if (c == '"') {
          if (i + 1 < line.length() && line.charAt(i + 1) == '"') {
            cell.append('"');
            i++;
          } else {
            quoted = false;
          }
        } else {
          cell.append(c);
        }
      } else if (c == '"' && cell.length() == 0 && !wasQuoted) {
        quoted = true;
        wasQuoted = true;
      } else if (c == separator) {
        cells.add(cell.toString().strip());
        cell.setLength(0);
        wasQuoted = false;
      } else if (c == '\r' && i == line.length() - 1) {
        // CRLF line end
      } else if (wasQuoted) {
        return false; // text after a closing quote
      } else {
        cell.append(c);
      }
    }
    if (quoted) {
      return false;
    }
    cells.add(cell.toString().strip());
    return true;
  }
}
