package jp.renkei.engine.mail;

import static jp.renkei.engine.mail.MailDomains.registrable;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Hosts and domains the signs know by kind (issue 19): free mail services, and the other host
 * tables several rooms read.
 */
final class MailHosts {

  private MailHosts() {}

  static final Set<String> FREEMAIL =
      Set.of(
          "gmail.com",
          "googlemail.com",
          "yahoo.co.jp",
          "yahoo.com",
          "ymail.com",
          "outlook.com",
          "outlook.jp",
          "hotmail.com",
          "hotmail.co.jp",
          "live.jp",
          "live.com",
          "icloud.com",
          "me.com",
          "aol.com",
          "mail.ru",
          "yandex.ru",
          "qq.com",
          "163.com",
          "126.com",
          "gmx.com",
          "gmx.net",
          "protonmail.com",
          "proton.me",
          "zoho.com",
          "excite.co.jp",
          "infoseek.jp",
          // the national free-mail services of the countries whose lures reach Japan and the
          // honeypots (Europe, Brazil, Korea), and the other addresses of the big ones
          "hotmail.fr",
          "hotmail.it",
          "hotmail.de",
          "hotmail.es",
          "hotmail.co.uk",
          "outlook.fr",
          "outlook.de",
          "outlook.es",
          "outlook.com.br",
          "yahoo.fr",
          "yahoo.de",
          "yahoo.es",
          "yahoo.it",
          "yahoo.co.uk",
          "yahoo.com.br",
          "mail.com",
          "gmx.de",
          "gmx.at",
          "gmx.fr",
          "web.de",
          "libero.it",
          "virgilio.it",
          "laposte.net",
          "uol.com.br",
          "bol.com.br",
          "terra.com.br",
          "ig.com.br",
          "yandex.com",
          "rambler.ru",
          "naver.com",
          "daum.net",
          "tutanota.com",
          "tuta.io",
          "seznam.cz",
          "wp.pl",
          "o2.pl",
          "interia.pl",
          "rediffmail.com");

  /**
   * The domains of public bodies and of the security organisations whose advisories others link:
   * Japan's government (go.jp, lg.jp), JPCERT/CC, the Council of Anti-Phishing Japan, JC3, and
   * their counterparts abroad (registrable domains, or a public suffix they end in).
   */
  static final Set<String> PUBLIC_SOURCES =
      Set.of(
          "go.jp",
          "lg.jp",
          "jpcert.or.jp",
          "antiphishing.jp",
          "jc3.or.jp",
          "jnsa.org",
          "gov",
          "gov.uk",
          "first.org",
          "cert.org");

  /**
   * Free web hosts that give anyone a name under theirs (wamubis.netfirms.com, name.tripod.com):
   * where account lures have put their pages since the early 2000s. Read apart from {@link
   * #ABUSED_HOSTING}: a link to the host's own site (www.tripod.com) is none.
   */
  static final Set<String> FREE_WEB_HOSTS =
      Set.of(
          "netfirms.com",
          "tripod.com",
          "geocities.com",
          "angelfire.com",
          "freewebs.com",
          "fortunecity.com",
          "50megs.com",
          "8m.com",
          "t35.com",
          "bravehost.com",
          "freeservers.com",
          "0catch.com",
          "hypermart.net",
          "atspace.com",
          "awardspace.com",
          "byethost.com",
          "freehostia.com",
          "x10host.com",
          "co.cc",
          "uni.cc");

  /**
   * The platforms that send a signature request for their user (DocuSign, Adobe Acrobat Sign,
   * Dropbox Sign): their Reply-To is the requester, on the requester's own domain.
   */
  static final Set<String> SIGNING_PLATFORMS =
      Set.of(
          "docusign.net",
          "docusign.com",
          "adobesign.com",
          "echosign.com",
          "hellosign.com",
          "dropboxsign.com");

