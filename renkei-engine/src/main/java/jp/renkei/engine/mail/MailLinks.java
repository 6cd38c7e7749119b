package jp.renkei.engine.mail;

import static jp.renkei.engine.mail.MailAlignment.aligned;
import static jp.renkei.engine.mail.MailAlignment.fromAligned;
import static jp.renkei.engine.mail.MailHosts.FREEMAIL;
import static jp.renkei.engine.mail.MailText.DOMAIN_LIKE;
import static jp.renkei.engine.mail.MailText.TRACKING_PATH;
import static jp.renkei.engine.mail.MailText.TRAILING_PUNCTUATION;
import static jp.renkei.engine.mail.MailText.URL;
import static jp.renkei.engine.mail.MailText.extension;
import static jp.renkei.engine.mail.MailText.wordCount;
import static jp.renkei.engine.mail.MailUnsubscribe.offersUnsubscribe;

import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The links room: finds the links of the text (defanged ones too), reads their hosts, ports and
 * registrable domains, and judges each link and the links together (the text showing one host and
 * going to another, redirects, look-alike hyphens, short links, programs and password-protected
 * archives to download, forms elsewhere).
 */
final class MailLinks {

  private final Set<String> allowed;
  private final MailSenders senders;

  MailLinks(Set<String> allowed, MailSenders senders) {
    this.allowed = allowed;
    this.senders = senders;
  }

  static void urls(String text, String where, MailState st) {
    Set<String> known = null;
    Matcher m = URL.matcher(text);
    for (int from = 0; (from = nextUrl(m, text, from)) >= 0; ) {
      String url = TRAILING_PUNCTUATION.matcher(refang(m.group())).replaceAll("");
      boolean defanged = !url.equals(TRAILING_PUNCTUATION.matcher(m.group()).replaceAll(""));
      if (known == null) {
        known = new java.util.HashSet<>();
        for (MailReport.Link l : st.links) {
          known.add(l.url());
        }
      }
      if (known.add(url)) {
        // past the limit only a link to a domain not yet kept is (see MailState.link)
        if (defanged) {
          st.defangedLink(new MailReport.Link(url, null, where));
        } else {
          st.link(new MailReport.Link(url, null, where));
        }
      } else if (!defanged) {
        st.live.add(url);
      }
    }
  }

  /**
   * The next match of {@link MailText#URL} in {@code text} at or after {@code from} (left in {@code
   * m}), as {@code m.find()} finds it, and its end; -1 when there is none. Every match has "//"
   * right after its scheme and colon ("http:", "h**ps[:]", "ftp:"), 4 to 9 characters from its
   * start, so the pattern is tried only at those places before each "//", in order: the first place
   * where it matches is where {@code find()} would have stopped (and the same alternative matches
   * there).
   */
  static int nextUrl(Matcher m, String text, int from) {
    m.useTransparentBounds(true).useAnchoringBounds(false);
    int tried = from; // places before this were tried already
    for (int k = text.indexOf("//", from); k >= 0; k = text.indexOf("//", k + 1)) {
      for (int at = Math.max(tried, k - 9); at <= k - 4; at++) {
        m.region(at, text.length());
        if (m.lookingAt()) {
          return m.end();
        }
      }
      tried = Math.max(tried, k - 3);
    }
    return -1;
  }

  /** Undoes the usual defanging: hxxp, h**p, [.], (.), [:]. */
  static String refang(String s) {
    return httpRefanged(s)
        .replace("[.]", ".")
        .replace("(.)", ".")
        .replace("{.}", ".")
        .replace("[:]", ":");
  }

  /**
   * {@code s} with a leading "hxxp" or "h**p" (either case, ASCII only, as {@code (?i)^hxxp} and
   * {@code (?i)^h\\*\\*p} read it) written "http"; after the first, the second is looked for again,
   * as the two {@code replaceFirst} calls did.
   */
  static String httpRefanged(String s) {
    String t = s;
    if (defangedHttp(t, 'x')) {
      t = "http" + t.substring(4);
    }
    if (defangedHttp(t, '*')) {
      t = "http" + t.substring(4);
    }
    return t;
  }

  static boolean defangedHttp(String s, char mid) {
    return s.length() >= 4
        && (s.charAt(0) == 'h' || s.charAt(0) == 'H')
        && (s.charAt(1) == mid || s.charAt(1) == Character.toUpperCase(mid))
        && (s.charAt(2) == mid || s.charAt(2) == Character.toUpperCase(mid))
        && (s.charAt(3) == 'p' || s.charAt(3) == 'P');
  }

  /**
   * A link to the sender's own registrable domain, through its click tracker or under a domain name
   * shown as text (not a URL): the sender's own site, unless the text shows a brand's domain the
   * sender does not own.
   */
  static boolean ownSite(
      MailState st, String realHost, String shownHost, String href, String text) {
    String from = domain(st.from);
    if (from == null || !registrable(realHost).equals(registrable(from))) {
      return false;
    }
    String shownLabel = MailDomains.label(shownHost);
    for (MailBrands.Brand b : MailBrands.BRANDS) {
      if (b.labels().contains(shownLabel)
          && !b.labels().contains(MailDomains.label(from))
          && !MailBrands.SHOPS.contains(b.name())) {
        return false;
      }
    }
    return TRACKING_PATH.matcher(href).find()
        || !text.strip().toLowerCase(Locale.ROOT).startsWith("http")
        || partnerPageOfTheSender(st, shownHost, from);
  }

