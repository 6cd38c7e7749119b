package jp.renkei.engine.exposure;

import com.github.packageurl.MalformedPackageURLException;
import com.github.packageurl.PackageURL;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import us.springett.parsers.cpe.Cpe;
import us.springett.parsers.cpe.CpeParser;
import us.springett.parsers.cpe.exceptions.CpeParsingException;

/**
 * A service's product as a person reads it, from its CPE 2.3 name or package URL: vendor, product
 * and version in words ({@code cpe:2.3:a:apache:http_server:2.4.49:…} is "Apache HTTP Server
 * 2.4.49", {@code pkg:maven/org.apache.logging.log4j/log4j-core@2.14.1} is "log4j-core 2.14.1
 * (maven: org.apache.logging.log4j)"). The identifier itself stays for the detail line. Pure and
 * thread-safe; a name that does not parse is returned as given.
 */
public final class ProductWords {

  /** Short words of product names that read as capitals. */
  private static final Set<String> CAPITALS =
      Set.of(
          "http", "https", "os", "ssl", "tls", "vpn", "api", "sql", "dns", "ftp", "ssh", "ios",
          "nx", "xe", "hp", "ibm", "sap", "php", "jdk", "jre", "cms", "rdp", "smb", "ntp", "ldap",
          "snmp", "iis", "asa", "ftd", "pan", "rce");

  private ProductWords() {}

  /**
   * The product in words.
   *
   * @param cpe23 the CPE 2.3 name, or null
   * @param purl the package URL, or null
   * @param version the inventory's own version (wins over the identifier's), or null
   * @return the words, or null when neither identifier is given
   */
  public static String of(String cpe23, String purl, String version) {
    String v = version == null || version.isBlank() ? null : version.strip();
    if (cpe23 != null && !cpe23.isBlank()) {
      try {
        Cpe c = CpeParser.parse(cpe23.strip());
        String vendor = words(c.getVendor());
        String product = words(c.getProduct());
        if (v == null && ProductId.specific(c.getVersion())) {
          v = unescape(c.getVersion());
        }
        List<String> out = new ArrayList<>();
        // "Postfix Postfix" reads as one name
        if (vendor != null && (product == null || !product.startsWith(vendor))) {
          out.add(vendor);
        }
        if (product != null) {
          out.add(product);
        }
        if (v != null) {
          out.add(v);
        }
        return out.isEmpty() ? cpe23.strip() : String.join(" ", out);
      } catch (CpeParsingException | RuntimeException e) {
        return cpe23.strip();
      }
    }
    if (purl != null && !purl.isBlank()) {
      try {
        PackageURL p = new PackageURL(purl.strip());
        String pv = v != null ? v : p.getVersion();
        return p.getName()
            + (pv == null ? "" : " " + pv)
            + " ("
            + p.getType()
            + (p.getNamespace() == null ? "" : ": " + p.getNamespace())
            + ")";
      } catch (MalformedPackageURLException | RuntimeException e) {
        return purl.strip();
      }
    }
    return null;
  }

  /** A CPE vendor or product value in words: underscores as spaces, each word capitalised. */
  static String words(String value) {
    if (!ProductId.specific(value)) {
      return null;
    }
    List<String> out = new ArrayList<>();
    for (String w : unescape(value).split("[_\\s]+")) {
      if (w.isEmpty()) {
        continue;
      }
      String lower = w.toLowerCase(Locale.ROOT);
      if (CAPITALS.contains(lower)) {
        out.add(lower.toUpperCase(Locale.ROOT));
      } else if (w.equals(lower)) {
        out.add(Character.toUpperCase(w.charAt(0)) + w.substring(1));
      } else {
        out.add(w);
      }
    }
    return out.isEmpty() ? null : String.join(" ", out);
  }

  private static String unescape(String s) {
    return s.replaceAll("\\\\(.)", "$1");
  }
}