  /** URL shorteners: the real target is hidden until the link is followed. */
  static final Set<String> SHORTENERS =
      Set.of(
          "bit.ly",
          "tinyurl.com",
          "goo.gl",
          "ow.ly",
          "is.gd",
          "cutt.ly",
          "rebrand.ly",
          "shorturl.at",
          "rb.gy",
          "tiny.cc",
          "t.ly",
          "s.id",
          "v.gd",
          "bitly.com",
          "shorte.st",
          "adf.ly",
          "x.co",
          "qrco.de",
          "tr.im",
          "buff.ly",
          "lnkd.in",
          "surl.li",
          "urlz.fr",
          "bl.ink",
          "short.io",
          "0rz.tw",
          // public shorteners the contact-form spam of phish-ja2 / phish-ja3 and the lists'
          // spam link through (ja42): anyone mints a name there that hides where it leads
          "inx.lv",
          "bit.do",
          "cutt.us");

  /**
   * Short links a service makes for its own pages only (hosts): Google Maps' shared places
   * (maps.app.goo.gl) open Google Maps and nothing else, unlike goo.gl's old links to anywhere.
   */
  static final Set<String> OWN_SHORT_LINKS = Set.of("maps.app.goo.gl");

  /**
   * Hosting a phishing page needs no domain of one's own: file stores, form builders, free site
   * builders and tunnels serve them under a reputable name (registrable domains, or hosts).
   */
  static final Set<String> ABUSED_HOSTING =
      Set.of(
          "firebasestorage.googleapis.com",
          "storage.googleapis.com",
          "web.app",
          "firebaseapp.com",
          "appspot.com",
          "r2.dev",
          "pages.dev",
          "workers.dev",
          "blob.core.windows.net",
          "web.core.windows.net",
          "azurewebsites.net",
          "000webhostapp.com",
          "weebly.com",
          "wixsite.com",
          "glitch.me",
          "ngrok.io",
          "ngrok-free.app",
          "ngrok.app",
          // dynamic DNS: a name for any address, minted in a minute
          "duckdns.org",
          "ddns.net",
          "hopto.org",
          "zapto.org",
          "herokuapp.com",
          "netlify.app",
          "vercel.app",
          "github.io",
          "ipfs.io",
          "dweb.link",
          "forms.gle",
          "jotform.com",
          "typeform.com",
          "formstack.com",
          "sites.google.com",
          "square.site",
          "webflow.io",
          "myshopify.com",
          "mybluehost.me",
          "repl.co",
          "replit.app",
          "surge.sh",
          "onrender.com",
          "trycloudflare.com",
          "cprapid.com",
          "godaddysites.com",
          "wordpress.com",
          "blogspot.com",
          "linktr.ee",
          // Telegraph: an anonymous page published in a minute, no account (ja42)
          "telegra.ph",
          "translate.goog",
          "onmicrosoft.com",
          "ipfs.w3s.link",
          "cloudfront.net");

  /**
   * Commerce platforms that give every shop a name of their own (a-shop.myshopify.com): small shops
   * sell there under that name, and the same kind of name can carry a phishing page.
   */
  static final Set<String> SHOP_PLATFORMS = Set.of("myshopify.com");

  /**
   * A link to a shop's catalogue on a commerce platform (SHOP_PLATFORMS): a product, a collection
   * of them, or the cart. Where a shop sells; no page of a catalogue asks for a password.
   */
  static boolean shopCatalogue(String url, String host) {
    return hostIn(host, SHOP_PLATFORMS) && SHOP_CATALOGUE.matcher(url).lookingAt();
  }

  private static final Pattern SHOP_CATALOGUE =
      Pattern.compile("(?i)https?://[^/?#]+/(?:products|collections|cart)(?:[/?#]|$)");

  /**
   * A Google Drawings page, or a Google document, presentation or spreadsheet "published to the
   * web" (/d/e/…): pages anyone can make in a minute on Google's own domain, with one big picture
   * or button that leads on to the real phishing page. Shared documents that people edit together
   * (/document/d/…/edit) are not these.
   */
  static boolean publishedDocument(String url) {
    return PUBLISHED_DOCUMENT.matcher(url).lookingAt();
  }

  private static final Pattern PUBLISHED_DOCUMENT =
      Pattern.compile(
          "(?i)https?://docs\\.google\\.com/(?:drawings/|(?:document|presentation|spreadsheets)/d/e/)");

  /**
   * A file or folder on a file-sharing service (Google Drive and Docs, OneDrive, Dropbox,
   * WeTransfer, Box): where a lure sent as a bare link lives, out of the mail filter's reach.
   */
  static boolean sharedFile(String url) {
    return SHARED_FILE.matcher(url).lookingAt();
  }

