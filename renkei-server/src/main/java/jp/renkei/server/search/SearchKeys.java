package jp.renkei.server.search;

import java.util.ArrayList;
import java.util.List;
import jp.renkei.engine.policy.Reach;

/**
 * A viewer's side of the reach keys the searched versions carry (V297): the keys of every audience
 * its {@link Reach} admits, and the prefixes of the organisation-id space its organisation lies in.
 * A version is a candidate only if it shares a key with {@link #keys} and one with {@link #allow};
 * its own keys, written by the database, hold every viewer the reach condition admits, so this
 * never hides what the reach admits and never admits more than the keys state.
 */
record SearchKeys(String[] keys, String[] allow) {

  static SearchKeys of(Reach reach) {
    return of(reach, true);
  }

  /**
   * As {@link #of(Reach)}; without the GREEN community's keys when {@code community} is false: the
   * policy refuses the community's GREEN to the viewer now (a mode-gated organisation in normal
   * mode), so those versions, which its reach admits in some mode, are not candidates at all. Read
   * and refused, enough of them filled the search's walk and pushed the viewer's own hits out.
   */
  static SearchKeys of(Reach reach, boolean community) {
    Long org = reach.organisationId();
    return new SearchKeys(
        jp.renkei.server.sharing.ReachKeys.of(reach, community),
        org == null ? new String[] {"*", "public"} : allow(org));
  }

  /**
   * The allow keys of an organisation (V297): '*' (objects excluding nobody), '=id' (objects it
   * originated), its id's bit length n (objects excluding no n-bit id), and 'n:p' for each prefix p
   * of its id longer than one bit (objects whose exclusions leave that prefix's ids in).
   */
  static String[] allow(long organisation) {
    int bits = 64 - Long.numberOfLeadingZeros(organisation);
    List<String> out = new ArrayList<>();
    out.add("*");
    out.add("=" + organisation);
    out.add(Integer.toString(bits));
    for (int length = 2; length <= bits; length++) {
      out.add(bits + ":" + (organisation >> (bits - length)));
    }
    return out.toArray(String[]::new);
  }
}