  /**
   * A page the text shows on a partner's platform under the sender's own name, as the first label
   * of the host (torrid.example-giftcards.com for mail from torrid.com: a gift-card or booking
   * service that hosts each brand under its name), while the link goes to the sender's own domain,
   * which authenticated: the brand points at its own page through its own click tracker.
   */
  static boolean partnerPageOfTheSender(MailState st, String shownHost, String from) {
    int dot = shownHost.indexOf('.');
    return dot > 0
        && !registrable(shownHost).equals(shownHost)
        && shownHost.substring(0, dot).equals(MailDomains.label(from))
        && aligned(st, registrable(from));
  }

  static String shownHost(String text) {
    String t = refang(text.strip());
    if (t.contains(" ") || !t.contains(".")) {
      return null;
    }
    if (t.toLowerCase(Locale.ROOT).startsWith("http")) {
      return host(t);
    }
    return DOMAIN_LIKE.matcher(t).matches() ? t.split("/")[0].toLowerCase(Locale.ROOT) : null;
  }

  /** A value in a finding's evidence: a missing one (no sender domain) reads "—", never null. */
  static String shown(String value) {
    return value == null || value.isEmpty() ? "—" : value;
  }

  /**
   * The host of a URL, lower-cased, or null (a URL {@link URI} does not read, or without a host).
   */
  /** A link written in a plain text, up to the next white space (placeholders included). */
  static final Pattern PLAIN_LINK = Pattern.compile("(?i)(?:https?://|www\\.)\\S+");

  /** How many words the HTML text must have for a bare plain-text alternative to count. */
  static final int BARE_PLAIN_HTML_WORDS = 30;

  /**
   * How many links a plain text holds when it holds nothing else: links, white space and
   * punctuation, not one word of two letters (0 when it has a word, or no link).
   */
  static int bareLinks(String plain) {
    Matcher m = PLAIN_LINK.matcher(plain);
    int links = 0;
    StringBuilder rest = new StringBuilder();
    int from = 0;
    while (m.find()) {
      links++;
      rest.append(plain, from, m.start()).append(' ');
      from = m.end();
    }
    if (links == 0) {
      return 0;
    }
    rest.append(plain, from, plain.length());
    return wordCount(rest.toString()) == 0 ? links : 0;
  }

  /**
   * A plain-text part with links and no word, beside an HTML part that speaks (HIDDEN_TEXT): mail
   * programs and sending platforms write the plain alternative from the HTML, its words included,
   * for text-only readers and for the filters that read it; a spam kit that leaves it nothing but
   * the links (and blank lines) hides its wording from both and still sends the click where the
   * HTML does.
   */
  static void barePlainText(MailState st) {
    if (st.barePlainLinks > 0 && !st.plainSpeaks && st.htmlWords >= BARE_PLAIN_HTML_WORDS) {
      st.flag(
          RedFlag.HIDDEN_TEXT,
          "text/plain: "
              + st.barePlainLinks
              + " link(s), 0 words; text/html: "
              + st.htmlWords
              + " words",
          "text/plain: リンク " + st.barePlainLinks + " 個、語 0; text/html: " + st.htmlWords + " 語");
    }
  }

  static String host(String url) {
    URI u = uri(url);
    String h = u == null ? null : u.getHost();
    if (h == null && u != null) {
      h = hostOfAuthority(u.getRawAuthority());
    }
    return h == null ? null : h.toLowerCase(Locale.ROOT);
  }

  /**
   * The port of a link as a browser reads it, or -1 when it names none: {@link URI#getPort} and,
   * for an authority {@link URI} leaves unread (see {@link #hostOfAuthority}), its digits after the
   * last colon.
   */
  static int port(String url) {
    URI u = uri(url);
    if (u == null) {
      return -1;
    }
    if (u.getHost() != null || u.getRawAuthority() == null) {
      return u.getPort();
    }
    Matcher m = AUTHORITY.matcher(u.getRawAuthority());
    return m.matches() && m.group(2) != null && m.group(2).length() <= 5
        ? Integer.parseInt(m.group(2))
        : -1;
  }

  /**
   * A user name, a host of the letters, digits, dots, hyphens and underscores browsers accept, and
   * a port: what {@link URI} reads as a "registry-based" authority with no host when a label holds
   * an underscore ("signin_ebay_com_account.example.net:7301"), which browsers open all the same.
   */
  static final Pattern AUTHORITY =
      Pattern.compile("(?:.*@)?([A-Za-z0-9._-]+\\.[A-Za-z0-9._-]+)(?::([0-9]+))?");