  private static final Pattern SHARED_FILE =
      Pattern.compile(
          "(?i)https?://(?:drive\\.google\\.com/|docs\\.google\\.com/|1drv\\.ms/"
              + "|onedrive\\.live\\.com/|(?:www\\.)?dropbox\\.com/(?:s|scl|sh)/|(?:www\\.)?wetransfer\\.com/"
              + "|we\\.tl/|app\\.box\\.com/s/)");

  /**
   * The click-tracking redirectors of newsletters and list mail (registrable domains): their link
   * text shows the destination, the link leads through the tracker. Not a sign on its own.
   */
  static final Set<String> TRACKERS =
      Set.of(
          "list-manage.com",
          "mcsv.net",
          "mailchimp.com",
          "sendgrid.net",
          "sendgrid.com",
          "exacttarget.com",
          "rs6.net",
          "constantcontact.com",
          "mailgun.org",
          "sparkpostmail.com",
          "hubspotlinks.com",
          "hs-sites.com",
          "hubspot.com",
          "urldefense.com",
          "urldefense.proofpoint.com",
          "safelinks.protection.outlook.com",
          "doubleclick.net",
          "awstrack.me",
          "mandrillapp.com",
          "createsend.com",
          "cmail19.com",
          "cmail20.com",
          "emltrk.com",
          "mailjet.com",
          "sailthru.com",
          "responsys.net",
          "rsys2.net",
          "rsys5.net",
          "eloqua.com",
          "en25.com",
          "marketo.com",
          "mktoweb.com",
          "mkt.com",
          "pardot.com",
          "salesforce.com",
          "clicks.aweber.com",
          "aweber.com",
          "getresponse.com",
          "icptrack.com",
          "cmail1.com",
          "ymlp.com",
          "lyris.net",
          "bronto.com",
          "e2ma.net",
          "ccsend.com",
          "mlsend.com",
          "klclick.com",
          // Klaviyo's numbered click hosts, Mailjet's, Brevo's (Sendinblue) and Bloomreach's
          // click counters (hamout40: a shop's receipt whose every link goes through its ESP's
          // counter was read as linking elsewhere)
          "klclick1.com",
          "klclick2.com",
          "klclick3.com",
          "mjt.lu",
          "sendibm1.com",
          "eng.bloomreach.com",
          "klaviyo.com",
          "substack.com",
          "google.com",
          "t.co",
          "linkedin.com",
          "lnkd.in",
          "returnpath.net",
          "postmarkapp.com",
          "mcusercontent.com",
          "yahoo.com",
          "msn.com",
          "go.com",
          "redirectingat.com",
          "skimresources.com",
          "digitalriver.com",
          "doubleclick.com",
          "atdmt.com",
          "m0.net",
          "mediaplex.com",
          "gaggle.net",
          "topica.com",
          "roving.com",
          "exct.net",
          "bfi0.com",
          "mailermailer.com",
          "sf.net",
          "sourceforge.net",
          "osdn.com");

  /**
   * Sending platforms' own domains (registrable), where a platform writes its own address into From
   * for a customer that has not set up a domain of its own, or into the envelope sender of every
   * message it relays: disneyplus@sparkpostmail.com, no-reply@u1423722.wl.sendgrid.net,
   * bounce-mc.us4_…@mail190.suw161.rsgsv.net (Mailchimp).
   */
  static final Set<String> ESP_OWN_DOMAINS =
      Set.of(
          "sparkpostmail.com",
          "sendgrid.net",
          "mailgun.org",
          "rsgsv.net",
          "mcsv.net",
          "mcdlv.net",
          "mandrillapp.com");

  /** Whether a host is on a sending platform's own domain ({@link #ESP_OWN_DOMAINS}). */
  static boolean espOwnDomain(String host) {
    return host != null && ESP_OWN_DOMAINS.contains(registrable(host.toLowerCase(Locale.ROOT)));
  }

  static boolean hostIn(String host, Set<String> set) {
    if (host == null) {
      return false;
    }
    for (String h = host; ; ) {
      if (set.contains(h)) {
        return true;
      }
      int dot = h.indexOf('.');
      if (dot < 0) {
        return false;
      }
      h = h.substring(dot + 1);
    }
  }
}
