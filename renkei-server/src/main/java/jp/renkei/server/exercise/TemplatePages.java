package jp.renkei.server.exercise;

import jp.renkei.server.audit.Actor;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** 演習: copy a shipped template into the organisation's scenarios. */
@Controller
class TemplatePages {

  private final ScenarioTemplates templates;

  TemplatePages(ScenarioTemplates templates) {
    this.templates = templates;
  }

  @PostMapping("/exercises/templates")
  String copy(Actor actor, @RequestParam(defaultValue = "") String template) {
    long scenario = templates.copy(actor, template);
    return "redirect:/exercises/scenarios/" + scenario + "/transfer?copied=true";
  }
}
