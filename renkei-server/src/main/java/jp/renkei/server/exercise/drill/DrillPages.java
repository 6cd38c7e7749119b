package jp.renkei.server.exercise.drill;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import jp.renkei.server.audit.Actor;
import jp.renkei.server.reference.ReferenceData;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** セプター訓練: the drills of the viewer, the one-click start, a drill's result and self-check. */
@Controller
class DrillPages {

  private final DrillService drills;
  private final ReferenceData reference;

  DrillPages(DrillService drills, ReferenceData reference) {
    this.drills = drills;
    this.reference = reference;
  }

  @GetMapping("/exercises/drills")
  String list(Actor actor, Model model) {
    model.addAttribute("drills", drills.drills(actor));
    model.addAttribute("mayStart", drills.mayStart(actor));
    model.addAttribute("sectors", reference.sectors());
    return "exercise/drills";
  }

  @PostMapping("/exercises/drills")
  String start(
      Actor actor,
      @RequestParam(defaultValue = "") String kind,
      @RequestParam(required = false) List<String> sector) {
    long id = drills.start(actor, kind, sector == null ? List.of() : sector);
    return "redirect:/exercises/drills/" + id;
  }

  @GetMapping("/exercises/drills/{id}")
  String result(Actor actor, @PathVariable long id, Locale locale, Model model) {
    model.addAttribute("d", drills.result(actor, id, locale));
    return "exercise/drill";
  }

  /** The self-check sheet: q1 … qN, each "yes" or "no"; a missing answer is refused. */
  @PostMapping("/exercises/drills/{id}/selfcheck")
  String selfCheck(Actor actor, @PathVariable long id, @RequestParam Map<String, String> form) {
    List<Boolean> answers = new ArrayList<>();
    for (int q = 1; q <= DrillService.QUESTIONS; q++) {
      String a = form.get("q" + q);
      answers.add("yes".equals(a) ? Boolean.TRUE : "no".equals(a) ? Boolean.FALSE : null);
    }
    drills.answerSelfCheck(actor, id, answers);
    return "redirect:/exercises/drills/" + id;
  }
}