  /**
   * The host of an authority {@link URI} could not read as a server's, as a browser reads it: a
   * host with an underscore in a label is opened by every browser, and a lure that wrote its host
   * so hid it from every link sign before. Null when it is no host name.
   */
  static String hostOfAuthority(String authority) {
    if (authority == null) {
      return null;
    }
    Matcher m = AUTHORITY.matcher(authority);
    return m.matches() ? m.group(1) : null;
  }

  /**
   * A URL as {@link URI} reads it (spaces as %20), or null when it cannot. Each link is read for
   * its host, path and port by several signs; within one analysis it is parsed once ({@link
   * #URIS}).
   */
  static URI uri(String url) {
    Map<String, Object> seen = URIS.get();
    Object u = seen == null ? null : seen.get(url);
    if (u == null) {
      try {
        u = URI.create(url.replace(" ", "%20"));
      } catch (IllegalArgumentException e) {
        u = NOT_A_URI;
      }
      if (seen != null && seen.size() < 4096) {
        seen.put(url, u);
      }
    }
    return u == NOT_A_URI ? null : (URI) u;
  }

  /** What {@link #URIS} holds for a URL that {@link URI} does not read. */
  static final Object NOT_A_URI = new Object();

  static boolean sameOrSubdomain(String host, String of) {
    return host.equals(of) || host.endsWith("." + of) || of.endsWith("." + host);
  }

  /** Links on the sender's own domain a platform's mail carries around a relayed short link. */
  static final int RELAYED_OWN_LINKS = 3;

  /**
   * A short link in the text a platform relays for its users (SUSPICIOUS_LINK not counted): a
   * crowdfunding creator's update, a club's news sent through the club's platform, carrying the
   * creator's own cutt.ly or forms.gle link. The platform does not lie by it, and the shortener
   * alone says little: it counts again as soon as anything else in the message does. Only when the
   * sender's own domain is authenticated ({@link MailAlignment#fromAligned}: no free mail), the
   * message is bulk mail (list headers or unsubscribe text), asks for no credentials, carries no
   * sign but short links and a topic (TARGETED_THEME) — no payment or prize lure, no urgency, no
   * Reply-To elsewhere, no phishing wording —, the short links lead to no login page, and the
   * sender's own domain holds at least {@link #RELAYED_OWN_LINKS} of its links and more than the
   * short links do. A lure from a fraudster's own authenticated domain that asks for a password,
   * money or haste, or whose only call to action is the short link, keeps the sign; so does a link
   * to an IP address or a free host in the same message.
   */
  static void relayedShortLinks(MailState st) {
    if (st.senderDomain == null
        || FREEMAIL.contains(st.senderDomain)
        || st.asksCredentials
        || !fromAligned(st)
        || !st.bulk()) {
      return;
    }
    List<MailReport.Finding> shortened = new ArrayList<>();
    for (MailReport.Finding f : st.findings) {
      if (f.flag() == RedFlag.SUSPICIOUS_LINK && shortLink(f.evidence())) {
        shortened.add(f);
      } else if (f.flag().weight() > RedFlag.TARGETED_THEME.weight()) {
        return;
      }
    }
    if (shortened.isEmpty()) {
      return;
    }
    int own = 0;
    int shortLinks = 0;
    for (MailReport.Link l : st.links) {
      String h = host(l.url());
      if (h == null) {
        continue;
      }
      if (shortLink(l.url())) {
        if (st.loginLike(l)) {
          return;
        }
        shortLinks++;
      } else if (registrable(h).equals(st.senderDomain)) {
        own++;
      }
    }
    if (own >= RELAYED_OWN_LINKS && own > shortLinks) {
      st.findings.removeAll(shortened);
    }
  }

  /**
   * The short links of form services ({@link #relayedShortLinks}): a survey's address shortened by
   * the service that hosts the form (Google Forms' forms.gle). They are listed among the hosting
   * anyone can put a page on, as the form itself is; here they are a creator's survey link like a
   * bit.ly one, and a form that asks for a password still keeps the sign (the message then asks for
   * credentials, or the link is a login page).
   */
  static final Set<String> FORM_SHORT_LINKS = Set.of("forms.gle");

  /**
   * A link (the whole evidence, nothing after it) served by a link shortener, or a form service's
   * short link ({@link #FORM_SHORT_LINKS}).
   */
  static boolean shortLink(String evidence) {
    // the link, without the kind of link the evidence names after it ("… (URL shortener)")
    String url = evidence;
    for (String kind : new String[] {" (URL shortener)", " (hosting anyone can put a page on)"}) {
      url = url.endsWith(kind) ? url.substring(0, url.length() - kind.length()) : url;
    }
    String h = host(url);
    if (h == null || url.indexOf(' ') >= 0 || MailHosts.OWN_SHORT_LINKS.contains(h)) {
      return false;
    }
    return MailHosts.SHORTENERS.contains(h)
        || MailHosts.SHORTENERS.contains(registrable(h))
        || FORM_SHORT_LINKS.contains(h);
  }

