package jp.renkei.server.exercise.drill;

import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import jp.renkei.server.audit.Actor;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** REST: CEPTOAR drills — start one, list them, read a result, answer the self-check sheet. */
@RestController
@RequestMapping("/api/v1/exercises/drills")
class DrillApi {

  private final DrillService drills;

  DrillApi(DrillService drills) {
    this.drills = drills;
  }

  record NewDrill(String kind, List<String> sectors) {}

  record SelfCheck(List<Boolean> answers) {}

  @PostMapping
  ResponseEntity<Map<String, Object>> start(Actor actor, @RequestBody NewDrill body) {
    long id = drills.start(actor, body.kind(), body.sectors());
    return ResponseEntity.created(URI.create("/api/v1/exercises/drills/" + id))
        .body(Map.of("id", id));
  }

  @GetMapping
  List<DrillViews.Summary> list(Actor actor) {
    return drills.drills(actor);
  }

  @GetMapping("/{id}")
  DrillViews.Result result(Actor actor, @PathVariable long id, Locale locale) {
    return drills.result(actor, id, locale);
  }

  @PutMapping("/{id}/selfcheck")
  ResponseEntity<Void> selfCheck(Actor actor, @PathVariable long id, @RequestBody SelfCheck body) {
    drills.answerSelfCheck(actor, id, body.answers());
    return ResponseEntity.noContent().build();
  }
}
