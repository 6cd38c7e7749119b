package jp.renkei.engine.mail;

import static jp.renkei.engine.mail.MailLinks.host;
import static jp.renkei.engine.mail.MailLinks.registrable;

import java.util.LinkedHashSet;
import java.util.Set;

/**
 * A brand's own address asking for the reader's account details while every link of the message
 * leads away from the brand (recall41, {@link RedFlag#LOGIN_LINK_ELSEWHERE}): the From is on the
 * domain of a brand of {@link MailBrands#BRANDS} or a government's, nothing the receiver recorded
 * vouches for that domain, the text asks to sign in, verify or restore the account, and not one
 * link is on the brand's domain. A bank's or a payment service's real notice sends its customer to
 * its own site (or says "type our address yourself"); a lure that writes the brand's address into
 * From has only the page it set up elsewhere to offer, behind "click here" or a bare address whose
 * words name no login. {@link MailLinks#swappedActionLink} reads the copy that keeps the brand's
 * own links beside the one swapped; this reads the lure that keeps none.
 *
 * <p>Not counted: a sender authenticated by the receiver (DMARC, or DKIM or SPF for its domain), a
 * free-mail domain, list mail and bounces, a message without a web link, links to the brand's other
 * domains ({@link MailBrands#sameBrand}), to link trackers and to public bodies' pages, and a
 * message already holding the sign.
 */
final class MailBrandLinksElsewhere {

  private MailBrandLinksElsewhere() {}

  static void judge(MailState st, String fromDomain, Set<String> allowed) {
    String sender = st.senderDomain;
    if (sender == null
        || fromDomain == null
        || !st.asksCredentials
        || st.listMail
        || st.bounce
        || st.links.isEmpty()
        || MailHosts.FREEMAIL.contains(sender)
        || st.passedDomains.contains(sender)
        || MailAlignment.fromAligned(st)
        || st.findings.stream().anyMatch(f -> f.flag() == RedFlag.LOGIN_LINK_ELSEWHERE)) {
      return;
    }
    String brand = MailBrandSenderHost.institution(fromDomain, null);
    if (brand == null) {
      return;
    }
    Set<String> others = new LinkedHashSet<>();
    String first = null;
    for (MailReport.Link l : st.links) {
      String h = host(l.url());
      if (h == null || allowed.contains(h) || !MailLinks.webLink(l.url())) {
        continue;
      }
      String reg = registrable(h);
      if (reg.equals(sender) || MailBrands.sameBrand(sender, reg)) {
        return;
      }
      if (st.onlyDefanged(l.url())
          || MailHosts.hostIn(h, MailHosts.TRACKERS)
          || MailHosts.hostIn(reg, MailHosts.TRACKERS)
          || MailHosts.hostIn(reg, MailHosts.PUBLIC_SOURCES)
          || MailLinks.notACallToAction(l)) {
        continue;
      }
      others.add(reg);
      first = first == null ? l.url() : first;
    }
    if (first != null) {
      st.flag(
          RedFlag.LOGIN_LINK_ELSEWHERE,
          first + " ≠ " + sender + " (" + brand + "; no link to " + sender + ")",
          first + " ≠ " + sender + " (" + brand + "、" + sender + " へのリンクはひとつもありません)");
    }
  }
}