  /**
   * A shop's sales mail linking its own shop on a commerce platform (MailHosts.SHOP_PLATFORMS): the
   * message links products, collections or the cart of that shop, asks for no credentials, and this
   * link is no login page. Its other links to the same shop (its front page) count as the shop's
   * too; a page on such a host in a mail that links no catalogue there is judged as before.
   */
  static boolean shopsCatalogue(MailReport.Link l, String host, MailState st) {
    if (st.asksCredentials || st.loginLike(l)) {
      return false;
    }
    for (MailReport.Link other : st.links) {
      if (host.equals(host(other.url()))
          && MailHosts.shopCatalogue(other.url(), host)
          && !st.loginLike(other)) {
        return true;
      }
    }
    return false;
  }

  /** A link whose host is written to hide where it leads (MailLinkHosts). */
  static void disguisedHost(MailReport.Link l, MailState st) {
    MailLinkHosts.Disguise d = MailLinkHosts.disguise(l.url());
    if (d != null) {
      st.flag(RedFlag.DISGUISED_LINK_HOST, d.evidence(), d.evidenceJa());
    }
  }

  /**
   * A link through a big site's open redirect (google.com/url?q=, bing.com/ck/a, LinkedIn's slink):
   * the destination, where it can be read, is judged as a link of its own; a destination only the
   * site can read is a sign outside bulk mail, as a shortener is.
   */
  void redirected(MailReport.Link l, String h, String sender, MailState st) {
    String target = MailRedirects.redirectTarget(l.url(), h);
    if (target == null) {
      if (MailRedirects.opaqueRedirect(l.url(), h)
          && !st.bulk()
          && !registrable(h).equals(sender)) {
        st.flag(RedFlag.SUSPICIOUS_LINK, l.url() + " → ?");
      }
      return;
    }
    String th = host(target);
    if (th == null || allowed.contains(th) || registrable(th).equals(registrable(h))) {
      return;
    }
    MailReport.Link t = new MailReport.Link(target, l.text(), l.where());
    senders.lookalike(th, target, st);
    String inFront = MailBrands.brandDomainInFront(th);
    if (inFront != null) {
      st.flag(RedFlag.LOOKALIKE_DOMAIN, target + " ≈ " + inFront);
    }
    String bare = MailBrands.suffixInFront(th);
    if (bare != null) {
      st.flag(RedFlag.LOOKALIKE_DOMAIN, target + " ≈ " + bare);
    }
    hyphened(target, th, st);
    links(t, th, sender, st);
  }

  /**
   * LOOKALIKE_DOMAIN for a link whose host writes a brand's domain with hyphens for its dots
   * (my-jcb-co-jp.cyyan.xyz): {@link MailBrands#brandDomainHyphened}.
   */
  static void hyphened(String url, String h, MailState st) {
    String hyphened = MailBrands.brandDomainHyphened(h);
    if (hyphened != null) {
      st.flag(
          RedFlag.LOOKALIKE_DOMAIN,
          url + " ≈ " + hyphened + ", its dots written as hyphens",
          url + " ≈ " + hyphened + "、ドットをハイフンに替えた形");
    }
  }

  /**
   * The text of an HTML body with its zero-width spaces kept, for the invisible-character count
   * (OBFUSCATED_TEXT): jsoup's {@code text()} drops U+200B (and the soft hyphen) while it keeps the
   * other zero-width characters, so "Y&amp;#8203;o&amp;#8203;u&amp;#8203;r" in a body was never
   * counted (recall29b). Each U+200B of the text nodes is read as U+2060 (word joiner), which
   * {@code text()} keeps and the count treats alike; the document is left as it was.
   */
  static String withZeroWidthSpaces(org.jsoup.nodes.Document doc, String text) {
    List<org.jsoup.nodes.TextNode> marked = new ArrayList<>();
    // one walk of the nodes: every text node has an element parent, so these are the text nodes
    // of every element (listing each element's text nodes cost a list per element: 2.6 % of modern
    // HTML mail's analysis, speed30)
    doc.traverse(
        (node, depth) -> {
          if (node instanceof org.jsoup.nodes.TextNode t
              && t.getWholeText().indexOf('\u200B') >= 0) {
            marked.add(t);
          }
        });
    if (marked.isEmpty()) {
      return text;
    }
    List<String> was = new ArrayList<>();
    for (org.jsoup.nodes.TextNode t : marked) {
      was.add(t.getWholeText());
      t.text(t.getWholeText().replace('\u200B', '\u2060'));
    }
    String kept = doc.text();
    for (int i = 0; i < marked.size(); i++) {
      marked.get(i).text(was.get(i));
    }
    return kept;
  }

  /** Links to IPs, shorteners, data: URLs, abused hosting, or to log in somewhere unrelated. */
  /**
   * What a link's file name ends with when following it downloads a program that runs when opened
   * (not .com, .js or .img, which end domain names in paths, web pages' scripts and pictures).
   */
  static final Set<String> PROGRAM_LINKS =
      Set.of(
          "exe",
          "scr",
          "pif",
          "msi",
          "msix",
          "appx",
          "hta",
          "vbs",
          "vbe",
          "jse",
          "wsf",
          "wsh",
          "bat",
          "cmd",
          "ps1",
          "lnk",
          "cpl",
          "jar",
          "iso",
          "vhd",
          "vhdx",
          "one",
          "chm",
          "reg",
          // macro documents: their code runs once the reader enables editing (IPA's 「コンテンツの有効化」)
          "docm",
          "xlsm",
          "pptm",
          "dotm",
          "xlam");

