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

/**
 * share39: what a share must not publish as an observable or indicator — a documentation, local or
 * unfilled template's host — and one object for one target behind several wrappers.
 */
class MailSharePlaceholdersTest {

  private static final Instant NOW = Instant.parse("2026-12-05T00:00:00Z");

  @Test
  void namesThatAreNoPublicHostAreReserved() {
    for (String h :
        List.of(
            "example.com",
            "www.example.org",
            "EXAMPLE.NET.",
            "localhost",
            "app.localhost",
            "printer.local",
            "nas.home.arpa",
            "git.corp.internal",
            "url",
            "aka",
            "ma_124437_promotional_incentives",
            "urldefense.proof",
            "api.scheduler.teams.microsof",
            "skyfon-varna.eu-new",
            "127.0.0.1",
            "192.168.10.4",
            "10.0.0.1")) {
      assertThat(MailSharedHosts.reserved(h)).as(h).isTrue();
    }
    for (String h :
        List.of(
            "kit-verify.top",
            "login.example.com",
            "paypal-resolve.kit.example",
            "iapotopmotos.com.br",
            "riverschurch.org.za",
            "craffordit.co.za",
            "exemple.com",
            "xn--r8jz45g.jp",
            "kit.xn--q9jyb4c",
            "203.0.113.9",
            "[2001:db8::1]",
            "aka.ms")) {
      assertThat(MailSharedHosts.reserved(h)).as(h).isFalse();
    }
    assertThat(MailSharedHosts.reserved(null)).isFalse();
  }

  /**
   * A lure whose template left placeholders and documentation links (seen in phish-pot: an
   * awstrack.me link to http://example.com, links cut to https://aka): only the kit's host is an
   * observable and an indicator; the others are told in the note.
   */
  @Test
  void aShareMakesNoObservableOfAPlaceholderOrReservedName() {
    String eml =
        "From: \"Account Team\" <notice@kit-verify.top>\r\nTo: a@b.example\r\n"
            + "Subject: Your account has been limited\r\nMIME-Version: 1.0\r\n"
            + "Content-Type: text/html; charset=UTF-8\r\n\r\n"
            + "<p>We noticed unusual activity. Your account has been limited. Verify your"
            + " account within 24 hours or it will be suspended.</p>"
            + "<p><a href=\"https://kit-verify.top/login\">Verify now</a></p>"
            + "<p><a href=\"https://n2k0prlj.r.us-east-1.awstrack.me/L0/http:%2F%2Fexample.com"
            + "/1/0100018b-ec71f343/qZZG=345\">Help</a> <a href=\"https://www.example.org/\">"
            + "Terms</a> <a href=\"http://localhost:8080/track\">x</a> <a href=\"http://URL\">"
            + "Unsubscribe</a> <a href=\"http://{{link}}\">Privacy</a> <a href=\"https://aka\">"
            + "Teams</a> <a href=\"https://urldefense.proof\">Safe</a>"
            + " <a href=\"http://192.168.1.20/admin\">Admin</a></p>\r\n";
    MailReport r =
        new MailAnalyzer().analyze(new ByteArrayInputStream(eml.getBytes(StandardCharsets.UTF_8)));
    assertThat(r.verdict()).isNotEqualTo(MailReport.Verdict.CLEAN);
    ObjectNode bundle = MailStix.bundle(r, Tlp.AMBER, NOW, false);
    Kinds k = kinds(bundle);
    assertThat(k.urls).containsExactly("https://kit-verify.top/login");
    assertThat(k.domains).containsExactly("kit-verify.top");
    assertThat(k.patterns)
        .contains("[domain-name:value = 'kit-verify.top']")
        .noneMatch(
            p ->
                p.contains("example.")
                    || p.contains("localhost")
                    || p.contains("'url'")
                    || p.contains("aka")
                    || p.contains("proof")
                    || p.contains("192.168."));
    String note = note(bundle);
    assertThat(note)
        .contains("RESERVED:")
        .contains("example.com")
        .contains("www.example.org")
        .contains("localhost");
  }

  @Test
  void aSenderAtADocumentationDomainIsNoIndicator() {
    String eml =
        "From: \"Support\" <support@example.com>\r\nTo: a@b.example\r\n"
            + "Subject: Your account has been limited\r\nMIME-Version: 1.0\r\n"
            + "Content-Type: text/html; charset=UTF-8\r\n\r\n"
            + "<p>We noticed unusual activity. Your account has been limited. Verify your"
            + " account within 24 hours or it will be suspended.</p>"
            + "<p><a href=\"https://kit-verify.top/login\">Verify now</a></p>\r\n";
    MailReport r =
        new MailAnalyzer().analyze(new ByteArrayInputStream(eml.getBytes(StandardCharsets.UTF_8)));
    assertThat(r.verdict()).isNotEqualTo(MailReport.Verdict.CLEAN);
    Kinds k = kinds(MailStix.bundle(r, Tlp.AMBER, NOW, false));
    assertThat(k.patterns)
        .contains("[domain-name:value = 'kit-verify.top']")
        .noneMatch(p -> p.startsWith("[email-addr:"));
    // the message still says who it claimed to be from
    assertThat(k.addresses).containsExactly("support@example.com");
  }

