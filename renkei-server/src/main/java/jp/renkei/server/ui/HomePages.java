package jp.renkei.server.ui;

import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import jp.renkei.server.audit.Actor;
import jp.renkei.server.directory.DirectoryService;
import jp.renkei.server.intel.SightingService;
import jp.renkei.server.report.ReportService;
import jp.renkei.server.worklist.WorkQueueService;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The sign-in page and the home page (who you are, your organisation, what waits for you: the work
 * queue, new sightings of your indicators).
 */
@Controller
class HomePages {

  /**
   * How far back the home page's notice of new sightings of the organisation's indicators looks.
   */
  static final Duration SIGHTING_NOTICE = Duration.ofDays(7);

  private final DirectoryService directory;
  private final SightingService sightings;
  private final ReportService reports;
  private final WorkQueueService queues;
  private final Clock clock;

  HomePages(
      DirectoryService directory,
      SightingService sightings,
      ReportService reports,
      WorkQueueService queues,
      Optional<Clock> clock) {
    this.directory = directory;
    this.sightings = sightings;
    this.reports = reports;
    this.queues = queues;
    this.clock = clock.orElse(Clock.systemUTC());
  }

  @GetMapping("/login")
  String login(@RequestParam(name = "error", required = false) String error, Model model) {
    if (error != null) {
      model.addAttribute(
          "errorKey",
          switch (error) {
            case "throttled" -> "login.error.throttled";
            default -> "login.error.bad";
          });
    }
    return "login";
  }

  @GetMapping("/")
  String home(Actor actor, Model model) {
    model.addAttribute("org", directory.detail(actor.organisationId()));
    model.addAttribute(
        "sighted", sightings.recentForPublisher(actor, clock.instant().minus(SIGHTING_NOTICE)));
    model.addAttribute("awaitingRelay", reports.awaitingRelay(actor));
    model.addAttribute("queue", queues.queue(actor));
    return "home";
  }
}