  /** The extension of the file a URL names (its path's last segment), lower-cased, or "". */
  static String linkExtension(String url) {
    int scheme = url.indexOf("://");
    int path = scheme < 0 ? -1 : url.indexOf('/', scheme + 3);
    if (path < 0) {
      return "";
    }
    int end = url.length();
    for (char c : new char[] {'?', '#'}) {
      int at = url.indexOf(c, path);
      end = at >= 0 ? Math.min(end, at) : end;
    }
    String segment = url.substring(url.lastIndexOf('/', end - 1) + 1, end);
    return segment.contains(".") ? extension(segment) : "";
  }

  static void links(MailReport.Link l, String host, String sender, MailState st) {
    String reg = registrable(host);
    if (PROGRAM_LINKS.contains(linkExtension(l.url()))
        // a software company's own mail (authenticated) links its installers on its own domain
        && !(reg.equals(sender) && fromAligned(st))
        // a discussion list's members point each other at downloads (a distribution's .iso)
        && !MailRelayedPosts.relievesLink(st, l, host)) {
      st.flag(
          RedFlag.EXECUTABLE_LINK,
          l.url() + " (." + linkExtension(l.url()) + " to download)",
          l.url() + " (ダウンロードされる ." + linkExtension(l.url()) + ")");
    }
    // the evidence names which kind of link it is (ui25: the sign's line lists every kind)
    if (MailDomains.isIpLiteral(host)) {
      // a private, loopback or link-local address written out is a device or a local service under
      // discussion, not a page every victim can reach; one asking to log in, or hidden behind
      // words ("click this link", Nazario msg-35's PayPal lure), is still a sign
      if (!MailDomains.internalIp(host) || st.loginLike(l) || !addressShown(l, host)) {
        st.flag(RedFlag.SUSPICIOUS_LINK, l.url() + " (IP address)", l.url() + " (IP アドレス)");
      }
    } else if ((MailHosts.SHORTENERS.contains(reg) || MailHosts.SHORTENERS.contains(host))
        && !MailHosts.OWN_SHORT_LINKS.contains(host)
        // what a discussion list relays links as its members and robots do (a crash-report bot's
        // short link to its documentation, lead36's ham-notify); a short link to a sign-in page is
        // still one
        && (!MailRelayedPosts.relievesLink(st, l, host) || st.loginLike(l))) {
      if (!notACallToAction(l) && !remoteServersLink(l, st)) {
        st.flag(RedFlag.SUSPICIOUS_LINK, l.url() + " (URL shortener)", l.url() + " (短縮 URL)");
      }
    } else if (MailHosts.hostIn(host, MailHosts.ABUSED_HOSTING)
        // a discussion list's members link their blogs and pages; a login page there is still one
        && (!MailRelayedPosts.relievesLink(st, l, host) || st.loginLike(l))
        && !shopsCatalogue(l, host, st)) {
      if (!notACallToAction(l)) {
        st.flag(
            RedFlag.SUSPICIOUS_LINK,
            l.url() + " (hosting anyone can put a page on)",
            l.url() + " (誰でもページを置けるホスティング)");
      }
    } else if (MailHosts.publishedDocument(l.url())
        && !MailRelayedPosts.relievesLink(st, l, host)) {
      st.flag(RedFlag.SUSPICIOUS_LINK, l.url());
    } else if (MailLinks.unusualPort(l.url()) && st.loginLike(l)) {
      st.flag(RedFlag.SUSPICIOUS_LINK, l.url());
    } else if (MailDomains.ipNamedHost(host)
        && !MailRelayedPosts.relievesLink(st, l, host)
        && !notACallToAction(l)) {
      st.flag(
          RedFlag.SUSPICIOUS_LINK,
          l.url() + " (" + host + ": a host named by its IP address)",
          l.url() + " (" + host + ": IP アドレスで名付けられたホスト)");
    }
    String carried = MailDomains.addressInFragment(l.url());
    if (carried != null && webLink(l.url()) && !MailRelayedPosts.relievesLink(st, l, host)) {
      st.flag(
          RedFlag.SUSPICIOUS_LINK,
          l.url() + " (#" + carried + ": an address carried to the page)",
          l.url() + " (#" + carried + ": ページに渡されるメールアドレス)");
    } else if ((carried = MailRelayedKitLinks.carried(l, host, st)) != null) {
      st.flag(
          RedFlag.SUSPICIOUS_LINK,
          l.url() + " (" + carried + ": the mailing list's address carried to the page)",
          l.url() + " (" + carried + ": ページに渡されるメーリングリストのアドレス)");
    }
    if (sender != null && st.loginLike(l)) {
      String imitated = MailBrands.imitated(l.url(), host, sender, st.bulk());
      if (imitated != null) {
        st.flag(RedFlag.LOOKALIKE_DOMAIN, l.url() + " ≈ " + imitated);
      } else if (!reg.equals(sender)
          && !st.passedDomains.contains(reg)
          && (!st.bulk() || st.asksCredentials)) {
        String inFront = MailBrands.brandLabelInFront(host);
        if (inFront != null && !sendersBrand(inFront, sender)) {
          st.flag(
              RedFlag.LOOKALIKE_DOMAIN,
              l.url() + " ≈ " + inFront + ", a brand's name in front of another domain",
              l.url() + " ≈ " + inFront + "、企業の名前を別のドメインの前に付けた形");
        }
      }
    }
    String dressed =
        sender == null || reg.equals(sender) || st.passedDomains.contains(reg)
            ? null
            : MailBrands.dressedAs(host, st.fromName, domain(st.from));
    if (dressed != null) {
      st.flag(RedFlag.LOOKALIKE_DOMAIN, l.url() + " ≈ " + dressed + " ≠ " + sender);
    }
    if (sender != null
        // bulk mail links its sender's shop and partners; one that asks for credentials is judged
        && (!st.bulk()
            || (st.asksCredentials && !st.ownBulk())
            // a post a list only relayed is its author's mail, not the list's (MailRelayedPosts)
            || MailRelayedPosts.readDirect(st))
        && !reg.equals(sender)
        && !st.passedDomains.contains(reg)
        && !MailHosts.hostIn(host, MailHosts.TRACKERS)
        // a public body's or JPCERT/CC's page (「詳細を確認」) is no place to steal a password
        && !MailHosts.hostIn(reg, MailHosts.PUBLIC_SOURCES)
        // a brand's other domain (microsoft.com's notice linking account.live.com), for a sender
        // that authenticated as itself
        && !(fromAligned(st) && !FREEMAIL.contains(sender) && MailBrands.sameBrand(sender, reg))
        && webLink(l.url())
        && st.loginLike(l)
        // a donation platform's page, "secure" only in its host's name (MailDonationPages)
        && !MailDonationPages.donationPage(l, host)) {
      st.flag(RedFlag.LOGIN_LINK_ELSEWHERE, l.url() + " ≠ " + sender);
    }
  }

