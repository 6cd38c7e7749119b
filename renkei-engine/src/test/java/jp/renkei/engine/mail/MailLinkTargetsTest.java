package jp.renkei.engine.mail;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import jp.renkei.engine.policy.Tlp;
import jp.renkei.engine.stix.StixValidator;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** share38: wrapped links read to the target they write, and shares that name it. */
class MailLinkTargetsTest {

  @Test
  void readsTheTargetsWrappersWriteIntoTheLink() {
    assertThat(
            MailLinkTargets.target(
                "https://n2k0prlj.r.us-east-1.awstrack.me/L0/https:%2F%2Fkit.example.com.br%2Favis"
                    + "/1/0100018b69130900-ec71f343-000000/qZZGdxkBzSa4gJFwtZC7Qr_eLSs=345"))
        .isEqualTo("https://kit.example.com.br/avis");
    assertThat(
            MailLinkTargets.target(
                "https://clicktime.symantec.com/39e8TeBHakB1?u=http%3A%2F%2Fwww.kit.example%2F"))
        .isEqualTo("http://www.kit.example/");
    assertThat(
            MailLinkTargets.target(
                "https://apc01.safelinks.protection.outlook.com/?url=https%3A%2F%2Fkit.example%2Fa"
                    + "&data=05%7C01&reserved=0"))
        .isEqualTo("https://kit.example/a");
    assertThat(
            MailLinkTargets.target(
                "https://linkprotect.cudasvc.com/url?a=https%3a%2f%2fkit.example%2fx&c=E,1,abc"))
        .isEqualTo("https://kit.example/x");
    assertThat(
            MailLinkTargets.target(
                "https://secure-web.cisco.com/1AbCdEf/https%3A%2F%2Fkit.example%2Flogin"))
        .isEqualTo("https://kit.example/login");
    assertThat(
            MailLinkTargets.target(
                "https://eu-central-1.protection.sophos.com/?d=kit.example&u=aHR0cHM6Ly9raXQuZXhhbXBsZS9w"
                    + "&i=x"))
        .isEqualTo("https://kit.example/p");
    // a Safe Links wrapper around an awstrack.me link: both are read
    assertThat(
            MailLinkTargets.target(
                "https://nam02.safelinks.protection.outlook.com/?url=https%3A%2F%2Fa1.r.us-east-1"
                    + ".awstrack.me%2FL0%2Fhttps%3A%252F%252Fkit.example%252Fz%2F1%2F01%2Fx%3D1"))
        .isEqualTo("https://kit.example/z");
    assertThat(
            MailLinkTargets.wrapper(
                "https://n2k0prlj.r.us-east-1.awstrack.me/L0/https:%2F%2Fkit.example/1/01/x=1"))
        .isEqualTo("awstrack.me");
  }

  @Test
  void aLinkThatWritesNoReadableTargetHasNone() {
    // the open pixel, a tracker that keeps the target, a ClickTime link to no web address
    assertThat(MailLinkTargets.target("https://v8.r.us-east-1.awstrack.me/I0/0100/eLxC=302"))
        .isNull();
    assertThat(MailLinkTargets.target("https://u5624062.ct.sendgrid.net/ls/click?upn=abc"))
        .isNull();
    assertThat(MailLinkTargets.target("https://clicktime.symantec.com/3BC?u=0x3E.0004/cl/1"))
        .isNull();
    assertThat(MailLinkTargets.target("https://a.r.us-east-1.awstrack.me/L0/javascript:x/1/2"))
        .isNull();
    assertThat(MailLinkTargets.target("https://kit.example/login")).isNull();
    assertThat(MailLinkTargets.target(null)).isNull();
    assertThat(MailLinkTargets.target("https://clicktime.symantec.com/x?u=" + "a".repeat(9000)))
        .isNull();
  }

  /**
   * A lure whose links go through Amazon SES's tracker: the share names the kit's address, not
   * awstrack.me's, and says which service wrapped it; the brand's real pages it copied are no
   * objects; the brand is an identity.
   */
  @Test
  void aShareNamesTheTargetOfATrackedLinkAndNotTheTracker() {
    String eml =
        "From: \"PayPal\" <service@paypa1-notice.example>\r\nTo: a@b.example\r\n"
            + "Subject: Your account has been limited\r\nMIME-Version: 1.0\r\n"
            + "Content-Type: text/html; charset=UTF-8\r\n\r\n"
            + "<p>We noticed unusual activity. Your PayPal account has been limited. Verify your"
            + " account within 24 hours or it will be suspended.</p>"
            + "<p><a href=\"https://n2k0prlj.r.us-east-1.awstrack.me/L0/https:%2F%2Fpaypal-resolve"
            + ".kit.example%2Fsignin/1/0100018b-ec71f343/qZZG=345\">Log in to PayPal</a></p>"
            + "<p><img src=\"https://www.paypalobjects.com/logo.png\"> <a"
            + " href=\"https://www.paypal.com/us/webapps/mpp/ua/privacy-full\">Privacy</a></p>\r\n";
    MailReport r =
        new MailAnalyzer().analyze(new ByteArrayInputStream(eml.getBytes(StandardCharsets.UTF_8)));
    assertThat(r.verdict()).isNotEqualTo(MailReport.Verdict.CLEAN);
    ObjectNode bundle = MailStix.bundle(r, Tlp.AMBER, Instant.parse("2026-12-05T00:00:00Z"), false);
    StixValidator v = new StixValidator();
    List<String> urls = new ArrayList<>();
    List<String> domains = new ArrayList<>();
    List<String> patterns = new ArrayList<>();
    List<String> brands = new ArrayList<>();
    for (JsonNode o : bundle.path("objects")) {
      assertThat(v.validate(o)).as(o.toString()).isEmpty();
      switch (o.path("type").asString("")) {
        case "url" -> {
          urls.add(o.path("value").asString());
          if (o.path("value").asString().contains("kit.example")) {
            assertThat(o.path(MailStix.WRAPPED_IN).asString()).isEqualTo("awstrack.me");
          }
        }
        case "domain-name" -> domains.add(o.path("value").asString());
        case "indicator" -> patterns.add(o.path("pattern").asString());
        case "identity" -> brands.add(o.path("name").asString());
        default -> {}
      }
    }
    assertThat(urls).containsExactly("https://paypal-resolve.kit.example/signin");
    assertThat(domains).containsExactly("paypal-resolve.kit.example");
    assertThat(patterns)
        .contains("[domain-name:value = 'paypal-resolve.kit.example']")
        .noneMatch(p -> p.contains("paypal.com") || p.contains("awstrack"));
    assertThat(brands).containsExactly("PayPal");
    assertThat(bundle.toString()).contains("www.paypal.com").contains("LEFT OUT");
  }
}
