package jp.renkei.engine.mail;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Which link hosts of an analysed mail a shared STIX bundle leaves out of its observables
 * (share38): the known brands' own domains ({@link MailBrands#BRANDS}: the brand a lure claims, its
 * logo host, its real pages the lure copies), the platforms and trackers everyone's mail links to,
 * and the list that delivered the message. A partner that blocks what we share would otherwise
 * block PayPal. The lure's own hosts stay observables, and its pages on such a service stay as
 * {@code url} objects ({@link MailStix#servicePage}).
 */
final class MailSharedHosts {

  private MailSharedHosts() {}

  /** Why a host is left out. */
  enum Kind {
    /** A known brand's own domain. */
    BRAND,
    /** A platform, a shortener's or tracker's own domain, a public body, a common site. */
    PLATFORM,
    /** The domain of the mailing list that delivered the message. */
    LIST,
    /**
     * No name on the public internet ({@link #reserved}): a documentation domain, a local or
     * loopback name, an unfilled template's or a cut link's host.
     */
    RESERVED
  }

  /**
   * Sites that many legitimate mails and lures alike link to or load from (the footers' social
   * pages, XML namespaces, public references), not in {@link MailBrands#BRANDS}: never the
   * attacker's.
   */
  static final Set<String> COMMON =
      Set.of(
          "twitter.com",
          "x.com",
          "instagram.com",
          "youtube.com",
          "youtu.be",
          "tiktok.com",
          "pinterest.com",
          "wikipedia.org",
          "w3.org",
          "schema.org",
          "ogp.me",
          "purl.org",
          "xmlsoap.org",
          "openxmlformats.org",
          "gravatar.com",
          "wordpress.org",
          "mozilla.org",
          "cloudflare.com",
          // share39, seen as indicators in the tuning halves: Microsoft's own short links, the
          // image host lures load their pictures from
          "aka.ms",
          "imgur.com");

  /**
   * Sending services' link domains that are not the ones the signs know ({@link
   * MailHosts#TRACKERS}) nor {@link MailFooterLinks#PREFERENCE_CENTRES}, read only by shares
   * (share39): Postmark's click tracker (pstmrk.it), ActiveCampaign's (acemlnc.com), Yandex's
   * shortener (clck.ru). Everyone's mail through the service links to them.
   */
  static final Set<String> SERVICE_LINK_DOMAINS = Set.of("pstmrk.it", "acemlnc.com", "clck.ru");

  /**
   * Messaging services whose contact link names the attacker's own number or channel in its path
   * (wa.me/5511…, t.me/…): the page is the lure's and an indicator ({@link MailStix#servicePage}),
   * the host is everyone's (share39, seen as indicators in phish-pot).
   */
  static final Set<String> CONTACT_LINK_HOSTS = Set.of("wa.me", "t.me", "m.me");

  /**
   * The labels of the public suffixes only a government may register under (gov.br, sp.gov.br,
   * gov.au, gob.mx, gouv.fr): a lure copies the real agency's link (a Detran lure's
   * https://detran.gov.br/ beside its kit), and a block on it would stop the agency's site.
   */
  static final Set<String> GOVERNMENT_LABELS = Set.of("gov", "gob", "gouv", "govt", "mil");

  /**
   * Why {@code host} (lower case) is no observable of a share of {@code r}, or null when it may be
   * one (the lure's own, or unknown).
   */
  static Kind known(String host, MailReport r) {
    if (host == null || host.isBlank()) {
      return null;
    }
    String h = host.toLowerCase(Locale.ROOT);
    if (reserved(h)) {
      return Kind.RESERVED;
    }
    if (MailStix.wellKnown(h)) {
      return Kind.BRAND;
    }
    String reg = MailDomains.registrable(h);
    if (reg != null && listDomains(r).contains(reg)) {
      return Kind.LIST;
    }
    if (MailHosts.hostIn(h, MailHosts.TRACKERS)
        || MailHosts.hostIn(h, MailHosts.SHORTENERS)
        || MailHosts.hostIn(h, MailHosts.OWN_SHORT_LINKS)
        || MailHosts.hostIn(h, MailHosts.PUBLIC_SOURCES)
        || MailHosts.hostIn(h, MailHosts.SIGNING_PLATFORMS)
        || MailHosts.hostIn(h, MailHosts.ESP_OWN_DOMAINS)
        || MailHosts.hostIn(h, MailPlatforms.RELAYING_PLATFORMS)
        || MailHosts.hostIn(h, MailPlatforms.PLATFORM_ASSETS)
        || MailHosts.hostIn(h, COMMON)
        || MailHosts.hostIn(h, SERVICE_LINK_DOMAINS)
        || MailHosts.hostIn(h, MailFooterLinks.PREFERENCE_CENTRES)
        || CONTACT_LINK_HOSTS.contains(h)
        || government(h)
        || MailStix.serviceHost(h)
        || ownSite(h, MailHosts.FREE_WEB_HOSTS)) {
      return Kind.PLATFORM;
    }
    return null;
  }

  /**
   * The names RFC 2606 reserves for documentation (§3), each a real site of IANA's that explains
   * it: a lure's template left unfilled links to one, never the attacker's host.
   */
  static final Set<String> DOCUMENTATION_DOMAINS =
      Set.of("example.com", "example.net", "example.org");

  /**
   * Names that are local by definition: loopback (RFC 6761 §6.3), multicast DNS (RFC 6762), a home
   * network (RFC 8375) and private use (ICANN's .internal).
   */
  static final List<String> LOCAL_NAMES = List.of("localhost", "local", "internal", "home.arpa");

  /**
   * The top-level names RFC 2606 (§2) sets aside for tests and examples, which this project's
   * fixtures and documents write a lure's host with (kit.example): none resolves, so a block on one
   * stops nothing, and no real lure of the tuning halves linked to one (share39).
   */
  static final Set<String> EXAMPLE_TLDS = Set.of("example", "test", "invalid");

  /**
   * Whether a link's or sender's host is no name on the public internet, so that a share makes it
   * neither an observable nor an indicator (share39): a single label (a template's {@code
   * http://URL}, an intranet's host, a link cut after {@code https://aka}), a local name ({@link
   * #LOCAL_NAMES}), a documentation domain or its www ({@link #DOCUMENTATION_DOMAINS}), a name
   * whose last label is no top-level domain of the Public Suffix List (a link cut mid-name, {@code
   * urldefense.proof}) other than {@link #EXAMPLE_TLDS}, and a private, loopback or malformed IPv4
   * address. An IPv6 literal ({@code [2001:db8::1]}) is left to the caller.
   */
  static boolean reserved(String host) {
    if (host == null || host.isBlank()) {
      return false;
    }
    String h = host.strip().toLowerCase(Locale.ROOT);
    if (h.endsWith(".")) {
      h = h.substring(0, h.length() - 1);
    }
    if (h.startsWith("[")) {
      return false;
    }
    int dot = h.lastIndexOf('.');
    if (dot < 0) {
      return true;
    }
    if (h.chars().allMatch(c -> c == '.' || (c >= '0' && c <= '9'))) {
      return MailStix.internal(h);
    }
    String name = h;
    if (DOCUMENTATION_DOMAINS.contains(name.startsWith("www.") ? name.substring(4) : name)
        || LOCAL_NAMES.stream().anyMatch(l -> name.equals(l) || name.endsWith("." + l))) {
      return true;
    }
    String tld = h.substring(dot + 1);
    return !EXAMPLE_TLDS.contains(tld) && !underPublicSuffix(h, tld);
  }

  /**
   * Whether a host is under a suffix of the Public Suffix List: the whole name is asked, since a
   * country whose registry gives only third-level names (.za: co.za, org.za) is no suffix itself.
   */
  private static boolean underPublicSuffix(String host, String tld) {
    try {
      return com.google.common.net.InternetDomainName.from(java.net.IDN.toUnicode(host))
          .hasPublicSuffix();
    } catch (IllegalArgumentException e) {
      return topLevel(tld);
    }
  }

  /** Whether a host is under a public suffix of a government's ({@link #GOVERNMENT_LABELS}). */
  static boolean government(String host) {
    try {
      com.google.common.net.InternetDomainName d =
          com.google.common.net.InternetDomainName.from(host);
      return d.hasPublicSuffix()
          && d.publicSuffix().parts().stream().anyMatch(GOVERNMENT_LABELS::contains);
    } catch (IllegalArgumentException e) {
      return false;
    }
  }

  private static boolean topLevel(String label) {
    try {
      return com.google.common.net.InternetDomainName.from(java.net.IDN.toUnicode(label))
          .isPublicSuffix();
    } catch (IllegalArgumentException e) {
      return false;
    }
  }

  /**
   * Whether a host is a shortener's or a tracker's: a link through it is the lure's own way to its
   * target when the target cannot be read, so its {@code url} stays in the share while its domain
   * does not.
   */
  static boolean redirector(String host) {
    String h = host == null ? null : host.toLowerCase(Locale.ROOT);
    return h != null
        && !MailStix.wellKnown(h)
        && (MailHosts.hostIn(h, MailHosts.TRACKERS) || MailHosts.hostIn(h, MailHosts.SHORTENERS));
  }

  /** A free web host's own site (www.tripod.com), not a name it gives its users. */
  private static boolean ownSite(String host, Set<String> hosts) {
    String h = host.startsWith("www.") ? host.substring(4) : host;
    return hosts.contains(h);
  }

  private static Set<String> listDomains(MailReport r) {
    Set<String> out = new LinkedHashSet<>();
    for (String a : r.listAddresses()) {
      int at = a.lastIndexOf('@');
      String reg = at < 0 ? null : MailDomains.registrable(a.substring(at + 1));
      if (reg != null) {
        out.add(reg.toLowerCase(Locale.ROOT));
      }
    }
    return out;
  }

  /**
   * The brands a mail claims to be: named in its sender's display name or owning its sender's
   * domain (a free-mail domain claims nothing); when neither, the brands whose own domains it links
   * to (the lure's copied logo and footer). In {@link MailBrands#BRANDS} order, each once.
   */
  static List<String> claimedBrands(MailReport r, Set<String> brandHosts) {
    Set<String> names = new LinkedHashSet<>();
    if (r.fromName() != null && !r.fromName().isBlank()) {
      MailBrands.named(r.fromName()).forEach(b -> names.add(b.name()));
    }
    String from = r.from();
    int at = from == null ? -1 : from.lastIndexOf('@');
    String domain = at < 0 ? null : from.substring(at + 1).toLowerCase(Locale.ROOT);
    if (domain != null && !MailHosts.FREEMAIL.contains(MailDomains.registrable(domain))) {
      owners(List.of(domain), names);
    }
    if (names.isEmpty()) {
      owners(new ArrayList<>(brandHosts), names);
    }
    return List.copyOf(names);
  }

  private static void owners(List<String> hosts, Set<String> names) {
    for (MailBrands.Brand b : MailBrands.BRANDS) {
      for (String h : hosts) {
        if (MailBrands.ownedBy(b, h)) {
          names.add(b.name());
          break;
        }
      }
    }
  }
}
