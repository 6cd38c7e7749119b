package jp.renkei.engine.mail;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import jp.renkei.engine.policy.Tlp;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * share38, on real lures: the tuning halves of phish-pot, Nazario and phish-ja2 (never a held-out
 * message), shared as a C4TAP share is. No {@code domain-name}, no {@code url} (but a lure's own
 * page on a service) and no indicator names a domain of a brand the mail claims ({@link
 * MailBrands}) or a known platform or tracker; every link of the lure to a host of its own is still
 * there, as {@code url} and {@code domain-name}, read through the wrappers that write their target.
 * Needs {@code -Dmail.corpora=DIR} (bench/mail-corpora.sh); skipped without.
 */
class MailShareObservablesTest {

  static Map<String, List<MailCorporaBench.Eml>> lures() throws Exception {
    String root = System.getProperty("mail.corpora");
    Assumptions.assumeTrue(
        root != null && Files.isDirectory(Path.of(root)), "-Dmail.corpora=<dir>");
    Path dir = Path.of(root);
    Map<String, List<MailCorporaBench.Eml>> sets = new java.util.LinkedHashMap<>();
    sets.put("phish-pot", MailCorporaBench.messages(dir.resolve("phish-pot")));
    sets.put("nazario", MailCorporaBench.mbox(dir.resolve("nazario/phishing0.mbox")));
    sets.put("phish-ja2", MailCorporaBench.messages(dir.resolve("phish-ja2")));
    return sets;
  }

  @Test
  void sharesOfRealLuresNameNoBrandsOrPlatformsDomainAndKeepTheLuresOwnLinks() throws Exception {
    MailAnalyzer analyzer = new MailAnalyzer();
    List<String> wrong = new ArrayList<>();
    int shares = 0;
    int ownLinks = 0;
    int wrapped = 0;
    for (Map.Entry<String, List<MailCorporaBench.Eml>> set : lures().entrySet()) {
      for (MailCorporaBench.Eml e : set.getValue()) {
        if (MailCorporaBench.half(e) != 0) {
          continue;
        }
        MailReport r = analyzer.analyze(new ByteArrayInputStream(e.bytes()));
        MailReport s = MailRedaction.apply(r, MailShareLocalPartsCost.ORG).shared();
        JsonNode b = MailStix.bundle(s, Tlp.AMBER, Instant.EPOCH, false);
        shares++;
        String where = set.getKey() + "/" + e.name() + ": ";
        Set<String> brands = new HashSet<>();
        Set<String> urlHosts = new HashSet<>();
        Set<String> domains = new HashSet<>();
        for (JsonNode o : b.path("objects")) {
          String type = o.path("type").asString("");
          if (type.equals("identity")) {
            brands.add(o.path("name").asString(""));
          }
        }
        for (JsonNode o : b.path("objects")) {
          String type = o.path("type").asString("");
          String value = o.path("value").asString("");
          if (type.equals("domain-name")) {
            domains.add(value);
            if (MailSharedHosts.known(value, s) != null
                || MailSharedHosts.redirector(value)
                || claimedBrandOwns(brands, value)) {
              wrong.add(where + "domain-name " + value);
            }
          } else if (type.equals("url")) {
            String host = lower(MailLinks.host(value));
            urlHosts.add(host);
            if (MailStix.servicePage(value) == null
                && (MailSharedHosts.known(host, s) != null
                    || MailStix.wellKnown(host)
                    || MailSharedHosts.redirector(host))) {
              wrong.add(where + "url " + value);
            }
            wrapped += o.has(MailStix.WRAPPED_IN) ? 1 : 0;
          } else if (type.equals("indicator")) {
            String p = o.path("pattern").asString("");
            if (p.startsWith("[domain-name:value = '")) {
              String host = p.substring(22, p.length() - 2);
              if (MailSharedHosts.known(host, s) != null
                  || MailSharedHosts.redirector(host)
                  || claimedBrandOwns(brands, host)) {
                wrong.add(where + "indicator " + p);
              }
            }
          }
        }
        // the lure's own links: each link (or the target its wrapper writes) to a host that is no
        // brand's, platform's or list's is there as a url and its host as a domain-name
        Set<String> shownOnly = MailStix.claimedHosts(s.links());
        for (MailReport.Link l : s.links()) {
          if ("text".equals(l.where()) && shownOnly.contains(lower(MailLinks.host(l.url())))) {
            continue;
          }
          String uri = jp.renkei.engine.stix.StixValues.uri(l.url());
          if (uri == null) {
            continue;
          }
          String target = MailLinkTargets.target(uri);
          String t = target == null ? uri : jp.renkei.engine.stix.StixValues.uri(target);
          String host =
              t == null ? null : jp.renkei.engine.stix.StixValues.hostName(MailLinks.host(t));
          if (host == null
              || host.matches("[\\d.]+")
              || MailSharedHosts.known(host, s) != null
              || MailStix.servicePage(t) != null) {
            continue;
          }
          ownLinks++;
          if (!urlHosts.contains(lower(MailLinks.host(t))) || !domains.contains(host)) {
            wrong.add(where + "lure's own link missing: " + t);
          }
        }
      }
    }
    System.out.printf(
        "share38: %d shares, %d links of the lures' own checked, %d targets read out of wrappers%n",
        shares, ownLinks, wrapped);
    assertThat(shares).isGreaterThan(3000);
    assertThat(wrapped).isGreaterThan(0);
    assertThat(wrong).isEmpty();
  }

  private static boolean claimedBrandOwns(Set<String> brands, String host) {
    return MailBrands.BRANDS.stream()
        .anyMatch(b -> brands.contains(b.name()) && MailBrands.ownedBy(b, host));
  }

  private static String lower(String s) {
    return s == null ? null : s.toLowerCase(Locale.ROOT);
  }
}
