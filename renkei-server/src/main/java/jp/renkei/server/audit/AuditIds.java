package jp.renkei.server.audit;

import java.util.List;
import java.util.Set;

/** Numeric target ids as entries record them; an id that is not a number names nothing. */
public final class AuditIds {

  private AuditIds() {}

  public static List<Long> numeric(Set<String> ids) {
    return ids.stream().filter(s -> s.matches("\\d{1,18}")).map(Long::valueOf).toList();
  }
}
