package jp.renkei.engine.mail;

import java.io.ByteArrayInputStream;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import jp.renkei.engine.policy.Tlp;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * What a C4TAP share's STIX carries on real lures, tuning halves only (share38): per share, its
 * observables ({@code url}, {@code domain-name}, {@code email-addr}, addresses, files) and
 * indicators, and how many of the {@code url}/{@code domain-name} objects and indicators name a
 * known brand's own domain or a platform's/tracker's ({@link MailSharedHosts}). Uses only {@link
 * MailRedaction#apply} and {@link MailStix#bundle} besides the classification, so the same file
 * (with MailSharedHosts) runs on the baseline. Asserts nothing.
 *
 * <pre>
 * ./mvnw -q -o -pl renkei-engine test -Dtest=MailShareObservablesCost -Dmail.corpora=/work/corpus37-corpora \
 *   -Dsurefire.failIfNoSpecifiedTests=false -Dspotless.skip=true -Djacoco.skip=true
 * </pre>
 */
class MailShareObservablesCost {

  static final List<String> OBSERVABLES =
      List.of("url", "domain-name", "email-addr", "ipv4-addr", "ipv6-addr", "file");

  @Test
  void cost() throws Exception {
    String root = System.getProperty("mail.corpora");
    Assumptions.assumeTrue(root != null, "-Dmail.corpora=<dir from bench/mail-corpora.sh>");
    Path dir = Path.of(root);
    Map<String, List<MailCorporaBench.Eml>> sets = new java.util.LinkedHashMap<>();
    sets.put("phish-pot", MailCorporaBench.messages(dir.resolve("phish-pot")));
    sets.put("nazario", MailCorporaBench.mbox(dir.resolve("nazario/phishing0.mbox")));
    sets.put("phish-ja2", MailCorporaBench.messages(dir.resolve("phish-ja2")));
    MailAnalyzer analyzer = new MailAnalyzer();
    for (Map.Entry<String, List<MailCorporaBench.Eml>> set : sets.entrySet()) {
      int shares = 0;
      int observables = 0;
      int indicators = 0;
      int urlsAndDomains = 0;
      int brandObjects = 0;
      int platformObjects = 0;
      int brandIndicators = 0;
      int platformIndicators = 0;
      Map<String, Integer> byType = new java.util.TreeMap<>();
      Map<String, Integer> brandHosts = new java.util.HashMap<>();
      Map<String, Integer> platformHosts = new java.util.HashMap<>();
      Map<String, Integer> indicatorHosts = new java.util.HashMap<>();
      int pages = 0;
      int redirectorUrls = 0;
      for (MailCorporaBench.Eml e : set.getValue()) {
        if (MailCorporaBench.half(e) != 0) {
          continue;
        }
        MailReport r = analyzer.analyze(new ByteArrayInputStream(e.bytes()));
        MailReport s = MailRedaction.apply(r, MailShareLocalPartsCost.ORG).shared();
        JsonNode b = MailStix.bundle(s, Tlp.AMBER, Instant.EPOCH, false);
        shares++;
        for (JsonNode o : b.path("objects")) {
          String type = o.path("type").asString("");
          if (OBSERVABLES.contains(type)) {
            observables++;
            byType.merge(type, 1, Integer::sum);
          }
          String host = null;
          boolean indicator = false;
          boolean page = false;
          boolean account = false;
          if (type.equals("url") || type.equals("domain-name")) {
            urlsAndDomains++;
            String v = o.path("value").asString("");
            host = type.equals("url") ? MailLinks.host(v) : v;
            page = type.equals("url") && MailStix.servicePage(v) != null;
          } else if (type.equals("indicator")) {
            indicators++;
            indicator = true;
            String p = o.path("pattern").asString("");
            if (p.startsWith("[domain-name:value = '")) {
              host = p.substring(22, p.length() - 2);
            } else if (p.startsWith("[url:value = '")) {
              host = MailLinks.host(p.substring(14, p.length() - 2));
              page = true;
            } else if (p.startsWith("[email-addr:value = '")) {
              host = p.substring(p.lastIndexOf('@') + 1, p.length() - 2);
              account = MailHosts.FREEMAIL.contains(MailDomains.registrable(host));
            }
          }
          if (host == null || page || account) {
            // a lure's own page on a service, an attacker's free-mail account: the lure's own
            pages += page ? 1 : 0;
            continue;
          }
          host = host.toLowerCase(Locale.ROOT);
          boolean brand = MailStix.wellKnown(host);
          boolean redirector = !brand && MailSharedHosts.redirector(host);
          boolean platform = !brand && !redirector && MailSharedHosts.known(host, s) != null;
          String reg = MailDomains.registrable(host);
          if (indicator) {
            brandIndicators += brand ? 1 : 0;
            platformIndicators += platform || redirector ? 1 : 0;
            if (brand || platform || redirector) {
              indicatorHosts.merge(reg, 1, Integer::sum);
            }
          } else {
            brandObjects += brand ? 1 : 0;
            platformObjects += platform ? 1 : 0;
            redirectorUrls += redirector ? 1 : 0;
            if (redirector) {
              platformHosts.merge(reg, 1, Integer::sum);
            }
            if (brand) {
              brandHosts.merge(reg, 1, Integer::sum);
            }
            if (platform) {
              platformHosts.merge(reg, 1, Integer::sum);
            }
          }
        }
      }
      System.out.printf(
          Locale.ROOT,
          "SHAREOBS %s: tune %d shares; observables %d (%.2f per share) %s; indicators %d (%.2f"
              + " per share); url+domain-name %d: on a brand's domain %d, on a platform or the"
              + " delivering list %d, opaque tracker/shortener links %d, lure pages on services"
              + " (url objects and indicators) %d; indicators on a brand %d, on a platform or"
              + " tracker %d%n",
          set.getKey(),
          shares,
          observables,
          observables / (double) Math.max(1, shares),
          byType,
          indicators,
          indicators / (double) Math.max(1, shares),
          urlsAndDomains,
          brandObjects,
          platformObjects,
          redirectorUrls,
          pages,
          brandIndicators,
          platformIndicators);
      print("brand", brandHosts);
      print("platform", platformHosts);
      print("indicator", indicatorHosts);
    }
  }

  private static void print(String what, Map<String, Integer> hosts) {
    hosts.entrySet().stream()
        .sorted(Map.Entry.<String, Integer>comparingByValue().reversed())
        .limit(10)
        .forEach(x -> System.out.println("  " + what + " " + x.getKey() + " " + x.getValue()));
  }
}
