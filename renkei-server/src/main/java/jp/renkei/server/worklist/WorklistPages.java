package jp.renkei.server.worklist;

import jp.renkei.server.audit.Actor;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The fragments an open page polls every 30 seconds (htmx): the home page's queue, and the
 * navigation's counts with the hub's mode badge. Both answer only for the signed-in person (the
 * {@link Actor} of the session; nothing in the request chooses whose queue it is) and, like every
 * page, need a sign-in.
 */
@Controller
class WorklistPages {

  private final WorkQueueService queues;

  WorklistPages(WorkQueueService queues) {
    this.queues = queues;
  }

  @GetMapping("/worklist")
  String queue(Actor actor, Model model) {
    model.addAttribute("queue", queues.queue(actor));
    return "worklist/queue :: queue";
  }

  /**
   * The cancelled deliveries the queue's section counts, a page at a time ({@code page} from 1):
   * the organisation admins' and platform admins' view, anyone else sees an empty list.
   */
  @GetMapping("/worklist/cancelled")
  String cancelled(
      Actor actor,
      @org.springframework.web.bind.annotation.RequestParam(defaultValue = "1") int page,
      Model model) {
    model.addAttribute("list", queues.cancelled(actor, page));
    return "worklist/cancelled";
  }

  @GetMapping("/worklist/counts")
  String counts(Actor actor, Model model) {
    model.addAttribute("queue", queues.counts(actor));
    return "worklist/queue :: counts";
  }
}
