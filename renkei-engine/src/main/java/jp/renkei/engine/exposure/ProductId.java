package jp.renkei.engine.exposure;

import com.github.packageurl.MalformedPackageURLException;
import com.github.packageurl.PackageURL;
import java.text.Normalizer;
import java.util.Locale;
import java.util.Map;
import us.springett.parsers.cpe.Cpe;
import us.springett.parsers.cpe.CpeParser;
import us.springett.parsers.cpe.exceptions.CpeParsingException;
import us.springett.parsers.cpe.values.Part;

/**
 * What a service runs, as the matcher compares it: a CPE 2.3 name and/or a package URL, reduced to
 * a normalised vendor and product and a version.
 *
 * @param cpe the parsed CPE, or null
 * @param purl the parsed package URL, or null
 * @param vendor normalised vendor ({@link #norm}), or null
 * @param product normalised product
 * @param version the version (explicit, else from the CPE or purl), or null
 */
public record ProductId(Cpe cpe, PackageURL purl, String vendor, String product, String version) {

  /** purl types and the CVE 5 {@code collectionURL}s of the same package collection. */
  private static final Map<String, String> COLLECTIONS =
      Map.ofEntries(
          Map.entry("repo.maven.apache.org/maven2", "maven"),
          Map.entry("repo1.maven.org/maven2", "maven"),
          Map.entry("registry.npmjs.org", "npm"),
          Map.entry("www.npmjs.com", "npm"),
          Map.entry("pypi.org", "pypi"),
          Map.entry("pypi.python.org", "pypi"),
          Map.entry("rubygems.org", "gem"),
          Map.entry("www.nuget.org", "nuget"),
          Map.entry("crates.io", "cargo"),
          Map.entry("pkg.go.dev", "golang"),
          Map.entry("proxy.golang.org", "golang"),
          Map.entry("packagist.org", "composer"));

  /**
   * Parses what an inventory row gives. Either may be null, not both.
   *
   * @throws IllegalArgumentException with the field and reason when a CPE or purl is malformed
   */
  public static ProductId of(String cpe23, String purl, String version) {
    Cpe c = null;
    PackageURL p = null;
    if (cpe23 != null && !cpe23.isBlank()) {
      if (!cpe23.startsWith("cpe:2.3:")) {
        throw new IllegalArgumentException("cpe: not a CPE 2.3 formatted string: " + cpe23);
      }
      try {
        c = CpeParser.parse(cpe23.strip());
      } catch (CpeParsingException | RuntimeException e) {
        throw new IllegalArgumentException("cpe: " + e.getMessage(), e);
      }
    }
    if (purl != null && !purl.isBlank()) {
      try {
        p = new PackageURL(purl.strip());
      } catch (MalformedPackageURLException | RuntimeException e) {
        throw new IllegalArgumentException("purl: " + e.getMessage(), e);
      }
    }
    if (c == null && p == null) {
      throw new IllegalArgumentException("cpe/purl: a service needs a CPE 2.3 name or a purl");
    }
    String v = version == null || version.isBlank() ? null : version.strip();
    if (v == null && c != null && specific(c.getVersion())) {
      v = c.getVersion();
    }
    if (v == null && p != null) {
      v = p.getVersion();
    }
    String vendor;
    String product;
    if (c != null) {
      vendor = norm(c.getVendor());
      product = norm(c.getProduct());
    } else {
      vendor = p.getNamespace() == null ? null : norm(p.getNamespace());
      product = norm(p.getName());
    }
    return new ProductId(c, p, vendor, product, v);
  }

  static boolean specific(String cpeValue) {
    return cpeValue != null && !cpeValue.equals("*") && !cpeValue.equals("-");
  }

  /**
   * A name as the matcher compares names: NFKC, lower case, runs of anything but letters and digits
   * as one {@code _} ({@code "HTTP Server"} and CPE {@code http_server} meet).
   */
  public static String norm(String s) {
    if (s == null) {
      return null;
    }
    String n = Normalizer.normalize(s, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
    StringBuilder b = new StringBuilder(n.length());
    boolean sep = false;
    for (int i = 0; i < n.length(); i++) {
      char ch = n.charAt(i);
      if (Character.isLetterOrDigit(ch)) {
        if (sep && b.length() > 0) {
          b.append('_');
        }
        b.append(ch);
        sep = false;
      } else {
        sep = true;
      }
    }
    return b.toString();
  }

  /** The purl type of a CVE 5 collection URL, or null when unknown. */
  static String purlType(String collectionUrl) {
    if (collectionUrl == null) {
      return null;
    }
    String u = collectionUrl.strip().toLowerCase(Locale.ROOT).replaceFirst("^https?://", "");
    while (u.endsWith("/")) {
      u = u.substring(0, u.length() - 1);
    }
    return COLLECTIONS.get(u);
  }

  /** The package name as a CVE 5 {@code packageName} writes it for this purl's type. */
  String packageName() {
    if (purl == null) {
      return null;
    }
    String ns = purl.getNamespace();
    return switch (purl.getType()) {
      case "maven" -> ns == null ? purl.getName() : ns + ":" + purl.getName();
      case "npm", "golang", "composer" -> ns == null ? purl.getName() : ns + "/" + purl.getName();
      default -> purl.getName();
    };
  }

  /** Whether this is an application ({@code a}) or any part when no CPE is known. */
  boolean isPart(Part part) {
    return cpe == null || cpe.getPart() == part || cpe.getPart() == Part.ANY;
  }
}
