package jp.renkei.server.exercise.review;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import jp.renkei.engine.exercise.Channel;
import jp.renkei.engine.exercise.Check;
import jp.renkei.engine.exercise.Outcome;
import jp.renkei.engine.exercise.Scenario;
import jp.renkei.engine.exercise.Target;
import jp.renkei.server.exercise.ScenarioDocument;
import jp.renkei.server.failure.FieldErrors;
import jp.renkei.server.failure.InvalidInput;
import org.apache.poi.openxml4j.util.ZipSecureFile;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * The 状況付与票 as an .xlsx workbook (docs/exercise-xlsx.md): sheet {@value #INJECTS} with one row per
 * 状況付与, sheet {@value #EXPECTATIONS} with one row per 期待される対応, each under a header row. Reading
 * checks every cell and reports every bad one with its sheet, row and column; nothing is returned
 * unless all of them are right.
 *
 * <p>Limits: a file of at most {@value #MAX_BYTES} bytes, {@value Scenario#MAX_INJECTS} injects,
 * {@value #MAX_EXPECTATIONS} expectations, {@value #MAX_TEXT} characters in 付与内容 or a description
 * and {@value #MAX_SHORT} in any other cell. POI's zip guards are set for every read: an entry that
 * inflates more than {@code 1 / MIN_INFLATE_RATIO} times, or past {@value #MAX_ENTRY_BYTES} bytes,
 * is refused; OOXML parts are parsed with DOCTYPEs refused (no XXE).
 */
public final class InjectSheet {

  public static final String INJECTS = "状況付与";
  public static final String EXPECTATIONS = "期待される対応";
  public static final int MAX_BYTES = 2 * 1024 * 1024;
  public static final int MAX_EXPECTATIONS = 2_000;
  public static final int MAX_TEXT = 10_000;
  public static final int MAX_SHORT = 500;
  static final long MAX_ENTRY_BYTES = 64L * 1024 * 1024;
  static final double MIN_INFLATE_RATIO = 0.01;
  static final long MAX_TEXT_CHARS = 10L * 1024 * 1024;

  /**
   * Rows and cells (or shared strings) of all sheets at most, counted before POI builds the
   * workbook ({@link jp.renkei.server.files.WorkbookParts}): a 2 MB file of 800,000 empty rows
   * passes the zip ratios but would be built as 800,000 row objects.
   */
  static final int MAX_ROWS = 20_000;

  static final int MAX_CELLS = 200_000;

  /** Columns of {@value #INJECTS}. */
  static final List<String> INJECT_HEADERS =
      List.of("No.", "付与時刻（分）", "付与先", "発信元", "伝達手段", "件名", "付与内容", "指示で付与", "条件：期待される対応", "条件：結果");

  /** Columns of {@value #EXPECTATIONS}. */
  static final List<String> EXPECTATION_HEADERS =
      List.of("状況付与No.", "No.", "期待される対応", "目標時間（分）", "配点", "自動判定");

  private InjectSheet() {}

  static {
    guard();
  }

  /** POI's zip-bomb guards, explicit (they are JVM-wide; these are at least as strict as POI's). */
  static void guard() {
    ZipSecureFile.setMinInflateRatio(MIN_INFLATE_RATIO);
    ZipSecureFile.setMaxEntrySize(MAX_ENTRY_BYTES);
    ZipSecureFile.setMaxTextSize(MAX_TEXT_CHARS);
  }

  /** Writes the scenario's injects and expectations. */
  public static byte[] write(ScenarioDocument doc) {
    try (XSSFWorkbook wb = new XSSFWorkbook();
        ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      CellStyle head = wb.createCellStyle();
      Font bold = wb.createFont();
      bold.setBold(true);
      head.setFont(bold);
      CellStyle wrap = wb.createCellStyle();
      wrap.setWrapText(true);
      Sheet is = wb.createSheet(INJECTS);
      header(is, INJECT_HEADERS, head);
      Sheet es = wb.createSheet(EXPECTATIONS);
      header(es, EXPECTATION_HEADERS, head);
      int r = 1;
      int er = 1;
      for (ScenarioDocument.InjectDoc i : doc.injects()) {
        Row row = is.createRow(r++);
        text(row, 0, i.key());
        row.createCell(1).setCellValue(i.minute() == null ? 0 : i.minute());
        text(row, 2, targets(i.targets()));
        text(row, 3, i.sender());
        text(row, 4, lower(i.channel()));
        text(row, 5, i.title());
        text(row, 6, i.content()).setCellStyle(wrap);
        text(row, 7, Boolean.TRUE.equals(i.onCommand()) ? "yes" : "");
        text(row, 8, i.dependsOn());
        text(
            row,
            9,
            i.dependsOnOutcomes() == null
                ? ""
                : i.dependsOnOutcomes().stream()
                    .map(InjectSheet::lower)
                    .collect(Collectors.joining(",")));
        for (ScenarioDocument.ExpectationDoc e :
            i.expectations() == null
                ? List.<ScenarioDocument.ExpectationDoc>of()
                : i.expectations()) {
          Row x = es.createRow(er++);
          text(x, 0, i.key());
          text(x, 1, e.key());
          text(x, 2, e.description()).setCellStyle(wrap);
          x.createCell(3).setCellValue(e.targetMinutes() == null ? 0 : e.targetMinutes());
          x.createCell(4).setCellValue(e.points() == null ? 0 : e.points());
          text(x, 5, lower(e.check()));
        }
      }
      is.setColumnWidth(6, 60 * 256);
      es.setColumnWidth(2, 60 * 256);
      wb.write(out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private static void header(Sheet s, List<String> names, CellStyle style) {
    Row h = s.createRow(0);
    for (int c = 0; c < names.size(); c++) {
      Cell cell = h.createCell(c);
      cell.setCellValue(names.get(c));
      cell.setCellStyle(style);
      s.setColumnWidth(c, Math.max(12, names.get(c).length() * 3) * 256);
    }
    s.createFreezePane(0, 1);
  }

  private static Cell text(Row row, int col, String value) {
    Cell c = row.createCell(col);
    c.setCellValue(value == null ? "" : value);
    return c;
  }

  private static String lower(String s) {
    return s == null ? "" : s.strip().toLowerCase(Locale.ROOT);
  }

  static String targets(List<ScenarioDocument.TargetDoc> targets) {
    if (targets == null) {
      return "";
    }
    return targets.stream()
        .map(
            t ->
                lower(t.kind())
                    + (t.value() == null || t.value().isBlank() ? "" : ":" + t.value().strip()))
        .collect(Collectors.joining("; "));
  }

  /**
   * The injects of a workbook, each with its expectations, or every bad cell as {@link
   * InvalidInput} (field {@code 状況付与!C5}).
   */
  public static Parsed read(InputStream in) {
    guard();
    byte[] bytes;
    try {
      bytes = in.readAllBytes(); // the caller bounds it ({@link #MAX_BYTES})
    } catch (IOException e) {
      throw new InvalidInput("file", "aar.xlsx.unreadable");
    }
    jp.renkei.server.files.WorkbookParts.TooMuch tooMuch =
        jp.renkei.server.files.WorkbookParts.check(
                bytes, MAX_ROWS, MAX_CELLS, MAX_ENTRY_BYTES, 4 * MAX_ENTRY_BYTES)
            .orElse(null);
    if (tooMuch != null) {
      throw switch (tooMuch) {
        case ENCODING -> new InvalidInput("file", "aar.xlsx.encoding");
        case UNREADABLE -> new InvalidInput("file", "aar.xlsx.unreadable");
        case ROWS, CELLS, SHARED_STRINGS, INFLATED ->
            new InvalidInput("file", "aar.xlsx.size", MAX_ROWS, MAX_CELLS);
      };
    }
    try (Workbook wb = new XSSFWorkbook(new java.io.ByteArrayInputStream(bytes))) {
      return read(wb);
    } catch (InvalidInput e) {
      throw e;
    } catch (IOException | RuntimeException e) {
      throw new InvalidInput("file", refusal(e));
    }
  }

  /** Why POI refused a file, from the messages along the cause chain (never shown as such). */
  static String refusal(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
      String m = String.valueOf(t.getMessage());
      if (m.contains("Zip bomb") || m.contains("exceeds the max")) {
        return "aar.xlsx.bomb";
      }
      if (m.contains("DOCTYPE") || m.contains("DTD")) {
        return "aar.xlsx.doctype";
      }
    }
    return "aar.xlsx.unreadable";
  }

  /** The injects read, and the sheet row each inject and expectation key came from. */
  public record Parsed(List<ScenarioDocument.InjectDoc> injects, Map<String, String> rowOf) {}

  private static Parsed read(Workbook wb) {
    FieldErrors errors = new FieldErrors();
    Sheet is = wb.getSheet(INJECTS);
    Sheet es = wb.getSheet(EXPECTATIONS);
    if (is == null) {
      throw new InvalidInput(INJECTS, "aar.xlsx.noSheet", INJECTS);
    }
    Map<String, String> rowOf = new HashMap<>();
    Map<String, List<ScenarioDocument.ExpectationDoc>> byInject = new LinkedHashMap<>();
    if (es != null) {
      checkHeader(es, EXPECTATION_HEADERS, errors);
      if (es.getLastRowNum() > MAX_EXPECTATIONS) {
        throw new InvalidInput(
            EXPECTATIONS, "aar.xlsx.tooManyRows", EXPECTATIONS, MAX_EXPECTATIONS);
      }
      for (int r = 1; r <= es.getLastRowNum(); r++) {
        Row row = es.getRow(r);
        if (blank(row, EXPECTATION_HEADERS.size())) {
          continue;
        }
        Cells c = new Cells(EXPECTATIONS, row, errors);
        String inject = c.text(0, MAX_SHORT, true);
        String key = c.text(1, 40, true);
        String description = c.text(2, MAX_TEXT, true);
        Integer target = c.integer(3, 1, (int) Scenario.MAX_LENGTH.toMinutes());
        Integer points = c.integer(4, 0, 1000);
        String check = c.choice(5, Check.class, false);
        if (key != null) {
          rowOf.putIfAbsent(key, ref(EXPECTATIONS, r, 1));
        }
        if (inject != null) {
          byInject
              .computeIfAbsent(inject, k -> new ArrayList<>())
              .add(new ScenarioDocument.ExpectationDoc(key, description, target, points, check));
        }
      }
    }
    checkHeader(is, INJECT_HEADERS, errors);
    if (is.getLastRowNum() > Scenario.MAX_INJECTS) {
      throw new InvalidInput(INJECTS, "aar.xlsx.tooManyRows", INJECTS, Scenario.MAX_INJECTS);
    }
    List<ScenarioDocument.InjectDoc> injects = new ArrayList<>();
    for (int r = 1; r <= is.getLastRowNum(); r++) {
      Row row = is.getRow(r);
      if (blank(row, INJECT_HEADERS.size())) {
        continue;
      }
      Cells c = new Cells(INJECTS, row, errors);
      String key = c.text(0, 40, true);
      Integer minute = c.integer(1, 0, (int) Scenario.MAX_LENGTH.toMinutes());
      List<ScenarioDocument.TargetDoc> targets = c.targets(2);
      String sender = c.text(3, MAX_SHORT, true);
      String channel = c.choice(4, Channel.class, true);
      String title = c.text(5, MAX_SHORT, true);
      String content = c.text(6, MAX_TEXT, true);
      String onCommand = c.text(7, 10, false);
      boolean command =
          onCommand != null && Set.of("yes", "はい", "true", "1", "○").contains(onCommand);
      if (onCommand != null
          && !command
          && !Set.of("no", "いいえ", "false", "0", "").contains(onCommand)) {
        c.error(7, "aar.xlsx.yesNo");
      }
      String dependsOn = c.text(8, 40, false);
      List<String> outcomes = c.outcomes(9);
      if (dependsOn != null && outcomes.isEmpty()) {
        c.error(9, "aar.xlsx.required");
      }
      if (key != null) {
        if (rowOf.containsKey(key) && rowOf.get(key).startsWith(INJECTS)) {
          c.error(0, "aar.xlsx.duplicate", key);
        }
        rowOf.put(key, ref(INJECTS, r, 0));
      }
      injects.add(
          new ScenarioDocument.InjectDoc(
              key,
              minute,
              targets,
              sender,
              channel,
              title,
              content,
              key == null ? List.of() : byInject.getOrDefault(key, List.of()),
              command,
              dependsOn,
              outcomes));
    }
    Set<String> injectKeys =
        injects.stream().map(ScenarioDocument.InjectDoc::key).collect(Collectors.toSet());
    for (String inject : byInject.keySet()) {
      if (!injectKeys.contains(inject)) {
        errors.add(new InvalidInput(EXPECTATIONS, "aar.xlsx.unknownInject", EXPECTATIONS, inject));
      }
    }
    errors.throwIfAny();
    return new Parsed(injects, rowOf);
  }

  private static void checkHeader(Sheet s, List<String> names, FieldErrors errors) {
    Row h = s.getRow(0);
    for (int c = 0; c < names.size(); c++) {
      Cell cell = h == null ? null : h.getCell(c);
      String v =
          cell == null || cell.getCellType() != CellType.STRING ? "" : cell.getStringCellValue();
      if (!names.get(c).equals(v.strip())) {
        errors.add(
            new InvalidInput(
                ref(s.getSheetName(), 0, c),
                "aar.xlsx.header",
                s.getSheetName(),
                1,
                CellReference.convertNumToColString(c),
                names.get(c)));
      }
    }
  }

  private static boolean blank(Row row, int columns) {
    if (row == null) {
      return true;
    }
    for (int c = 0; c < columns; c++) {
      Cell cell = row.getCell(c);
      if (cell != null
          && cell.getCellType() != CellType.BLANK
          && !(cell.getCellType() == CellType.STRING && cell.getStringCellValue().isBlank())) {
        return false;
      }
    }
    return true;
  }

  static String ref(String sheet, int row, int col) {
    return sheet + "!" + CellReference.convertNumToColString(col) + (row + 1);
  }

  /** Reads the cells of one row, each error kept with sheet, row and column. */
  private static final class Cells {
    private final String sheet;
    private final Row row;
    private final FieldErrors errors;

    Cells(String sheet, Row row, FieldErrors errors) {
      this.sheet = sheet;
      this.row = row;
      this.errors = errors;
    }

    void error(int col, String key, Object... more) {
      Object[] args = new Object[3 + more.length];
      args[0] = sheet;
      args[1] = row.getRowNum() + 1;
      args[2] = CellReference.convertNumToColString(col);
      System.arraycopy(more, 0, args, 3, more.length);
      errors.add(new InvalidInput(ref(sheet, row.getRowNum(), col), key, args));
    }

    /** The cell as text, or null when empty; numbers as integers, formulas refused. */
    String raw(int col) {
      Cell cell = row.getCell(col);
      if (cell == null) {
        return null;
      }
      return switch (cell.getCellType()) {
        case STRING ->
            cell.getStringCellValue().isBlank() ? null : cell.getStringCellValue().strip();
        case NUMERIC -> {
          double d = cell.getNumericCellValue();
          yield d == Math.rint(d) && Math.abs(d) < 1e15
              ? Long.toString((long) d)
              : Double.toString(d);
        }
        case BOOLEAN -> cell.getBooleanCellValue() ? "yes" : "no";
        case BLANK -> null;
        case FORMULA -> {
          error(col, "aar.xlsx.formula");
          yield null;
        }
        default -> {
          error(col, "aar.xlsx.unreadableCell");
          yield null;
        }
      };
    }

    String text(int col, int max, boolean required) {
      String v = raw(col);
      if (v == null) {
        if (required) {
          error(col, "aar.xlsx.required");
        }
        return null;
      }
      if (v.length() > max) {
        error(col, "aar.xlsx.tooLong", max);
        return null;
      }
      return v;
    }

    Integer integer(int col, int min, int max) {
      String v = raw(col);
      if (v == null) {
        error(col, "aar.xlsx.required");
        return null;
      }
      try {
        int n = Integer.parseInt(v);
        if (n < min || n > max) {
          error(col, "aar.xlsx.range", min, max);
          return null;
        }
        return n;
      } catch (NumberFormatException e) {
        error(col, "aar.xlsx.notInteger");
        return null;
      }
    }

    <E extends Enum<E>> String choice(int col, Class<E> type, boolean required) {
      String v = text(col, 40, required);
      if (v == null) {
        return null;
      }
      try {
        return Enum.valueOf(type, v.toUpperCase(Locale.ROOT)).name().toLowerCase(Locale.ROOT);
      } catch (IllegalArgumentException e) {
        error(col, "aar.xlsx.unknownValue", v, names(type));
        return null;
      }
    }

    List<ScenarioDocument.TargetDoc> targets(int col) {
      String v = text(col, MAX_SHORT, true);
      List<ScenarioDocument.TargetDoc> out = new ArrayList<>();
      if (v == null) {
        return out;
      }
      for (String part : v.split("[;\\n]")) {
        String p = part.strip();
        if (p.isEmpty()) {
          continue;
        }
        int colon = p.indexOf(':');
        String kind = colon < 0 ? p : p.substring(0, colon).strip();
        String value = colon < 0 ? "" : p.substring(colon + 1).strip();
        try {
          Target.Kind k = Target.Kind.valueOf(kind.toUpperCase(Locale.ROOT));
          if (k != Target.Kind.ALL && value.isEmpty()) {
            error(col, "aar.xlsx.targetValue", p);
            continue;
          }
          out.add(new ScenarioDocument.TargetDoc(k.name().toLowerCase(Locale.ROOT), value));
        } catch (IllegalArgumentException e) {
          error(col, "aar.xlsx.unknownValue", kind, names(Target.Kind.class));
        }
      }
      return out;
    }

    List<String> outcomes(int col) {
      String v = text(col, 40, false);
      List<String> out = new ArrayList<>();
      if (v == null) {
        return out;
      }
      for (String part : v.split("[,、]")) {
        String p = part.strip();
        if (p.isEmpty()) {
          continue;
        }
        try {
          Outcome o = Outcome.valueOf(p.toUpperCase(Locale.ROOT));
          if (o == Outcome.PENDING) {
            throw new IllegalArgumentException();
          }
          out.add(o.name().toLowerCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
          error(col, "aar.xlsx.unknownValue", p, "met, partial, missed");
        }
      }
      return out;
    }

    private static <E extends Enum<E>> String names(Class<E> type) {
      return java.util.Arrays.stream(type.getEnumConstants())
          .map(x -> x.name().toLowerCase(Locale.ROOT))
          .collect(Collectors.joining(", "));
    }
  }
}