  /**
   * The same kit page behind Safe Links, awstrack.me, ClickTime and Proofpoint v3 (its '&amp;'
   * starred): one url object naming the four wrappers, one domain, one indicator.
   */
  @Test
  void oneTargetBehindSeveralWrappersIsOneObjectNamingThemAll() {
    String target = "https://kit-verify.top/login?id=7&u=a";
    String eml =
        "From: \"Account Team\" <notice@kit-verify.top>\r\nTo: a@b.example\r\n"
            + "Subject: Your account has been limited\r\nMIME-Version: 1.0\r\n"
            + "Content-Type: text/html; charset=UTF-8\r\n\r\n"
            + "<p>We noticed unusual activity. Your account has been limited. Verify your"
            + " account within 24 hours or it will be suspended.</p><p>"
            + "<a href=\"https://apc01.safelinks.protection.outlook.com/?url=https%3A%2F%2F"
            + "kit-verify.top%2Flogin%3Fid%3D7%26u%3Da&amp;data=05%7C01&amp;reserved=0\">Verify</a>"
            + " <a href=\"https://n2k0prlj.r.us-east-1.awstrack.me/L0/https:%2F%2Fkit-verify.top"
            + "%2Flogin%3Fid=7%26u=a/1/0100018b-ec71f343/qZZG=345\">Verify</a>"
            + " <a href=\"https://clicktime.symantec.com/39e8T?u=https%3A%2F%2Fkit-verify.top"
            + "%2Flogin%3Fid%3D7%26u%3Da\">Verify</a>"
            + " <a href=\"https://urldefense.com/v3/__https://kit-verify.top/login?id=7*u=a__;Jg!!"
            + "AbCdEf!GhIj$\">Verify</a></p>\r\n";
    MailReport r =
        new MailAnalyzer().analyze(new ByteArrayInputStream(eml.getBytes(StandardCharsets.UTF_8)));
    assertThat(r.verdict()).isNotEqualTo(MailReport.Verdict.CLEAN);
    ObjectNode bundle = MailStix.bundle(r, Tlp.AMBER, NOW, false);
    Kinds k = kinds(bundle);
    assertThat(k.urls).containsExactly(target);
    assertThat(k.wrappedIn)
        .singleElement()
        .satisfies(
            w ->
                assertThat(List.of(w.split(", ")))
                    .containsExactlyInAnyOrder(
                        "outlook.com", "awstrack.me", "symantec.com", "urldefense.com"));
    assertThat(k.domains).containsExactly("kit-verify.top");
    assertThat(k.patterns.stream().filter(p -> p.startsWith("[domain-name:")))
        .containsExactly("[domain-name:value = 'kit-verify.top']");
  }

  @Test
  void proofpointV3StarsAreFilledFromTheirList() {
    assertThat(
            MailLinkTargets.target(
                "https://urldefense.com/v3/__https://kit-verify.top/login?id=7*u=a__;Jg!!AbC!xY$"))
        .isEqualTo("https://kit-verify.top/login?id=7&u=a");
    // "**B": a run of three from the list ("&=?")
    assertThat(
            MailLinkTargets.proofpointStars(
                "https://urldefense.com/v3/__https://k.top/a**B__;Jj0_!!x", "https://k.top/a**B"))
        .isEqualTo("https://k.top/a&=?");
    // a list that does not fit leaves the stars as written
    assertThat(
            MailLinkTargets.proofpointStars(
                "https://urldefense.com/v3/__https://k.top/a*b*__;Jg!!x", "https://k.top/a*b*"))
        .isEqualTo("https://k.top/a*b*");
    assertThat(
            MailLinkTargets.proofpointStars(
                "https://urldefense.com/v3/__https://k.top/a*__;%%%!!x", "https://k.top/a*"))
        .isEqualTo("https://k.top/a*");
  }

  private record Kinds(
      List<String> urls,
      List<String> wrappedIn,
      List<String> domains,
      List<String> addresses,
      List<String> patterns) {}

  private static Kinds kinds(ObjectNode bundle) {
    StixValidator v = new StixValidator();
    Kinds k =
        new Kinds(
            new ArrayList<>(),
            new ArrayList<>(),
            new ArrayList<>(),
            new ArrayList<>(),
            new ArrayList<>());
    for (JsonNode o : bundle.path("objects")) {
      assertThat(v.validate(o)).as(o.toString()).isEmpty();
      switch (o.path("type").asString("")) {
        case "url" -> {
          k.urls.add(o.path("value").asString());
          if (o.has(MailStix.WRAPPED_IN)) {
            k.wrappedIn.add(o.path(MailStix.WRAPPED_IN).asString());
          }
        }
        case "domain-name" -> k.domains.add(o.path("value").asString());
        case "email-addr" -> k.addresses.add(o.path("value").asString());
        case "indicator" -> k.patterns.add(o.path("pattern").asString());
        default -> {}
      }
    }
    return k;
  }

  private static String note(ObjectNode bundle) {
    for (JsonNode o : bundle.path("objects")) {
      if (o.path("type").asString("").equals("note")) {
        return o.toString();
      }
    }
    return "";
  }
}