  /**
   * Whether the brand {@link MailBrands#brandLabelInFront} names ("eki-net (えきねっと)") is the
   * sender's own: a company links its sites on a hosting service under its own name.
   */
  static boolean sendersBrand(String named, String sender) {
    String label = named.substring(0, named.indexOf(' '));
    for (MailBrands.Brand b : MailBrands.BRANDS) {
      if (b.labels().contains(label) && MailBrands.ownedBy(b, sender)) {
        return true;
      }
    }
    return false;
  }

  /**
   * The reader sees the address a link leads to: a link written in plain text (no words of its
   * own), or one whose words name its host. An address hidden behind "click here" is not shown.
   */
  static boolean addressShown(MailReport.Link l, String host) {
    String text = l.text();
    if (text == null || text.isBlank()) {
      return true;
    }
    String bare =
        host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
    return text.toLowerCase(Locale.ROOT).contains(bare.toLowerCase(Locale.ROOT));
  }

  /**
   * A link a browser opens as a web page (http, https, or an address without a scheme), not one
   * that hands over to an app on the reader's device (wallet://, an app's own scheme): such a link
   * leads to no domain where a password could be typed.
   */
  /** A link that dials or texts a number ({@code tel:}, {@code sms:}), not a page. */
  static boolean phoneLink(String url) {
    String u = url.strip().toLowerCase(Locale.ROOT);
    return u.startsWith("tel:") || u.startsWith("sms:");
  }

  static boolean webLink(String url) {
    int scheme = url.indexOf("://");
    if (scheme < 0) {
      return true;
    }
    String name = url.substring(0, scheme).toLowerCase(Locale.ROOT);
    return name.equals("http") || name.equals("https");
  }

  /** What a link's file name ends with when the link is the address of a picture (not an SVG). */
  static final Set<String> PICTURE_LINKS = Set.of("jpg", "jpeg", "png", "gif", "webp", "bmp");

  /**
   * A link that is no page the reader is asked to go to: the address of a picture (a newsletter's
   * plain-text part lists its images so) or of an unsubscribe page (the address itself says so; the
   * words of the link do not count, as lures give their one address to the "unsubscribe" words
   * too). Served by a shortener or a hosting service, nothing is typed into it; the message's other
   * links there are judged as before.
   */
  /**
   * A link a remote server wrote in the reply a real bounce quotes ({@link
   * MailSenders#replyLinks}), which asks nothing of the reader's account: the server's help page,
   * not the bounce sender's lure.
   */
  static boolean remoteServersLink(MailReport.Link l, MailState st) {
    return st.bounce && st.replyLinks.contains(l.url()) && !st.loginLike(l);
  }

  static boolean notACallToAction(MailReport.Link l) {
    String lower = l.url().toLowerCase(Locale.ROOT);
    return PICTURE_LINKS.contains(linkExtension(lower)) || offersUnsubscribe(lower);
  }

