package jp.renkei.engine.mail;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * Legitimate mail whose words read as a sign only out of context (hamout41): urgency that names
 * what someone else did or failed to do (a contract's terms, the news of legal actions, an appeal
 * for aid) presses no reader, and a link whose words are the name of the file it opens names no
 * site. Each clearing is paired with the look-alike lure that keeps its sign.
 */
class MailOthersDeedsTest {

  static MailReport plain(String text) {
    return TestMail.analyzeBase64(
        "From: Example Store <news@store-example.com>\r\nTo: aj@example.com\r\n"
            + "Subject: This week from us\r\n",
        "text/plain",
        text);
  }

  static MailReport html(String html) {
    return TestMail.analyzeBase64(
        "From: Quentin <quentin@uni-example.be>\r\nTo: list@lists-example.org\r\n"
            + "Subject: Help with an AXI-Stream output\r\n",
        "text/html; charset=UTF-8",
        html);
  }

  @Test
  void whatSomeoneElseDidOrFailedToDoPressesNoReader() {
    for (String text :
        new String[] {
          "Installation terms apply, including but not limited to: The customer’s failure to"
              + " confirm the installation date.",
          "The buyer's failure to comply with these terms voids the warranty.",
          "People are the targets of so-called John Doe legal actions, which try to unmask them.",
          "The studios are instituting widespread, aggressive legal actions against all the"
              + " server operators.",
          "Your gift helps so that urgently-needed food aid can be delivered to the region."
        }) {
      assertThat(TestMail.flags(plain(text + "\nRead more on our site.\n")))
          .as(text)
          .doesNotContain(RedFlag.URGENCY);
    }
  }

  @Test
  void theReadersOwnFailureOrALegalThreatKeepsTheSign() {
    for (String lure :
        new String[] {
          "Failure to confirm your account will result in its closure.",
          "The customer's account will be suspended. Failure to verify your details is final.",
          "Legal action will be taken against you.",
          "Legal actions will be taken against you if you do not pay.",
          "We will start legal actions against you tomorrow.",
          "Your help is urgently needed: reply with your bank details."
        }) {
      assertThat(TestMail.flags(plain(lure + "\n"))).as(lure).contains(RedFlag.URGENCY);
    }
  }

  @Test
  void aLinksWordsThatNameTheFileItOpensNameNoSite() {
    MailReport r =
        html(
            "<html><body><p>The deadlock shows in <a href=\"https://github.com/qp/ofdm/blob/main/"
                + "fpga/rfnoc_block_schmidl_cox/detector.sv\">detector.sv</a> and in <a href=\""
                + "https://github.com/qp/ofdm/blob/main/README.md\">README.md</a>.</p></body></html>");
    assertThat(TestMail.flags(r)).doesNotContain(RedFlag.LINK_TEXT_MISMATCH);
    assertThat(r.verdict()).isEqualTo(MailReport.Verdict.CLEAN);
  }

  @Test
  void aSitesNameOverAPathOfTheSameNameKeepsTheSign() {
    for (String[] link :
        new String[][] {
          // a generic domain's name as the last segment of another site's path
          {"https://evil-example.xyz/secure/paypal.com", "paypal.com"},
          // a brand's domain label with a country's ending
          {"https://evil-example.xyz/secure/paypal.de", "paypal.de"},
          // a file name over a link whose path ends otherwise
          {"https://evil-example.xyz/secure/login", "detector.sv"},
          // a host written with www.
          {"https://evil-example.xyz/www.shop.sv", "www.shop.sv"}
        }) {
      MailReport r =
          html(
              "<html><body><p>Please see <a href=\""
                  + link[0]
                  + "\">"
                  + link[1]
                  + "</a> today.</p></body></html>");
      assertThat(TestMail.flags(r)).as(link[1]).contains(RedFlag.LINK_TEXT_MISMATCH);
    }
  }
}
