package jp.renkei.server.mail;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import jp.renkei.engine.text.Names;
import jp.renkei.server.audit.Actor;
import jp.renkei.server.audit.AuditIds;
import jp.renkei.server.audit.AuditTargets;
import org.springframework.stereotype.Component;

/**
 * Audit entries about a C4TAP share are shown to whoever its range lets read it now, named by the
 * share's (redacted) subject as its readers see it on the share's page.
 */
@Component
class C4tapAuditTargets implements AuditTargets {

  private final C4tapService c4tap;

  C4tapAuditTargets(C4tapService c4tap) {
    this.c4tap = c4tap;
  }

  @Override
  public Set<String> targetTypes() {
    return Set.of("c4tap_submission");
  }

  @Override
  public Set<String> visible(Actor viewer, String targetType, Set<String> ids) {
    return c4tap.visibleAmong(viewer, AuditIds.numeric(ids)).stream()
        .map(String::valueOf)
        .collect(Collectors.toSet());
  }

  @Override
  public Map<String, String> titles(Actor viewer, String targetType, Set<String> ids) {
    Map<String, String> out = new HashMap<>();
    c4tap
        .subjectsVisibleAmong(viewer, AuditIds.numeric(ids))
        .forEach(
            // an attacker wrote it: bidi overrides and hidden characters shown, as on the share
            (id, subject) -> out.put(String.valueOf(id), Names.escapeInvisible(subject)));
    return out;
  }
}
