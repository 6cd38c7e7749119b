package jp.renkei.engine.mail;

import static jp.renkei.engine.mail.MailLinks.host;
import static jp.renkei.engine.mail.MailText.URL;

import java.util.regex.Matcher;

/**
 * A shortened link typed into a web form (ja42), or one to a host that names no one's site
 * (lists43, {@link #hidesWhoseSite}): in the fields a Japanese form's automatic reply repeats
 * ({@link MailWording#formEchoLure} found the reply and cut its echo), a link through a public URL
 * shortener ({@link MailHosts#SHORTENERS}: bit.do, inx.lv, cutt.us …). The contact-form spam
 * campaigns change their words from wave to wave (ja39's lists held on the half they were read on)
 * and put their link in any field, the message's too, where {@link MailFormPayloads} does not look;
 * what stays is a link that hides where it leads. A customer who writes to a business gives her
 * company's page, or none; the business's own footer, after the echo, is not read.
 */
final class MailFormShortLinks {

  private MailFormShortLinks() {}

  /** How many links of the echo are looked at, at most. */
  static final int LINKS_READ = 8;

  /**
   * RELAYED_LURE when {@code echo} (a form's automatic reply's repeated fields, as {@link
   * MailWording#formEchoLure} cut them) holds a link through a URL shortener; whether it flagged.
   */
  static boolean flag(MailState st, String echo) {
    if (echo.indexOf("://") < 0) {
      return false;
    }
    Matcher u = URL.matcher(echo);
    for (int n = 0; n < LINKS_READ && u.find(); n++) {
      String h = host(u.group());
      if (h != null
          && MailHosts.hostIn(h, MailHosts.SHORTENERS)
          && !MailHosts.OWN_SHORT_LINKS.contains(h)) {
        st.flag(
            RedFlag.RELAYED_LURE,
            "web form's automatic reply from "
                + st.senderDomain
                + ": a shortened link typed into the form → "
                + h,
            "Web フォームの自動返信 (" + st.senderDomain + "): フォームに入力された短縮 URL → " + h);
        return true;
      }
      if (h != null && hidesWhoseSite(h)) {
        st.flag(
            RedFlag.RELAYED_LURE,
            "web form's automatic reply from "
                + st.senderDomain
                + ": a link typed into the form that names no one's site → "
                + h,
            "Web フォームの自動返信 (" + st.senderDomain + "): フォームに入力された、誰のサイトか分からないリンク → " + h);
        return true;
      }
    }
    return false;
  }

  /**
   * A host that names no one's site, as a shortener hides it (lists43): an app-link service's short
   * link (Firebase's page.link, Yandex's clck.ru — which ESPs also use for their own mail, {@link
   * MailSharedHosts}, but no customer types into a form), hosting anyone can put a page on ({@link
   * MailHosts#ABUSED_HOSTING}: telegra.ph, web.app …) or an IP address. The campaigns move from one
   * to the other as each gets blocked; a customer names her company's own domain.
   */
  static boolean hidesWhoseSite(String host) {
    return MailHosts.hostIn(host, APP_LINKS)
        || MailHosts.hostIn(host, MailHosts.ABUSED_HOSTING)
        || MailDomains.isIpLiteral(host);
  }

  /** App-link services whose links anyone makes, by registrable domain. */
  static final java.util.Set<String> APP_LINKS = java.util.Set.of("page.link", "clck.ru");
}
