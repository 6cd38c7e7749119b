package jp.renkei.server.notice;

import java.io.ByteArrayInputStream;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import jp.renkei.engine.notice.MonthlyFigures;
import jp.renkei.server.audit.Actor;
import jp.renkei.server.failure.InvalidInput;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * REST for NOTICE: partners and the survey operator submit observations (token scope {@code
 * notice}); holders read their notifications and record the 注意喚起 and outcome; the monthly
 * statistics as the policy lets the caller see them; platform admins import the range registry.
 */
@RestController
@RequestMapping("/api/v1/notice")
class NoticeApi {

  /** A notification as the API shows it to its holder. */
  record NoticeRepresentation(
      long id,
      String address,
      Integer port,
      String protocol,
      Instant observedAt,
      String observation,
      String matchedRange,
      String holderKind,
      String source,
      Instant warnedAt,
      String warnedHow,
      String outcome,
      String outcomeNote,
      int reminders,
      Instant notifiedAt) {

    static NoticeRepresentation of(NoticeRow n) {
      return new NoticeRepresentation(
          n.id(),
          n.address(),
          n.port(),
          n.protocol(),
          n.observedAt(),
          n.observation(),
          n.matchedRange(),
          n.holderKind(),
          n.source(),
          n.warnedAt(),
          n.warnedHow(),
          n.outcome(),
          n.outcomeNote(),
          n.reminders(),
          n.createdAt());
    }
  }

  /** One month of the statistics in the published shape. */
  record MonthRepresentation(
      YearMonth month,
      Integer isps,
      Long surveyed,
      Integer notified,
      Integer reached,
      Integer remediated,
      Double reachRate,
      Double remediationRate,
      boolean withheld) {
    static MonthRepresentation of(MonthlyFigures.Row r) {
      return new MonthRepresentation(
          r.month(),
          r.isps(),
          r.surveyed(),
          r.notified(),
          r.reached(),
          r.remediated(),
          r.reachRate(),
          r.remediationRate(),
          r.withheld());
    }
  }

  /** One fiscal year's total (年度, April to March) in the published shape. */
  record YearRepresentation(
      int fiscalYear,
      Integer isps,
      Long surveyed,
      Integer notified,
      Integer reached,
      Integer remediated,
      Double reachRate,
      Double remediationRate,
      boolean withheld) {
    static YearRepresentation of(MonthlyFigures.Year y) {
      return new YearRepresentation(
          y.fiscalYear(),
          y.isps(),
          y.surveyed(),
          y.notified(),
          y.reached(),
          y.remediated(),
          y.reachRate(),
          y.remediationRate(),
          y.withheld());
    }
  }

  record OutcomeRequest(String warnedHow, LocalDate warnedOn, String outcome, String note) {}

  private final NoticeService service;
  private final NoticeAccess access;
  private final NoticeProperties props;

  NoticeApi(NoticeService service, NoticeAccess access, NoticeProperties props) {
    this.service = service;
    this.access = access;
    this.props = props;
  }

  @PostMapping("/observations")
  NoticeService.Submitted observations(
      Actor actor,
      @RequestHeader(HttpHeaders.CONTENT_TYPE) String contentType,
      @RequestParam(required = false) String label,
      @RequestParam(required = false) Long surveyed,
      @RequestBody byte[] body) {
    String ct = contentType.toLowerCase(java.util.Locale.ROOT);
    String format =
        ct.startsWith("application/json") ? "json" : ct.startsWith("text/csv") ? "csv" : ct;
    return service.submit(actor, format, label, surveyed, new ByteArrayInputStream(body));
  }

