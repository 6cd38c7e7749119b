package jp.renkei.server.audit;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * How a feature tells the audit log who may see the objects its entries name. The log keeps every
 * entry; what it shows a person passes the same policy as the object an entry is about, so each
 * feature that records entries about shared objects (reports, advisories, STIX objects, C4TAP
 * shares) registers one of these as a bean, judging through its own read path.
 */
public interface AuditTargets {

  /** The target types this feature judges, as its entries record them (e.g. {@code report}). */
  Set<String> targetTypes();

  /**
   * Of {@code ids}, all of {@code targetType}, the ones the viewer may see now. An id that names
   * nothing (gone, malformed) is not visible.
   */
  Set<String> visible(Actor viewer, String targetType, Set<String> ids);

  /**
   * Of {@code ids}, the ones the viewer may see now ({@link #visible}), each with the title the
   * viewer reads on the object's own page, or null where the feature names none: the audit list's
   * target column. Never a title of an id the viewer may not see.
   */
  default Map<String, String> titles(Actor viewer, String targetType, Set<String> ids) {
    Map<String, String> out = new HashMap<>();
    visible(viewer, targetType, ids).forEach(id -> out.put(id, null));
    return out;
  }
}
