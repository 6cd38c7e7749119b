package jp.renkei.server.mail;

import java.util.Set;
import java.util.stream.Collectors;
import jp.renkei.server.audit.Actor;
import jp.renkei.server.audit.AuditIds;
import jp.renkei.server.audit.AuditTargets;
import org.springframework.stereotype.Component;

/** Audit entries about a C4TAP share are shown to whoever its range lets read it now. */
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
}