  /**
   * The caller's notifications, newest first, {@code size} (at most {@code
   * renkei.notice.max-listed}) per {@code page}; {@code X-Total-Count} is the number in all.
   */
  @GetMapping("/notices")
  ResponseEntity<List<NoticeRepresentation>> notices(
      Actor actor,
      @RequestParam(defaultValue = "false") boolean open,
      @RequestParam(defaultValue = "1") int page,
      @RequestParam(required = false) Integer size) {
    int max = props.maxListed();
    int n = size == null ? max : size;
    if (page < 1 || page > 1_000_000) {
      throw new InvalidInput("page", "notice.error.page", page);
    }
    if (n < 1 || n > max) {
      throw new InvalidInput("size", "notice.error.size", n, max);
    }
    NoticeAccess.Held held =
        access.held(actor, NoticeAccess.Filter.open(open), "notified", true, (page - 1) * n, n);
    return ResponseEntity.ok()
        .header("X-Total-Count", Integer.toString(held.total()))
        .body(held.rows().stream().map(NoticeRepresentation::of).toList());
  }

  @GetMapping("/notices/{id}")
  NoticeRepresentation notice(Actor actor, @PathVariable long id) {
    return NoticeRepresentation.of(access.notice(actor, id));
  }

  @PostMapping("/notices/{id}/outcome")
  NoticeRepresentation outcome(Actor actor, @PathVariable long id, @RequestBody OutcomeRequest r) {
    if (r == null) {
      throw new InvalidInput("outcome", "notice.error.outcome", "-");
    }
    service.record(actor, id, r.warnedHow(), r.warnedOn(), r.outcome(), r.note());
    return NoticeRepresentation.of(access.notice(actor, id));
  }

  @GetMapping("/statistics")
  List<MonthRepresentation> statistics(Actor actor) {
    return access.statistics(actor).months().stream().map(MonthRepresentation::of).toList();
  }

  /** Fiscal-year totals, after the same rules and secondary suppression as the months. */
  @GetMapping("/statistics/years")
  List<YearRepresentation> years(Actor actor) {
    return access.statistics(actor).years().stream().map(YearRepresentation::of).toList();
  }

  /** Months and fiscal years as CSV, from the same answer as the JSON and the page. */
  @GetMapping(value = "/statistics.csv", produces = "text/csv;charset=UTF-8")
  ResponseEntity<String> statisticsCsv(Actor actor) {
    return csv(access.statistics(actor));
  }

  /**
   * The statistics as CSV (UTF-8 with BOM for spreadsheet software): one line per month then per
   * fiscal year ({@code FY2026}); a figure not shown or withheld is an empty cell.
   */
  static ResponseEntity<String> csv(MonthlyFigures.Table t) {
    StringBuilder csv =
        new StringBuilder(
            "\uFEFFperiod,isps,surveyed,notified,reached,remediated,reach_rate,remediation_rate,"
                + "withheld\r\n");
    for (MonthlyFigures.Row r : t.months()) {
      line(
          csv,
          r.month().toString(),
          r.isps(),
          r.surveyed(),
          r.notified(),
          r.reached(),
          r.remediated(),
          r.reachRate(),
          r.remediationRate(),
          r.withheld());
    }
    for (MonthlyFigures.Year y : t.years()) {
      line(
          csv,
          "FY" + y.fiscalYear(),
          y.isps(),
          y.surveyed(),
          y.notified(),
          y.reached(),
          y.remediated(),
          y.reachRate(),
          y.remediationRate(),
          y.withheld());
    }
    return ResponseEntity.ok()
        .header("Content-Disposition", "attachment; filename=\"renkei-notice-statistics.csv\"")
        .body(csv.toString());
  }

  private static void line(StringBuilder csv, String period, Object... cells) {
    csv.append(period);
    for (Object c : cells) {
      csv.append(',');
      if (c instanceof Double d) {
        csv.append(String.format(java.util.Locale.ROOT, "%.4f", d));
      } else if (c != null) {
        csv.append(c);
      }
    }
    csv.append("\r\n");
  }

  @PostMapping(value = "/ranges", consumes = "text/csv")
  NoticeService.RangesImported ranges(Actor actor, @RequestBody byte[] body) {
    return service.importRanges(actor, new ByteArrayInputStream(body));
  }
}
