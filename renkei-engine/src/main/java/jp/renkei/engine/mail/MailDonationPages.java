package jp.renkei.engine.mail;

import java.util.Locale;

/**
 * A donation platform's own donation page is no sign-in page (issue 19, hamout40). Campaigns and
 * advocacy groups take money on ActBlue, WinRed, NGP VAN and the like ({@link
 * MailCampaignLinks#DONATION_PLATFORMS}); their pages live on hosts named {@code secure.…}
 * (secure.actblue.com/donate/…, secure.ngpvan.com/…), and that host name alone made every "donate"
 * link of a campaign's welcome mail read as a link to a login page on another domain
 * (LOGIN_LINK_ELSEWHERE). The page takes a donation on the platform's own domain, under the
 * platform's own name; it asks for no password of the reader's mailbox or bank. The sign stays for
 * such a link whose address or words ask to sign in, verify or update an account
 * (secure.actblue.com/login, "verify your account"), and for any host that only carries a
 * platform's name in front of another domain (secure.actblue.com.example.net is on example.net).
 */
final class MailDonationPages {

  private MailDonationPages() {}

  /**
   * Whether a link is a donation platform's page whose only sign-in word is its host's name: its
   * registrable domain is a donation platform, and neither its path and query nor its words hold a
   * login word ({@link MailCredentialWords#loginLike}).
   */
  static boolean donationPage(MailReport.Link l, String host) {
    if (host == null) {
      return false;
    }
    String reg = MailLinks.registrable(host.toLowerCase(Locale.ROOT));
    if (reg == null || !MailCampaignLinks.DONATION_PLATFORMS.contains(reg)) {
      return false;
    }
    String url = l.url();
    int scheme = url.indexOf("://");
    int path = url.indexOf('/', scheme < 0 ? 0 : scheme + 3);
    String rest = path < 0 ? "" : url.substring(path);
    return !MailCredentialWords.loginLike(rest, l.text());
  }
}