  /**
   * A credential lure built on a copy of the brand's own mail: its links lead to the sender's own
   * domain (logo, help, privacy pages) but for the ones to a single unrelated domain, the "click
   * here" that carries the reader off to the page that takes the password (LOGIN_LINK_ELSEWHERE,
   * even when the link's words say nothing of logging in).
   */
  void swappedActionLink(MailState st, String sender) {
    if (sender == null
        || !st.asksCredentials
        || FREEMAIL.contains(sender)
        || st.listVouched()
        || st.ownBulk()
        || st.findings.stream().anyMatch(f -> f.flag() == RedFlag.LOGIN_LINK_ELSEWHERE)) {
      return;
    }
    boolean own = false;
    Set<String> others = new LinkedHashSet<>();
    String first = null;
    for (MailReport.Link l : st.links) {
      String h = host(l.url());
      if (h == null || allowed.contains(h) || !webLink(l.url())) {
        continue;
      }
      String reg = registrable(h);
      if (reg.equals(sender)) {
        own = true;
      } else if (!st.passedDomains.contains(reg)
          && !MailHosts.hostIn(h, MailHosts.TRACKERS)
          && !MailHosts.hostIn(reg, MailHosts.TRACKERS)
          && !MailHosts.hostIn(reg, MailHosts.PUBLIC_SOURCES)
          && !MailBrands.sameBrand(sender, reg)) {
        others.add(reg);
        first = first == null ? l.url() : first;
      }
    }
    if (own && others.size() == 1) {
      st.flag(
          RedFlag.LOGIN_LINK_ELSEWHERE,
          first + " ≠ " + sender + " (the other links: " + sender + ")",
          first + " ≠ " + sender + " (ほかのリンクはすべて " + sender + ")");
    }
  }

  /**
   * A link whose address carries a second one leading to a bare IP address (an ad server's or a
   * site's redirect: {@code http://ad.example/clk?http://192.0.2.7/login}): the known host in front
   * is what the reader sees, the address behind it where the click lands (SUSPICIOUS_LINK).
   */
  static void nestedIpLinks(MailState st) {
    for (MailReport.Link l : st.links) {
      String url = l.url();
      int scheme = url.indexOf("://");
      if (scheme < 0) {
        continue;
      }
      String lower = url.toLowerCase(Locale.ROOT);
      int inner = nestedScheme(lower, scheme + 3);
      if (inner < 0) {
        continue;
      }
      String target = url.substring(inner);
      String th = host(target);
      if (th != null && MailDomains.isIpLiteral(th) && !MailDomains.isIpLiteral(host(url))) {
        st.flag(
            RedFlag.SUSPICIOUS_LINK,
            url + " → " + target,
            url + " → " + target + " (転送先が IP アドレス)");
        return;
      }
    }
  }

  /**
   * A link to a member's page on a free web host (MailHosts.FREE_WEB_HOSTS, SUSPICIOUS_LINK); in a
   * discussion list's mail only when it is a login page (members link their home pages).
   */
  /**
   * An archive behind a link (.zip, .rar, .7z) on another domain than the authenticated sender's,
   * its password written in the same message (「パスワード：2026」「解凍パスワードは」, "password:"): the encrypted
   * archive that no scanner opens, moved off the message to pass the gateway's attachment rules
   * (ENCRYPTED_ARCHIVE).
   */
  static void passwordedArchiveLink(MailState st, String sender) {
    if (st.listVouchesForAuthor()
        // no archive linked: the text is not searched (speed35; the loop below asks it again)
        || st.links.stream().noneMatch(l -> ARCHIVE_LINKS.contains(linkExtension(l.url())))
        || !mayNamePassword(st.phrases().text())
        || !ARCHIVE_PASSWORD.matcher(st.phrases().text()).find()) {
      return;
    }
    for (MailReport.Link l : st.links) {
      String h = host(l.url());
      if (h == null
          || st.onlyDefanged(l.url())
          || !ARCHIVE_LINKS.contains(linkExtension(l.url()))
          || (fromAligned(st) && registrable(h).equals(sender))) {
        continue;
      }
      st.flag(
          RedFlag.ENCRYPTED_ARCHIVE,
          l.url() + " (an archive behind a link, its password in the message)",
          l.url() + " (リンク先の圧縮ファイル、パスワードは本文に記載)");
      return;
    }
  }

  static final Set<String> ARCHIVE_LINKS = Set.of("zip", "rar", "7z");

  /** A password given for a file (lower-cased text, full-width forms folded). */
  /**
   * Whether {@link #ARCHIVE_PASSWORD} can be found in {@code text}: every one of its alternatives
   * holds one of these four words (the pattern is case-sensitive and reads lower-cased text), and
   * four literal searches cost less than trying the pattern at every character of the text.
   */
  static boolean mayNamePassword(String text) {
    return text.contains("パスワード")
        || text.contains("password")
        || text.contains("passwort")
        || text.contains("senha");
  }

  static final Pattern ARCHIVE_PASSWORD =
      Pattern.compile(
          "(?:解凍|展開|ファイル|閲覧|開封)?パスワード(?:付き|つき|は|:|：|\\s*[:：]|を(?:設定|かけ))"
              + "|password(?:-protected| protected|\\s*[:=]| is )|passwort\\s*:|senha\\s*:");

