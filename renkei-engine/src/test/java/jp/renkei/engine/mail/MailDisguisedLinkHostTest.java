package jp.renkei.engine.mail;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * A link whose host is written to hide where it leads (issue 19, mail19b): a bank's name before an
 * "@" that the browser drops, a host in percent-codes, an IP address in hexadecimal or octal. The
 * messages are written for this test; the links use documentation addresses (RFC 5737) and example
 * domains.
 */
class MailDisguisedLinkHostTest {

  private static MailReport analyze(String body, String contentType) {
    String eml =
        "From: \"Example Bank\" <service@mail.bank-example.com>\r\n"
            + "To: customer@example.org\r\n"
            + "Subject: Notice about your online banking\r\n"
            + "Content-Type: "
            + contentType
            + "; charset=US-ASCII\r\n\r\n"
            + body;
    return new MailAnalyzer()
        .analyze(new ByteArrayInputStream(eml.getBytes(StandardCharsets.US_ASCII)));
  }

  private static MailReport.Finding disguised(MailReport r) {
    return r.findings().stream()
        .filter(f -> f.flag() == RedFlag.DISGUISED_LINK_HOST)
        .findFirst()
        .orElseThrow(() -> new AssertionError("no DISGUISED_LINK_HOST in " + r.findings()));
  }

  @Test
  void aFamiliarDomainBeforeAnAtSignIsASign() {
    MailReport r =
        analyze(
            "Dear customer,\r\n\r\nWe have updated our terms. Please review them at\r\n"
                + "http://www.bank-example.com@198.51.100.23/terms/\r\n\r\nExample Bank\r\n",
            "text/plain");
    MailReport.Finding f = disguised(r);
    assertThat(f.evidence())
        .isEqualTo(
            "http://www.bank-example.com@198.51.100.23/terms/ (shows www.bank-example.com, leads"
                + " to 198.51.100.23)");
    assertThat(f.evidence(false)).endsWith("(見た目は www.bank-example.com、実際の行き先は 198.51.100.23)");
    assertThat(r.verdict()).isNotEqualTo(MailReport.Verdict.CLEAN);
  }

  @Test
  void aHostInPercentCodesIsASignAndIsShownDecoded() {
    MailReport r =
        analyze(
            "<html><body><p>Our statement for November is ready.</p>"
                + "<p><a href=\"http://%77%77%77.statement-view.example/nov/\">View statement</a>"
                + "</p></body></html>\r\n",
            "text/html");
    assertThat(disguised(r).evidence())
        .endsWith("(host in percent-codes: www.statement-view.example)");
    assertThat(r.verdict()).isNotEqualTo(MailReport.Verdict.CLEAN);
  }

  @Test
  void anAddressInHexadecimalOrOctalIsReadAsTheBrowserReadsIt() {
    MailReport r =
        analyze(
            "Your card has been renewed. Details:\r\nhttp://0xcb.0x0.0x71.0x09/card/\r\n",
            "text/plain");
    assertThat(disguised(r).evidence())
        .isEqualTo(
            "http://0xcb.0x0.0x71.0x09/card/ (IP address 203.0.113.9 written as 0xcb.0x0.0x71.0x09)");
    assertThat(MailLinkHosts.numericAddress("0313.0.0161.011")).isEqualTo("203.0.113.9");
    assertThat(MailLinkHosts.numericAddress("203.7369")).isEqualTo("203.0.28.201");
    assertThat(MailLinkHosts.numericAddress("0xcb007109")).isEqualTo("203.0.113.9");
  }

  @Test
  void plainLinksAreNotDisguised() {
    for (String url :
        new String[] {
          "https://www.bank-example.com/terms/",
          "http://198.51.100.23/terms/", // an IP address link is SUSPICIOUS_LINK, not this sign
          "http://3325256713/", // a bare decimal address likewise
          "https://www.bank-example.com/search?q=a%40b.example",
          "https://www.bank-example.com/go/user@example.org",
          "mailto:service@bank-example.com",
          "ftp://anonymous@ftp.example.org/pub/",
          "https://user:secret@intranet/", // a user name, not a domain
          "http://www.bank-example.com:8080/",
          "https://2001.example/" // a name that starts with digits
        }) {
      assertThat(MailLinkHosts.disguise(url)).as(url).isNull();
    }
  }

  @Test
  void badHostsAreNotAddressesAndDoNotThrow() {
    for (String host : new String[] {"", "08.1.2.3", "256.1.2.3x", "1.2.3.4.5", "0x", "999.1.1"}) {
      assertThat(MailLinkHosts.numericAddress(host)).as(host).isNull();
    }
    assertThat(MailLinkHosts.numericAddress("1.2.3.4")).isNull(); // plain, counted elsewhere
    assertThat(MailLinkHosts.disguise("http://%zz%4")).isNull();
    assertThat(MailLinkHosts.disguise("http://@")).isNull();
    assertThat(MailLinkHosts.decode("%4")).isEqualTo("%4");
  }
}
