package jp.renkei.server.exposure;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.poi.openxml4j.util.ZipSecureFile;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * An inventory from an Excel workbook (xlsx, Apache POI): every sheet that is not empty has a
 * header row with the columns of the CSV import ({@link InventoryFile#COLUMNS}) and one asset per
 * row, read by the same rules. All or nothing, like the CSV: every problem is listed with its
 * sheet, row and column ({@code 資産!C5 (port): 99999 is not between 1 and 65535}), at most {@value
 * InventoryFile#MAX_PROBLEMS}. Numbers are read as whole numbers, TRUE/FALSE as yes/no; a formula
 * is refused (its value would be the spreadsheet's, not the file's). Limits: the file {@value
 * InventoryFile#MAX_BYTES} bytes, {@value InventoryFile#MAX_ROWS} assets, 2,000 characters a cell;
 * POI's zip guards on every read (an entry inflating more than 100 times, past {@value
 * #MAX_ENTRY_BYTES} bytes, or {@value #MAX_TEXT_CHARS} characters of text is refused unread); and
 * before POI builds the workbook in memory, its sheets are streamed and counted: more than {@value
 * #MAX_SHEET_ROWS} rows, or more than {@link #MAX_SHEET_CELLS} cells or shared strings, is refused
 * unread ({@code sheet.size}).
 */
final class InventorySheet {

  static final double MIN_INFLATE_RATIO = 0.01;
  static final long MAX_ENTRY_BYTES = 64L * 1024 * 1024;
  static final long MAX_TEXT_CHARS = 10L * 1024 * 1024;
  static final int MAX_CELL = 2_000;

  private InventorySheet() {}

  /** POI's zip-bomb guards (JVM-wide; as strict as the exercise workbook's). */
  private static void guard() {
    ZipSecureFile.setMinInflateRatio(
        Math.max(ZipSecureFile.getMinInflateRatio(), MIN_INFLATE_RATIO));
    ZipSecureFile.setMaxEntrySize(Math.min(ZipSecureFile.getMaxEntrySize(), MAX_ENTRY_BYTES));
    ZipSecureFile.setMaxTextSize(Math.min(ZipSecureFile.getMaxTextSize(), MAX_TEXT_CHARS));
  }

  static InventoryFile.Result read(InputStream raw) {
    guard();
    byte[] bytes;
    try {
      bytes = raw.readNBytes((int) InventoryFile.MAX_BYTES + 1);
    } catch (IOException e) {
      return whole("file.read");
    }
    if (bytes.length > InventoryFile.MAX_BYTES) {
      return whole("file.tooLarge", InventoryFile.MAX_BYTES);
    }
    String tooLarge = tooLarge(bytes);
    if (tooLarge != null) {
      return whole(tooLarge, MAX_SHEET_ROWS, MAX_SHEET_CELLS, MAX_SHEET_CELLS);
    }
    try (Workbook wb = new XSSFWorkbook(new java.io.ByteArrayInputStream(bytes))) {
      return read(wb);
    } catch (IOException | RuntimeException e) {
      return whole(refusal(e));
    }
  }

  /** Rows in all sheets at most (blank rows Excel keeps for their formatting count too). */
  static final int MAX_SHEET_ROWS = 2 * InventoryFile.MAX_ROWS;

  /** Bytes of all parts of a workbook together, inflated, at most. */
  static final long MAX_INFLATED = 4 * MAX_ENTRY_BYTES;

  /** Cells in all sheets, and entries of the shared-strings table, at most. */
  static final long MAX_SHEET_CELLS = (InventoryFile.MAX_ROWS + 1L) * InventoryFile.COLUMNS.size();

  /**
   * Counts the rows and cells of the sheets and the shared strings by streaming the workbook's XML
   * before POI builds it in memory, where each cell costs hundreds of bytes: a 3 MB file of a
   * million one-cell rows, or a shared-strings table of millions of one-letter strings, passes
   * POI's zip-bomb ratios but not the heap. All parts together may inflate to {@value
   * #MAX_INFLATED} bytes ({@code sheet.bomb} beyond). Returns {@code sheet.size} when over {@link
   * #MAX_SHEET_ROWS} or {@link #MAX_SHEET_CELLS}, {@code sheet.encoding} for a part in another
   * encoding than UTF-8, {@code sheet.unreadable} for a zip that cannot be walked to its end; null
   * otherwise (also when the file is not a zip, which POI then refuses in its own words).
   */
  static String tooLarge(byte[] bytes) {
    return jp.renkei.server.files.WorkbookParts.check(
            bytes, MAX_SHEET_ROWS, MAX_SHEET_CELLS, MAX_ENTRY_BYTES, MAX_INFLATED)
        .map(
            tooMuch ->
                switch (tooMuch) {
                  case INFLATED -> "sheet.bomb";
                  case ENCODING -> "sheet.encoding";
                  case UNREADABLE -> "sheet.unreadable";
                  case ROWS, CELLS, SHARED_STRINGS -> "sheet.size";
                })
        .orElse(null);
  }

  private static InventoryFile.Result whole(String code, Object... args) {
    return new InventoryFile.Result(
        List.of(), List.of(new InventoryFile.Problem(0, code, args)), 0);
  }

  /** Why POI refused a file, as a problem code (never its stack trace). */
  private static String refusal(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
      String m = String.valueOf(t.getMessage());
      if (m.contains("Zip bomb") || m.contains("exceeds the max")) {
        return "sheet.bomb";
      }
      if (m.contains("DOCTYPE") || m.contains("DTD")) {
        return "sheet.dtd";
      }
    }
    return "sheet.unreadable";
  }

  private static InventoryFile.Result read(Workbook wb) {
    List<NewAsset> assets = new ArrayList<>();
    List<InventoryFile.Problem> problems = new ArrayList<>();
    for (int s = 0;
        s < wb.getNumberOfSheets() && problems.size() < InventoryFile.MAX_PROBLEMS;
        s++) {
      Sheet sheet = wb.getSheetAt(s);
      Row header = sheet.getRow(sheet.getFirstRowNum());
      if (header == null || sheet.getPhysicalNumberOfRows() == 0) {
        continue;
      }
      String name = sheet.getSheetName();
      Map<String, Integer> col = new HashMap<>();
      for (Cell c : header) {
        String h = text(c, name, problems);
        if (h == null) {
          continue;
        }
        String key = h.toLowerCase(Locale.ROOT);
        if (!InventoryFile.COLUMNS.contains(key)) {
          problems.add(
              problem(
                  name,
                  c.getRowIndex(),
                  c.getColumnIndex(),
                  "column",
                  InventoryFile.clip(h),
                  String.join(", ", InventoryFile.COLUMNS)));
        } else if (col.putIfAbsent(key, c.getColumnIndex()) != null) {
          // otherwise the last of the two would be read, silently
          problems.add(problem(name, c.getRowIndex(), c.getColumnIndex(), "column.twice", key));
        }
      }
      if (!col.containsKey("kind") || !col.containsKey("value")) {
        problems.add(problem(name, header.getRowNum(), -1, "header"));
        continue;
      }
      for (int r = header.getRowNum() + 1; r <= sheet.getLastRowNum(); r++) {
        Row row = sheet.getRow(r);
        if (row == null) {
          continue;
        }
        Map<String, String> values = new HashMap<>();
        boolean any = false;
        int before = problems.size();
        for (Map.Entry<String, Integer> e : col.entrySet()) {
          String v = text(row.getCell(e.getValue()), name, problems);
          if (v != null) {
            values.put(e.getKey(), v);
            any = true;
          }
        }
        if (!any && problems.size() == before) {
          continue;
        }
        if (assets.size() >= InventoryFile.MAX_ROWS) {
          problems.add(problem(name, r, -1, "rows", InventoryFile.MAX_ROWS));
          break;
        }
        try {
          assets.add(InventoryFile.row(values::get));
        } catch (InventoryFile.Refused e) {
          for (InventoryFile.Refused one : e.all) {
            Integer c = col.get(one.field);
            problems.add(one.problem(0).at(at(name, r, c == null ? -1 : c)));
          }
        }
        if (problems.size() >= InventoryFile.MAX_PROBLEMS) {
          break;
        }
      }
    }
    if (problems.isEmpty() && assets.isEmpty()) {
      problems.add(new InventoryFile.Problem(0, "sheet.empty"));
    }
    return problems.isEmpty()
        ? new InventoryFile.Result(assets, List.of(), 0)
        : new InventoryFile.Result(List.of(), problems, 0);
  }

  /** A problem at a cell, e.g. {@code 資産!C5}; column -1 when the row as a whole. */
  private static InventoryFile.Problem problem(
      String sheet, int row, int col, String code, Object... args) {
    return new InventoryFile.Problem(0, code, args).at(at(sheet, row, col));
  }

  private static String at(String sheet, int row, int col) {
    return col < 0
        ? sheet + "!" + (row + 1)
        : sheet + "!" + CellReference.convertNumToColString(col) + (row + 1);
  }

  /** A cell as text, or null when empty; a formula or an over-long text is a problem. */
  private static String text(Cell cell, String sheet, List<InventoryFile.Problem> problems) {
    if (cell == null) {
      return null;
    }
    String v =
        switch (cell.getCellType()) {
          case STRING -> cell.getStringCellValue();
          case NUMERIC -> {
            double d = cell.getNumericCellValue();
            yield d == Math.rint(d) && Math.abs(d) < 1e15
                ? Long.toString((long) d)
                : Double.toString(d);
          }
          case BOOLEAN -> cell.getBooleanCellValue() ? "yes" : "no";
          case BLANK -> null;
          case FORMULA -> {
            problems.add(problem(sheet, cell.getRowIndex(), cell.getColumnIndex(), "cell.formula"));
            yield null;
          }
          default -> {
            problems.add(
                problem(sheet, cell.getRowIndex(), cell.getColumnIndex(), "cell.unreadable"));
            yield null;
          }
        };
    if (v == null || v.isBlank()) {
      return null;
    }
    if (v.length() > MAX_CELL) {
      problems.add(
          problem(sheet, cell.getRowIndex(), cell.getColumnIndex(), "cell.tooLong", MAX_CELL));
      return null;
    }
    return v.strip();
  }
}
