package jp.renkei.server.support;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Random choices of the differential tests that make many objects of varied audiences and compare
 * what a way out shows with what the sharing policy admits (SearchReachAgreementIT,
 * ListReachAgreementIT): one copy, so both draw their audiences the same way from a seed.
 */
public final class RandomPicks {

  private RandomPicks() {}

  public static <T> T pick(Random r, List<T> from) {
    return from.get(r.nextInt(from.size()));
  }

  /** Half the time none (a scope of nothing: every sector or type), else each with odds 1 in 3. */
  public static String[] someOf(Random r, String[] from) {
    if (r.nextBoolean()) {
      return new String[0];
    }
    List<String> out = new ArrayList<>();
    for (String s : from) {
      if (r.nextInt(3) == 0) {
        out.add(s);
      }
    }
    return out.toArray(String[]::new);
  }
}
