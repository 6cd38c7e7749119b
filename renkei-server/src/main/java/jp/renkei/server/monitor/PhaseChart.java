package jp.renkei.server.monitor;

import java.time.Instant;
import java.util.List;
import java.util.Locale;

/**
 * A server-side SVG chart of a site's phase timings over time, with its baseline band (median to
 * the slow threshold) behind the total. Only numbers go into the SVG, never stored text.
 */
final class PhaseChart {

  /** One point in time: the phases' milliseconds (null where not measured; total null = failed). */
  record Point(
      Instant at, Float dns, Float connect, Float tls, Float ttfb, Float transfer, Float total) {}

  /** The band behind the total, in milliseconds; NaN for none. */
  record Band(double low, double high) {
    static final Band NONE = new Band(Double.NaN, Double.NaN);
  }

  static final String[] COLOURS = {
    "#8e44ad", "#2980b9", "#16a085", "#e67e22", "#7f8c8d", "#c0392b"
  };
  private static final int W = 760, H = 220, L = 50, B = 20;

  private PhaseChart() {}

  static String svg(List<Point> points, Band band) {
    StringBuilder sb = new StringBuilder(8192);
    sb.append("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"monitor-chart\" viewBox=\"0 0 ")
        .append(W)
        .append(' ')
        .append(H)
        .append("\" role=\"img\">");
    if (points.isEmpty()) {
      return sb.append("</svg>").toString();
    }
    long t0 = points.get(0).at().toEpochMilli();
    long t1 = Math.max(t0 + 1, points.get(points.size() - 1).at().toEpochMilli());
    double max = 1;
    for (Point p : points) {
      if (p.total() != null) {
        max = Math.max(max, p.total());
      }
    }
    if (!Double.isNaN(band.high())) {
      max = Math.max(max, band.high());
    }
    max *= 1.1;
    if (!Double.isNaN(band.low())) {
      double yHigh = y(band.high(), max);
      double yLow = y(band.low(), max);
      sb.append(
          String.format(
              Locale.ROOT,
              "<rect class=\"band\" x=\"%d\" y=\"%.1f\" width=\"%d\" height=\"%.1f\" fill=\"#f1c40f\" fill-opacity=\"0.25\"/>",
              L,
              yHigh,
              W - L,
              Math.max(1, yLow - yHigh)));
    }
    sb.append(
        String.format(
            Locale.ROOT,
            "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"#999\"/>",
            L,
            H - B,
            W,
            H - B));
    sb.append(
        String.format(
            Locale.ROOT,
            "<text x=\"2\" y=\"12\" font-size=\"10\">%.0f ms</text><text x=\"2\" y=\"%d\" font-size=\"10\">0</text>",
            max,
            H - B));
    for (int phase = 0; phase < 6; phase++) {
      StringBuilder path = new StringBuilder();
      for (Point p : points) {
        Float v = value(p, phase);
        double x = L + (double) (p.at().toEpochMilli() - t0) / (t1 - t0) * (W - L);
        if (v == null) {
          continue;
        }
        path.append(path.length() == 0 ? 'M' : 'L');
        tenths(path, x).append(',');
        tenths(path, y(v, max));
      }
      if (path.length() > 0) {
        sb.append("<path class=\"phase-")
            .append(phase)
            .append("\" d=\"")
            .append(path)
            .append("\" fill=\"none\" stroke=\"")
            .append(COLOURS[phase])
            .append("\" stroke-width=\"")
            .append(phase == 5 ? "2" : "1")
            .append("\"/>");
      }
    }
    for (Point p : points) {
      if (p.total() == null) {
        double x = L + (double) (p.at().toEpochMilli() - t0) / (t1 - t0) * (W - L);
        sb.append("<line class=\"failure\" x1=\"");
        tenths(sb, x).append("\" y1=\"0\" x2=\"");
        tenths(sb, x)
            .append("\" y2=\"")
            .append(H - B)
            .append("\" stroke=\"#c0392b\" stroke-opacity=\"0.5\"/>");
      }
    }
    return sb.append("</svg>").toString();
  }

  /**
   * Appends {@code v} rounded to one decimal (a 30-day chart has about 9,000 coordinates, written
   * here without a String.format each).
   */
  static StringBuilder tenths(StringBuilder sb, double v) {
    long t = Math.round(Math.abs(v) * 10);
    if (v < 0 && t != 0) {
      sb.append('-');
    }
    return sb.append(t / 10).append('.').append((char) ('0' + t % 10));
  }

  private static double y(double v, double max) {
    return (H - B) - v / max * (H - B - 5);
  }

  private static Float value(Point p, int phase) {
    return switch (phase) {
      case 0 -> p.dns();
      case 1 -> p.connect();
      case 2 -> p.tls();
      case 3 -> p.ttfb();
      case 4 -> p.transfer();
      default -> p.total();
    };
  }
}
