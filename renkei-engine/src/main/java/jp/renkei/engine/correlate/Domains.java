package jp.renkei.engine.correlate;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Parent domains for correlation: {@code a.b.evil.example.co.jp} correlates with {@code
 * b.evil.example.co.jp} and {@code evil.example.co.jp}... but never through a public suffix ({@code
 * co.jp}, {@code jp}), which would join unrelated organisations. The suffixes are the top-level
 * labels and a fixed list of common second-level registries (Japanese ones first).
 */
public final class Domains {

  static final Set<String> SECOND_LEVEL_SUFFIXES =
      Set.of(
          "co.jp", "ne.jp", "or.jp", "go.jp", "ac.jp", "ad.jp", "ed.jp", "gr.jp", "lg.jp", "co.uk",
          "org.uk", "ac.uk", "gov.uk", "com.au", "net.au", "org.au", "com.cn", "net.cn", "com.tw",
          "co.kr", "or.kr", "com.br", "com.hk", "com.sg", "co.in", "co.nz", "com.ru");

  private Domains() {}

  /**
   * Whether a normalised domain is a public suffix ({@code jp}, {@code go.jp}): registries under
   * which unrelated organisations hold their domains. A warning-list entry for one would silence
   * every domain below it.
   */
  public static boolean isPublicSuffix(String domain) {
    return !domain.contains(".") || SECOND_LEVEL_SUFFIXES.contains(domain);
  }

  /** The parents of a normalised domain, nearest first, down to the registrable domain. */
  public static List<String> parents(String domain) {
    List<String> out = new ArrayList<>();
    int dot = domain.indexOf('.');
    while (dot > 0) {
      String parent = domain.substring(dot + 1);
      if (!parent.contains(".") || SECOND_LEVEL_SUFFIXES.contains(parent)) {
        break;
      }
      out.add(parent);
      dot = domain.indexOf('.', dot + 1);
    }
    return out;
  }

  /** The domain with its labels reversed ({@code www.evil.example} → {@code example.evil.www}). */
  public static String reversed(String domain) {
    String[] labels = domain.split("\\.");
    StringBuilder b = new StringBuilder(domain.length());
    for (int i = labels.length - 1; i >= 0; i--) {
      b.append(labels[i]);
      if (i > 0) {
        b.append('.');
      }
    }
    return b.toString();
  }
}
