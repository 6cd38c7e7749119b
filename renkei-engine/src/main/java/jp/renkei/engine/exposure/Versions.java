package jp.renkei.engine.exposure;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Compares versions under the scheme a vulnerability record names ({@code versionType} of CVE JSON
 * 5: {@code semver}, {@code custom}, {@code git}, {@code maven}, {@code python}, {@code rpm}, and
 * {@code deb}). What is decided and what is not:
 *
 * <ul>
 *   <li>{@code semver}: SemVer 2.0 precedence, pre-releases included ({@code 1.0.0-rc.1 < 1.0.0});
 *       a missing minor or patch counts as 0; build metadata is ignored. A version that is not
 *       SemVer is undecidable ({@code not-semver}).
 *   <li>dotted numbers ({@code 2.4.58}, {@code 10.0.17763.1}) under any other type: numerically,
 *       missing parts counting as 0.
 *   <li>{@code deb}, or two Debian-style versions ({@code 1:2.4.58-1ubuntu1}): the dpkg algorithm
 *       (epoch, upstream, revision, {@code ~} before anything).
 *   <li>vendor schemes ({@code 15.1R2-S1}, {@code 9.0.4a}): token by token when both versions have
 *       the same shape (numbers compared as numbers, letters equal); different letters ({@code
 *       15.1R2} vs {@code 15.1X49}: another release train) or one version extending the other with
 *       letters ({@code 15.1R2} vs {@code 15.1R2-S1}: a later service release for one vendor, an
 *       earlier pre-release for another) are undecidable.
 *   <li>{@code git} commits, and {@code rpm}/{@code python}/{@code maven} versions that are not
 *       dotted numbers, are undecidable here.
 * </ul>
 *
 * Stateless and thread-safe.
 */
public final class Versions {

  private static final Pattern SEMVER =
      Pattern.compile(
          "v?(\\d+)(?:\\.(\\d+))?(?:\\.(\\d+))?(?:-([0-9A-Za-z.-]+))?(?:\\+[0-9A-Za-z.-]+)?");
  private static final Pattern DOTTED = Pattern.compile("\\d++(?:\\.\\d++)*+");
  private static final Pattern DEBIAN =
      Pattern.compile("(?:\\d+:)?\\d[A-Za-z0-9.+~]*(?:-[A-Za-z0-9.+~]+)?");

  /** Marks of a distribution's own package revision, whose fixes may be backported. */
  private static final Pattern DISTRO_REVISION =
      Pattern.compile(
          "(\\d[0-9A-Za-z.+~:]*?)-([0-9A-Za-z.+~]*(?:ubuntu|deb|build|el\\d|\\.fc\\d|amzn|ppa)"
              + "[0-9A-Za-z.+~]*)");

  private Versions() {}

  /** Compares {@code a} with {@code b} under the scheme {@code versionType} (null: custom). */
  public static VersionOrder compare(String a, String b, String versionType) {
    if (a == null || b == null || a.isBlank() || b.isBlank()) {
      return VersionOrder.undecidable("empty-version");
    }
    a = a.strip();
    b = b.strip();
    if (a.equals(b)) {
      return VersionOrder.of(0);
    }
    String type = versionType == null ? "custom" : versionType.toLowerCase(Locale.ROOT);
    return switch (type) {
      case "semver" -> semver(a, b);
      case "git" -> VersionOrder.undecidable("git-commit", a, b);
      case "deb", "dpkg" -> debian(a, b);
      default -> other(a, b, type);
    };
  }

  private static VersionOrder other(String a, String b, String type) {
    if (DOTTED.matcher(a).matches() && DOTTED.matcher(b).matches()) {
      return VersionOrder.of(dotted(a, b));
    }
    if (type.equals("rpm") || type.equals("python") || type.equals("maven")) {
      return VersionOrder.undecidable("unsupported-scheme", type, a, b);
    }
    if (DEBIAN.matcher(a).matches()
        && DEBIAN.matcher(b).matches()
        && (a.contains(":") || a.contains("~") || b.contains(":") || b.contains("~"))) {
      return debian(a, b);
    }
    return tokens(a, b);
  }

