package jp.renkei.server.ui;

import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import java.util.Map;
import java.util.Set;
import jp.renkei.server.advisory.AdvisoryService;
import jp.renkei.server.audit.Actor;
import jp.renkei.server.listing.ListPage;
import jp.renkei.server.listing.ListQuery;
import jp.renkei.server.listing.ListSpec;
import jp.renkei.server.reference.ReferenceData;
import jp.renkei.server.report.ReportService;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The organisation's inbox: reports delivered on their route, and advisories delivered to it. */
@Controller
class InboxPages {

  private final ReportService reports;
  private final AdvisoryService advisories;
  private final ReferenceData reference;

  InboxPages(ReportService reports, AdvisoryService advisories, ReferenceData reference) {
    this.reports = reports;
    this.advisories = advisories;
    this.reference = reference;
  }

  /** The state an inbox line shows (and the status filter matches). */
  static String status(ReportService.InboxItem i) {
    if (i.awaitingRelay() != null) {
      return "awaiting";
    }
    return i.forwardedAt() != null ? "forwarded" : i.readAt() != null ? "read" : "unread";
  }

  @GetMapping("/inbox")
  String inbox(
      Actor actor,
      @RequestParam Map<String, String> params,
      Model model,
      HttpServletResponse response) {
    ListQuery query =
        ListSpec.builder()
            .text()
            .tlp(reference)
            .choice(
                "status",
                "lists.filter.status",
                List.of(
                    new ListSpec.Option("unread", null, "report.inbox.unread"),
                    new ListSpec.Option("read", null, "report.inbox.read"),
                    new ListSpec.Option("forwarded", null, "report.inbox.forwarded"),
                    new ListSpec.Option("awaiting", null, "lists.inbox.awaiting")))
            .period()
            .sorts("delivered", "title", "tlp", "from")
            .build()
            .parse(params, response);
    // titles and names are read for every item only when the text or the order needs them
    boolean named = !query.text().isEmpty() || Set.of("title", "from").contains(query.sort());
    ListPage<ReportService.InboxItem> page =
        ListPage.of(
            query,
            reports.inbox(actor, ListSpec.CAP + 1, named),
            i ->
                query.textMatches(i.title(), i.originatorName())
                    && query.allows("tlp", i.tlp())
                    && query.allows("status", status(i))
                    && query.inPeriod(i.deliveredAt()),
            Map.of(
                // newest first, after every report waiting for this CEPTOAR to relay it
                "delivered",
                ListPage.<ReportService.InboxItem, Boolean>by(i -> i.awaitingRelay() != null)
                    .thenComparing(ListPage.by(ReportService.InboxItem::deliveredAt)),
                "title",
                ListPage.by(ReportService.InboxItem::title),
                "tlp",
                ListPage.byTlp(ReportService.InboxItem::tlp),
                "from",
                ListPage.by(ReportService.InboxItem::originatorName)),
            ReportService.InboxItem::reportId);
    model.addAttribute("page", named ? page : page.withRows(reports.named(page.rows())));
    model.addAttribute("advisories", advisories.inbox(actor, 200));
    return "inbox";
  }
}
