package jp.renkei.server.ui;

import jp.renkei.server.advisory.AdvisoryService;
import jp.renkei.server.audit.Actor;
import jp.renkei.server.report.ReportService;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The organisation's inbox: reports delivered on their route, and advisories delivered to it. */
@Controller
class InboxPages {

  private final ReportService reports;
  private final AdvisoryService advisories;

  InboxPages(ReportService reports, AdvisoryService advisories) {
    this.reports = reports;
    this.advisories = advisories;
  }

  @GetMapping("/inbox")
  String inbox(Actor actor, Model model) {
    model.addAttribute("items", reports.inbox(actor, 200));
    model.addAttribute("advisories", advisories.inbox(actor, 200));
    return "inbox";
  }
}
