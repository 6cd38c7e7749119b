package jp.renkei.server.ui;

import jakarta.servlet.http.HttpServletResponse;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
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

/**
 * The organisation's inbox: reports delivered on their route, and advisories (情報提供) delivered to it
 * — the newest few and every unconfirmed one on the inbox, all of them as their own list. Both
 * lists are built from the feature services' inbox reads alone (each judged by the sharing policy),
 * so rows, totals and pages count only what the organisation may see.
 */
@Controller
class InboxPages {

  /** Advisories shown on the inbox itself (the rest are one click away). */
  static final int ADVISORY_PREVIEW = 10;

  static final List<String> URGENCIES = List.of("normal", "urgent", "immediate");

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
      Locale locale,
      Model model,
      HttpServletResponse response) {
    ListQuery query =
        ListSpec.builder()
            .text()
            .organisation()
            .recipient()
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
    // titles and names are read for every item only when the text, the sender or the order needs
    // them
    boolean filtersByName = !query.text().isEmpty() || !query.field("org").isEmpty();
    boolean named = filtersByName || Set.of("title", "from").contains(query.sort());
    // the recipient filter matches the recipients the report's page shows the viewer, no other
    java.util.function.Predicate<ReportService.InboxItem> recipient = reports.inboxRecipient(query);
    java.util.function.Predicate<ReportService.InboxItem> keep =
        i ->
            query.textMatches(i.title(), i.originatorName(), i.originatorNameEn())
                && query.fieldMatches("org", i.originatorName(), i.originatorNameEn())
                && query.allows("tlp", i.tlp())
                && query.allows("status", status(i))
                && query.inPeriod(i.deliveredAt())
                && recipient.test(i);
    // title, TLP and oldest first are read in their order from SQL: the walk stops, as newest
    // first does, once it has the page and the counted total (n件以上), and names only the page
    if (query.valid() && ReportService.inboxReadInOrder(query.sort(), query.descending())) {
      int counted = ListSpec.counted(query);
      List<ReportService.InboxItem> ordered =
          reports.inboxInOrder(
              actor,
              counted + 1,
              filtersByName,
              reports.inboxNarrowing(query),
              keep,
              query.sort(),
              query.descending());
      if (ordered != null) {
        ListPage<ReportService.InboxItem> page = ListPage.inOrder(query, ordered, counted);
        model.addAttribute(
            "page", filtersByName ? page : page.withRows(reports.named(page.rows())));
        return advisoriesAndView(actor, model);
      }
    }
    // newest first (the order the deliveries are read in) the walk stops once it has the page and
    // the counted total (n件以上); another order (or any, while a report awaits this CEPTOAR's
    // relay) needs every matching item (up to the cap) first
    int counted =
        query.valid() && query.sort().equals("delivered") && query.descending()
            ? ListSpec.counted(query)
            : ListSpec.CAP;
    ListPage<ReportService.InboxItem> page =
        ListPage.of(
            query,
            query.valid()
                ? reports.inbox(actor, counted + 1, named, reports.inboxNarrowing(query), keep)
                : List.of(),
            counted,
            keep,
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
                ListPage.<ReportService.InboxItem, String>by(i -> i.originatorName(locale))),
            ReportService.InboxItem::reportId);
    model.addAttribute("page", named ? page : page.withRows(reports.named(page.rows())));
    return advisoriesAndView(actor, model);
  }

  /** The inbox's advisories beside its reports, and the view. */
  private String advisoriesAndView(Actor actor, Model model) {
    Instant now = Instant.now();
    // every advisory still to confirm (the earliest deadline first), then the newest others
    Map<Long, AdvisoryService.Summary> preview = new java.util.LinkedHashMap<>();
    advisories.toConfirm(actor, ADVISORY_PREVIEW, ADVISORY_PREVIEW).first().stream()
        .sorted(
            Comparator.comparing(
                AdvisoryService.Summary::confirmBy,
                Comparator.nullsLast(Comparator.naturalOrder())))
        .forEach(a -> preview.put(a.id(), a));
    for (AdvisoryService.Summary a : advisories.inbox(actor, ADVISORY_PREVIEW)) {
      if (preview.size() >= ADVISORY_PREVIEW) {
        break;
      }
      preview.putIfAbsent(a.id(), a);
    }
    model.addAttribute("advisories", List.copyOf(preview.values()));
    model.addAttribute("now", now);
    return "inbox";
  }

  @GetMapping("/inbox/advisories")
  String advisories(
      Actor actor,
      @RequestParam Map<String, String> params,
      Locale locale,
      Model model,
      HttpServletResponse response) {
    ListQuery query =
        ListSpec.builder()
            .text()
            .organisation()
            .messages("urgency", "work.advisory.urgency", "work.advisory.urgency.", URGENCIES)
            .messages(
                "receipt",
                "hub.inbox.filter.receipt",
                "hub.inbox.receipt.",
                List.of("unconfirmed", "overdue", "confirmed"))
            .tlp(reference)
            .period()
            .sort("delivered", "lists.sort.delivered")
            .sort("deadline", "work.advisory.confirmBy")
            .sort("urgency", "work.advisory.urgency")
            .sort("title", "lists.sort.title")
            .sort("issuer", "lists.sort.issuer")
            .build()
            .parse(params, response);
    Instant now = Instant.now();
    model.addAttribute(
        "page",
        ListPage.of(
            query,
            advisories.inbox(actor, ListSpec.CAP + 1),
            a ->
                query.textMatches(a.title(), a.issuerName(), a.issuerNameEn())
                    && query.fieldMatches("org", a.issuerName(), a.issuerNameEn())
                    && query.allows("urgency", a.urgency())
                    && query.allows("receipt", a.receipt(now))
                    && query.allows("tlp", a.tlp())
                    && query.inPeriod(a.deliveredAt()),
            Map.of(
                "delivered", ListPage.by(AdvisoryService.Summary::deliveredAt),
                "deadline", ListPage.by(AdvisoryService.Summary::confirmBy),
                "urgency",
                    ListPage.<AdvisoryService.Summary, Integer>by(
                        a -> URGENCIES.indexOf(a.urgency())),
                "title", ListPage.by(AdvisoryService.Summary::title),
                "issuer", ListPage.<AdvisoryService.Summary, String>by(a -> a.issuerName(locale))),
            AdvisoryService.Summary::id));
    model.addAttribute("now", now);
    return "inbox-advisories";
  }
}
