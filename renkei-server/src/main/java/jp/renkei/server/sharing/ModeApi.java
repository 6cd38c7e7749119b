package jp.renkei.server.sharing;

import java.util.List;
import jp.renkei.server.audit.Actor;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** REST: the hub's mode ({@code GET /api/v1/mode}) and switching it ({@code PUT}). */
@RestController
@RequestMapping("/api/v1/mode")
class ModeApi {

  private final ModeService modes;

  ModeApi(ModeService modes) {
    this.modes = modes;
  }

  record ModeRepresentation(String mode, List<ModeChange> history) {}

  record SwitchRequest(String mode, String reason) {}

  @GetMapping
  ModeRepresentation current() {
    return new ModeRepresentation(modes.currentCode(), modes.history(20));
  }

  @PutMapping
  ModeRepresentation switchMode(Actor actor, @RequestBody SwitchRequest body) {
    modes.switchTo(actor, body.mode(), body.reason());
    return current();
  }
}