  /**
   * The upstream part of a distribution package version ({@code 2.4.58} of {@code
   * 2.4.58-1ubuntu1}), or null when the version carries no distribution revision.
   */
  public static String distributionUpstream(String version) {
    if (version == null) {
      return null;
    }
    Matcher m = DISTRO_REVISION.matcher(version.strip());
    if (!m.matches()) {
      return null;
    }
    String upstream = m.group(1);
    int colon = upstream.indexOf(':');
    return colon >= 0 ? upstream.substring(colon + 1) : upstream;
  }

  // --- SemVer 2.0 ---

  private static VersionOrder semver(String a, String b) {
    Matcher ma = SEMVER.matcher(a);
    Matcher mb = SEMVER.matcher(b);
    if (!ma.matches()) {
      return VersionOrder.undecidable("not-semver", a);
    }
    if (!mb.matches()) {
      return VersionOrder.undecidable("not-semver", b);
    }
    for (int g = 1; g <= 3; g++) {
      int c = numeric(orZero(ma.group(g)), orZero(mb.group(g)));
      if (c != 0) {
        return VersionOrder.of(c);
      }
    }
    String pa = ma.group(4);
    String pb = mb.group(4);
    if (pa == null || pb == null) {
      return VersionOrder.of(pa == null ? (pb == null ? 0 : 1) : -1);
    }
    String[] ia = pa.split("\\.", -1);
    String[] ib = pb.split("\\.", -1);
    for (int i = 0; i < Math.min(ia.length, ib.length); i++) {
      boolean na = isDigits(ia[i]);
      boolean nb = isDigits(ib[i]);
      int c;
      if (na && nb) {
        c = numeric(ia[i], ib[i]);
      } else if (na != nb) {
        c = na ? -1 : 1;
      } else {
        c = ia[i].compareTo(ib[i]);
      }
      if (c != 0) {
        return VersionOrder.of(c);
      }
    }
    return VersionOrder.of(Integer.compare(ia.length, ib.length));
  }

  private static String orZero(String s) {
    return s == null ? "0" : s;
  }

  // --- dotted numbers ---

  private static int dotted(String a, String b) {
    String[] pa = a.split("\\.");
    String[] pb = b.split("\\.");
    for (int i = 0; i < Math.max(pa.length, pb.length); i++) {
      int c = numeric(i < pa.length ? pa[i] : "0", i < pb.length ? pb[i] : "0");
      if (c != 0) {
        return c;
      }
    }
    return 0;
  }

  /** Compares digit strings of any length as numbers. */
  static int numeric(String a, String b) {
    String x = stripZeros(a);
    String y = stripZeros(b);
    return x.length() != y.length() ? Integer.compare(x.length(), y.length()) : x.compareTo(y);
  }

  private static String stripZeros(String s) {
    int i = 0;
    while (i < s.length() - 1 && s.charAt(i) == '0') {
      i++;
    }
    return s.substring(i);
  }

  private static boolean isDigits(String s) {
    if (s.isEmpty()) {
      return false;
    }
    for (int i = 0; i < s.length(); i++) {
      if (s.charAt(i) < '0' || s.charAt(i) > '9') {
        return false;
      }
    }
    return true;
  }

  // --- vendor schemes, token by token ---

  private record Token(boolean number, String text) {}

