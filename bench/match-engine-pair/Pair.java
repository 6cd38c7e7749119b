package x;

import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/** bench/match-engine-pair: two engine jars (A, B) in one JVM, alternating passes; see run.sh. */
public class Pair {
  public static void main(String[] a) throws Exception {
    String side = a[0]; // dir with Side.class
    String[] jars = {a[1], a[2]};
    String[] lists = {a[3], a[4]};
    int rounds = Integer.parseInt(a[5]);
    Object[] sides = new Object[2];
    Method[] pass = new Method[2];
    for (int k = 0; k < 2; k++) {
      URLClassLoader l =
          new URLClassLoader(
              new URL[] {Path.of(side).toUri().toURL(), Path.of(jars[k]).toUri().toURL()},
              ClassLoader.getPlatformClassLoader());
      Class<?> c = l.loadClass("jp.renkei.engine.match.Side");
      sides[k] =
          c.getConstructor(String.class, String.class)
              .newInstance(lists[k], lists[k] + ".pair-index");
      pass[k] = c.getMethod("pass", byte[].class, String.class);
    }
    for (int li = 6; li < a.length; li++) {
      String log = a[li];
      byte[] bytes = Files.readAllBytes(Path.of(log));
      String name = Path.of(log).getFileName().toString();
      List<Double> ratios = new ArrayList<>();
      double[][] cpu = new double[2][rounds];
      for (int r = 0; r < rounds; r++) {
        int[] order = r % 2 == 0 ? new int[] {0, 1} : new int[] {1, 0};
        double[] got = new double[2];
        for (int k : order) {
          double[] res = (double[]) pass[k].invoke(sides[k], bytes, name);
          got[k] = res[0];
          cpu[k][r] = res[0];
          System.out.printf(
              "%s r%d %s: %.0f lines %.0f hits %.3f s CPU %.2f M/s%n",
              name, r, k == 0 ? "A" : "B", res[1], res[2], res[0], res[1] / res[0] / 1e6);
        }
        if (r > 0) ratios.add(got[0] / got[1]);
      }
      Collections.sort(ratios);
      double[] ma = Arrays.copyOfRange(cpu[0], 1, rounds);
      Arrays.sort(ma);
      double[] mb = Arrays.copyOfRange(cpu[1], 1, rounds);
      Arrays.sort(mb);
      System.out.printf(
          "%s: A median %.3f s, B median %.3f s (rounds 2..%d); A/B per pair median %.3f"
              + " (%.3f-%.3f)%n",
          name,
          ma[ma.length / 2],
          mb[mb.length / 2],
          rounds,
          ratios.get(ratios.size() / 2),
          ratios.get(0),
          ratios.get(ratios.size() - 1));
    }
  }
}
