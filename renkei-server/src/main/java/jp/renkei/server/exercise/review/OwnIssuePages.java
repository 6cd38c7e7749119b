package jp.renkei.server.exercise.review;

import jp.renkei.server.audit.Actor;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** 自組織の課題: the owner organisation's open 課題 on the exercise list, and their follow-up. */
@Controller
class OwnIssuePages {

  private final FollowUp followUp;

  OwnIssuePages(FollowUp followUp) {
    this.followUp = followUp;
  }

  @GetMapping("/exercises/issues/mine")
  String mine(Actor actor, Model model) {
    model.addAttribute("issues", followUp.ownIssues(actor, true));
    return "exercise/issues :: mine";
  }

  @PostMapping("/exercises/issues/{issue}/progress")
  String progress(
      Actor actor,
      @PathVariable long issue,
      @RequestParam(required = false) String state,
      @RequestParam(required = false) String note) {
    followUp.updateOwn(actor, issue, state == null || state.isEmpty() ? null : state, note);
    return "redirect:/exercises#exercise-my-issues";
  }
}