  private static List<Token> tokenise(String v) {
    List<Token> out = new ArrayList<>();
    int i = 0;
    while (i < v.length()) {
      char c = v.charAt(i);
      int j = i;
      if (Character.isDigit(c)) {
        while (j < v.length() && Character.isDigit(v.charAt(j))) {
          j++;
        }
        out.add(new Token(true, v.substring(i, j)));
      } else if (Character.isLetter(c)) {
        while (j < v.length() && Character.isLetter(v.charAt(j))) {
          j++;
        }
        out.add(new Token(false, v.substring(i, j).toLowerCase(Locale.ROOT)));
      } else {
        j++;
        out.add(new Token(false, String.valueOf(c)));
      }
      i = j;
    }
    return out;
  }

  private static VersionOrder tokens(String a, String b) {
    List<Token> ta = tokenise(a);
    List<Token> tb = tokenise(b);
    int n = Math.min(ta.size(), tb.size());
    for (int i = 0; i < n; i++) {
      Token x = ta.get(i);
      Token y = tb.get(i);
      if (x.number() && y.number()) {
        int c = numeric(x.text(), y.text());
        if (c != 0) {
          return VersionOrder.of(c);
        }
      } else if (x.number() != y.number() || !x.text().equals(y.text())) {
        return VersionOrder.undecidable("different-shape", a, b);
      }
    }
    List<Token> rest = ta.size() > n ? ta.subList(n, ta.size()) : tb.subList(n, tb.size());
    for (Token t : rest) {
      if (!t.number() && !t.text().equals(".")) {
        return VersionOrder.undecidable("suffix", a, b);
      }
      if (t.number() && numeric(t.text(), "0") != 0) {
        return VersionOrder.of(ta.size() > n ? 1 : -1);
      }
    }
    return VersionOrder.of(0);
  }

  // --- Debian (dpkg) ---

  private static VersionOrder debian(String a, String b) {
    if (!DEBIAN.matcher(a).matches()) {
      return VersionOrder.undecidable("not-debian", a);
    }
    if (!DEBIAN.matcher(b).matches()) {
      return VersionOrder.undecidable("not-debian", b);
    }
    String[] da = debianParts(a);
    String[] db = debianParts(b);
    int c = numeric(da[0], db[0]);
    if (c == 0) {
      c = verrevcmp(da[1], db[1]);
    }
    if (c == 0) {
      c = verrevcmp(da[2], db[2]);
    }
    return VersionOrder.of(c);
  }

  private static String[] debianParts(String v) {
    int colon = v.indexOf(':');
    String epoch = colon >= 0 ? v.substring(0, colon) : "0";
    String rest = colon >= 0 ? v.substring(colon + 1) : v;
    int dash = rest.lastIndexOf('-');
    return dash >= 0
        ? new String[] {epoch, rest.substring(0, dash), rest.substring(dash + 1)}
        : new String[] {epoch, rest, ""};
  }

  private static int order(char c) {
    if (Character.isDigit(c)) {
      return 0;
    }
    if (Character.isLetter(c)) {
      return c;
    }
    if (c == '~') {
      return -1;
    }
    return c + 256;
  }

  /** dpkg's comparison of one upstream or revision part. */
  private static int verrevcmp(String a, String b) {
    int i = 0;
    int j = 0;
    while (i < a.length() || j < b.length()) {
      int firstDiff = 0;
      while ((i < a.length() && !Character.isDigit(a.charAt(i)))
          || (j < b.length() && !Character.isDigit(b.charAt(j)))) {
        int ac = i < a.length() ? order(a.charAt(i)) : 0;
        int bc = j < b.length() ? order(b.charAt(j)) : 0;
        if (ac != bc) {
          return Integer.compare(ac, bc);
        }
        i++;
        j++;
      }
      int si = i;
      while (i < a.length() && Character.isDigit(a.charAt(i))) {
        i++;
      }
      int sj = j;
      while (j < b.length() && Character.isDigit(b.charAt(j))) {
        j++;
      }
      String na = si < i ? a.substring(si, i) : "0";
      String nb = sj < j ? b.substring(sj, j) : "0";
      firstDiff = numeric(na, nb);
      if (firstDiff != 0) {
        return firstDiff;
      }
    }
    return 0;
  }
}
