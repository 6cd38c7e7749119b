package jp.renkei.server.sharing;

import java.util.ArrayList;
import java.util.List;
import jp.renkei.engine.policy.Reach;

/**
 * A viewer's side of the reach keys stored beside what it may read (V297: report and advisory
 * versions; V353: objects of the advisories collection): the keys of every audience its {@link
 * Reach} admits. A stored row shares one of them only if the reach admits its audience; the rows'
 * keys, written by the database, hold every viewer the reach admits, so narrowing to them never
 * hides what the policy may allow. Every row they let through is still judged by the policy.
 */
public final class ReachKeys {

  private ReachKeys() {}

  /**
   * The keys of {@code reach}; without the GREEN community's keys when {@code community} is false
   * (the policy refuses the community's GREEN to the viewer now: a mode-gated organisation in
   * normal mode), so rows only that GREEN would admit are not read at all.
   */
  public static String[] of(Reach reach, boolean community) {
    List<String> keys = new ArrayList<>();
    keys.add("clear");
    Long org = reach.organisationId();
    if (org != null) {
      keys.add("o:" + org);
    }
    if (org != null && community) {
      keys.add("g:*:*");
      if (reach.sector() != null) {
        keys.add("g:" + reach.sector() + ":*");
      }
      if (reach.organisationType() != null) {
        keys.add("g:*:" + reach.organisationType());
      }
      if (reach.sector() != null && reach.organisationType() != null) {
        keys.add("g:" + reach.sector() + ":" + reach.organisationType());
      }
    }
    if (reach.personId() != null) {
      keys.add("p:" + reach.personId());
    }
    reach.consultedOrganisations().stream().sorted().forEach(c -> keys.add("r:" + c));
    return keys.toArray(String[]::new);
  }
}