  static void freeWebHostLinks(MailState st) {
    for (MailReport.Link l : st.links) {
      String h = host(l.url());
      if (h == null || h.startsWith("www.")) {
        continue;
      }
      for (String free : MailHosts.FREE_WEB_HOSTS) {
        if (endsWithLabel(h, free)
            && (!MailRelayedPosts.relievesLink(st, l, h) || st.loginLike(l))) {
          st.flag(
              RedFlag.SUSPICIOUS_LINK,
              l.url() + " (" + free + ")",
              l.url() + " (無料ホスティング " + free + ")");
          return;
        }
      }
    }
  }

  /** Whether {@code host} ends with {@code "." + suffix}, without building that string. */
  static boolean endsWithLabel(String host, String suffix) {
    int dot = host.length() - suffix.length() - 1;
    return dot >= 0 && host.charAt(dot) == '.' && host.endsWith(suffix);
  }

  /** Where a second http:// or https:// begins in a lower-cased URL after {@code from}, or -1. */
  static int nestedScheme(String lower, int from) {
    int http = lower.indexOf("http://", from);
    int https = lower.indexOf("https://", from);
    return http < 0 ? https : https < 0 ? http : Math.min(http, https);
  }

  /**
   * A form in a credential lure that sends what is typed into it to another domain than the
   * sender's (HTML_FORM): the request and the page that collects the answer come in the message
   * itself, whatever its fields are called. A form posting back to the sender's own site, or in
   * mail that asks for nothing, is left alone (surveys, searches, subscriptions).
   */
  void formElsewhere(MailState st, String sender) {
    if (sender == null
        || !st.asksCredentials
        || st.listVouched()
        // a newsletter that runs its own list (a job board's or a shop's box beside a tip about
        // password expiry)
        || st.ownBulk()
        || st.findings.stream().anyMatch(f -> f.flag() == RedFlag.HTML_FORM)) {
      return;
    }
    for (String action : st.formActions) {
      // a browser drops tabs and line breaks from an address: a host written with them is hidden
      String url = action.replaceAll("[\\t\\n\\r]", "").strip();
      String h = host(url);
      // a newsletter's box searching a shop or a search engine asks for words, not secrets
      if (h == null || allowed.contains(h) || url.toLowerCase(Locale.ROOT).contains("search")) {
        continue;
      }
      String reg = registrable(h);
      if (!reg.equals(sender) && !st.passedDomains.contains(reg)) {
        st.flag(
            RedFlag.HTML_FORM,
            "<form action=" + action.strip() + "> ≠ " + sender,
            "<form action=" + action.strip() + "> ≠ " + sender + " (入力内容の送り先が差出人と別のドメイン)");
        return;
      }
    }
  }

  static boolean domainChar(char c) {
    return (c >= 'a' && c <= 'z')
        || (c >= 'A' && c <= 'Z')
        || (c >= '0' && c <= '9')
        || c == '-'
        || c == '.';
  }

  static String domain(String address) {
    if (address == null) {
      return null;
    }
    int at = address.lastIndexOf('@');
    return at < 0 ? null : address.substring(at + 1).toLowerCase(Locale.ROOT);
  }

  /** The registrable part by the Public Suffix List (example.co.jp, city.chiyoda.tokyo.jp). */
  static String registrable(String domain) {
    Map<String, String> seen = domain == null ? null : REGISTRABLE.get();
    if (seen == null) {
      return MailDomains.registrable(domain);
    }
    String r = seen.get(domain);
    if (r == null) {
      r = MailDomains.registrable(domain);
      if (seen.size() < 4096) {
        seen.put(domain, r);
      }
    }
    return r;
  }

  /**
   * The registrable domains looked up during the analysis running on this thread (the same hosts
   * are asked for from the headers, every link and every sign). One analysis's only: nothing of one
   * message is kept for the next.
   */
  static final ThreadLocal<Map<String, String>> REGISTRABLE = new ThreadLocal<>();

  /** The URLs read during the analysis running on this thread, as {@link #REGISTRABLE}. */
  static final ThreadLocal<Map<String, Object>> URIS = new ThreadLocal<>();

  static final Pattern VALID_DOMAIN = Pattern.compile("[a-z0-9.-]+");
  static final Pattern AFTER_HOST = Pattern.compile("[?/#&>\\s].*$");

  /** Records the registrable domain of a host or address domain unsubscribing goes through. */
  static void unsubscribeDomain(String host, MailState st) {
    if (host == null) {
      return;
    }
    String h = AFTER_HOST.matcher(host).replaceFirst("");
    if (h.contains(".") && VALID_DOMAIN.matcher(h).matches()) {
      st.unsubscribeDomains.add(registrable(h));
    }
  }

  /** An http(s) link to a port other than 80 and 443: web servers of phishing kits, not shops. */
  static boolean unusualPort(String url) {
    int port = MailLinks.port(url);
    return port > 0 && port != 80 && port != 443;
  }
}
