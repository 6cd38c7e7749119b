package jp.renkei.engine.monitor;

import java.util.Arrays;

/**
 * A site's normal for one phase as seen from one vantage point, learnt from its own successful
 * probes from the first one on: an exponentially weighted moving average, and the median and the
 * median absolute deviation (MAD) of the last {@code window} samples, which one outlier cannot
 * move.
 *
 * <p>"Slow" is relative to this normal, never a fixed threshold: a sample is slow when it exceeds
 * the median by {@code enterK} scaled MADs (and by at least {@code minMillis} and the factor {@code
 * minRatio}, floors that keep a very stable site from being flagged for jitter); once slow, it
 * stays slow until a sample falls below {@code exitK} scaled MADs — a hysteresis band, so values
 * around one threshold do not flap. Samples judged slow are not learnt, so a long slowdown does not
 * become the new normal. Not thread-safe: one owner per site.
 */
public final class Baseline {

  /** How strict the judgement is; the defaults suit web response times in milliseconds. */
  public record Tuning(
      int window,
      int minSamples,
      double alpha,
      double enterK,
      double exitK,
      double minMillis,
      double minRatio) {

    public static final Tuning DEFAULT = new Tuning(120, 10, 0.1, 6.0, 3.0, 50.0, 1.5);

    public Tuning {
      if (window < 3 || minSamples < 3 || minSamples > window) {
        throw new IllegalArgumentException("window >= minSamples >= 3");
      }
      if (!(alpha > 0 && alpha <= 1)) {
        throw new IllegalArgumentException("alpha in (0, 1]");
      }
      if (!(exitK > 0 && exitK <= enterK)) {
        throw new IllegalArgumentException("0 < exitK <= enterK");
      }
    }
  }

  /** 1.4826 · MAD estimates the standard deviation of normally distributed samples. */
  static final double MAD_TO_SIGMA = 1.4826;

  private final Tuning tuning;
  private final double[] ring;
  private int size;
  private int next;
  private double ewma = Double.NaN;

  public Baseline(Tuning tuning) {
    this.tuning = tuning;
    this.ring = new double[tuning.window()];
  }

  public Baseline() {
    this(Tuning.DEFAULT);
  }

  /** Learns a normal sample (negative and non-finite values are ignored). */
  public void learn(double millis) {
    if (!Double.isFinite(millis) || millis < 0) {
      return;
    }
    ring[next] = millis;
    next = (next + 1) % ring.length;
    size = Math.min(size + 1, ring.length);
    ewma = Double.isNaN(ewma) ? millis : ewma + tuning.alpha() * (millis - ewma);
  }

  public int samples() {
    return size;
  }

  /** Whether there are enough samples to judge. */
  public boolean ready() {
    return size >= tuning.minSamples();
  }

  public double ewma() {
    return ewma;
  }

  public double median() {
    return size == 0 ? Double.NaN : median(Arrays.copyOf(sorted(), size));
  }

  /** The median absolute deviation from the median. */
  public double mad() {
    if (size == 0) {
      return Double.NaN;
    }
    double m = median();
    double[] d = new double[size];
    for (int i = 0; i < size; i++) {
      d[i] = Math.abs(ring[i] - m);
    }
    Arrays.sort(d);
    return median(d);
  }

  /** The value above which a sample is slow (NaN before {@link #ready()}). */
  public double upper() {
    return threshold(tuning.enterK());
  }

  /** The value below which a slow site is normal again. */
  public double lower() {
    return threshold(tuning.exitK());
  }

  private double threshold(double k) {
    if (!ready()) {
      return Double.NaN;
    }
    double m = median();
    double spread = k * MAD_TO_SIGMA * mad();
    // the floors narrow with k too, so the exit threshold stays below the entry threshold
    double share = k / tuning.enterK();
    return Math.max(
        m + spread,
        Math.max(m + tuning.minMillis() * share, m * (1 + (tuning.minRatio() - 1) * share)));
  }

  /**
   * Judges a sample against the normal, given whether the site was already slow; learns it when it
   * is normal (and always while there are too few samples to judge).
   *
   * @return whether the sample is slow
   */
  public boolean judge(double millis, boolean wasSlow) {
    if (!ready()) {
      learn(millis);
      return false;
    }
    boolean slow = millis > (wasSlow ? lower() : upper());
    if (!slow) {
      learn(millis);
    }
    return slow;
  }

  private double[] sorted() {
    double[] s = Arrays.copyOf(ring, size);
    Arrays.sort(s);
    return s;
  }

  private static double median(double[] sorted) {
    int n = sorted.length;
    return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
  }
}
