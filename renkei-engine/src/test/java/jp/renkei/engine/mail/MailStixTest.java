package jp.renkei.engine.mail;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import jp.renkei.engine.policy.Tlp;
import jp.renkei.engine.redact.Identity;
import jp.renkei.engine.redact.Redactor;
import jp.renkei.engine.stix.StixConformance;
import jp.renkei.engine.stix.StixValidator;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

class MailStixTest {

  @Test
  void aMaliciousMailBecomesAValidBundleWithIndicators() {
    String eml =
        MailAnalyzerTest.withAttachment(
                MailAnalyzerTest.rfc2231("報告書.pdf.exe"), MailAnalyzerTest.EXE)
            .replace(
                "Content-Type: text/plain; charset=UTF-8\r\nContent-Transfer-Encoding: base64\r\n\r\n"
                    + MailAnalyzerTest.b64("ご確認ください。".getBytes(StandardCharsets.UTF_8)),
                "Content-Type: text/plain; charset=UTF-8\r\n\r\nhxxp://dl[.]pension-info[.]example/x");
    MailReport r =
        new MailAnalyzer().analyze(new ByteArrayInputStream(eml.getBytes(StandardCharsets.UTF_8)));
    ObjectNode bundle = MailStix.bundle(r, Tlp.AMBER, Instant.parse("2026-11-22T00:00:00Z"), false);
    StixValidator v = new StixValidator();
    List<String> types = new ArrayList<>();
    for (JsonNode o : bundle.path("objects")) {
      assertThat(v.validate(o)).as(o.toString()).isEmpty();
      types.add(o.path("type").asString());
    }
    assertThat(types)
        .contains(
            "email-message", "email-addr", "ipv4-addr", "url", "domain-name", "file", "indicator");
    assertThat(bundle.toString())
        .contains("[email-addr:value = 'jimu@pension-info.example']")
        .contains("[domain-name:value = 'dl.pension-info.example']")
        .contains("[file:hashes.'SHA-256' = '")
        .doesNotContain("soumu@sakura-bank.co.jp");
    assertThat(MailStix.internal("10.20.30.40")).isTrue();
    assertThat(MailStix.internal("100.64.1.1")).isTrue();
    assertThat(MailStix.internal("fd00::1")).isTrue();
    assertThat(MailStix.internal("203.0.113.45")).isFalse();
    assertThat(MailStix.bundle(r, Tlp.AMBER, Instant.now(), true).toString())
        .contains("soumu@sakura-bank.co.jp");
  }

  /**
   * What real phishing carries — a sender that is only a display name, links with spaces, an
   * internationalised host, a template placeholder, a bare host name — becomes a bundle a strict
   * peer accepts: 151 of 500 real messages (phish-pot and SpamAssassin) gave bundles the OASIS
   * stix2-validator refused before.
   */
  @Test
  void oddSendersAndLinksGiveABundlePeersAccept() {
    String eml =
        "From: microsoft account team\r\n"
            + "To: undisclosed, soumu@sakura-bank.co.jp\r\n"
            + "Subject: unusual sign-in activity\r\n"
            + "Date: Tue, 1 Dec 2026 10:00:00 +0900\r\n"
            + "MIME-Version: 1.0\r\n"
            + "Content-Type: text/html; charset=UTF-8\r\n\r\n"
            + "<p>Verify your account now: <a href=\"https://例え.jp/ログイン?id=a b\">sign in</a>"
            + " <a href=\"http://evil.example/x\n      title=\">x</a>"
            + " <a href=\"{UNSUB}\">unsubscribe</a> <a href=\"www.evil.example/\">y</a>"
            + " <a href=\"https://evil.example/a|b%zz\">z</a></p>\r\n";
    MailReport r =
        new MailAnalyzer().analyze(new ByteArrayInputStream(eml.getBytes(StandardCharsets.UTF_8)));
    ObjectNode bundle = MailStix.bundle(r, Tlp.AMBER, Instant.parse("2026-12-01T00:00:00Z"), true);
    assertThat(StixConformance.problems(bundle)).isEmpty();
    StixValidator v = new StixValidator();
    for (JsonNode o : bundle.path("objects")) {
      assertThat(v.validate(o)).as(o.toString()).isEmpty();
    }
    assertThat(bundle.path("objects").get(0).has("from_ref")).isFalse();
    assertThat(bundle.toString())
        .doesNotContain("microsoft account team\",\"")
        .contains("https://xn--r8jz45g.jp/")
        .contains("soumu@sakura-bank.co.jp");
  }

  /** Every message of the test corpus, shared or kept, gives values a strict peer accepts. */
  @Test
  void everyCorpusMessageGivesValuesPeersAccept() {
    MailAnalyzer analyzer = new MailAnalyzer();
    List<String> problems = new ArrayList<>();
    for (MailCorpus.Sample s : MailCorpus.all()) {
      MailReport r = analyzer.analyze(new ByteArrayInputStream(s.eml()));
      for (boolean recipients : new boolean[] {true, false}) {
        StixConformance.problems(MailStix.bundle(r, Tlp.GREEN, Instant.EPOCH, recipients))
            .forEach(p -> problems.add(s.name() + ": " + p));
      }
    }
    assertThat(problems).isEmpty();
  }

  @Test
  void aCallbackLureReachesTheSharedBundleWithItsNumberButNotTheOrganisationsOwn() {
    // what a C4TAP share carries: the report redacted for the receiving organisation, then STIX
    String eml =
        "From: Billing Team <billing.team7781@gmail.com>\r\nTo: soumu@sakura-bank.co.jp\r\n"
            + "Subject: Your order #55120 has been processed\r\nMIME-Version: 1.0\r\n"
            + "Content-Type: text/plain; charset=UTF-8\r\n\r\n"
            + "A payment of $389.99 has been charged for your renewal. If you did not authorize"
            + " it, call +1 (808) 555-0147 to cancel. Your branch line 03-5555-0100 cannot help.\r\n";
    MailReport r =
        new MailAnalyzer().analyze(new ByteArrayInputStream(eml.getBytes(StandardCharsets.UTF_8)));
    assertThat(r.findings()).anySatisfy(f -> assertThat(f.flag()).isEqualTo(RedFlag.CALLBACK_LURE));
    Redactor identity =
        new Redactor(
            new Identity(
                List.of("さくら架空銀行"),
                List.of("sakura-bank.co.jp"),
                List.of("soumu@sakura-bank.co.jp"),
                List.of(),
                List.of(),
                List.of(),
                List.of("+1 (808) 555-0147"),
                List.of()),
            Map.of());
    ObjectNode shared = sharedBundle(r, identity);
    JsonNode note = note(shared);
    assertThat(note.path("content").asString())
        .contains("CALLBACK_LURE")
        .contains(RedFlag.CALLBACK_LURE.ja())
        .contains(RedFlag.CALLBACK_LURE.en());
    assertThat(note.path("x_renkei_findings").toString()).contains("CALLBACK_LURE");
    // had the number been the organisation's own, it is redacted like any of its phones
    assertThat(shared.toString()).doesNotContain("555-0147").contains("suspected targeted mail");
    ObjectNode plain = MailStix.bundle(r, Tlp.AMBER, Instant.parse("2026-12-01T00:00:00Z"), false);
    assertThat(plain.toString()).contains("+1 (808) 555-0147");
  }

  /**
   * One indicator per pattern, and none on a newsletter tracker or a shortener (an indicator on
   * sendgrid.net or bit.ly would match everyone's mail). share38: nor are their links objects a
   * partner could block the service by; the note writes them out for the analysts.
   */
  @Test
  void indicatorsAreOncePerPatternAndNeverOnTrackersOrShorteners() {
    String eml =
        "From: \"PayPal\" <service@paypa1-secure.example>\r\nTo: a@b.example\r\n"
            + "Subject: Your account has been suspended\r\nMIME-Version: 1.0\r\n"
            + "Content-Type: text/html; charset=UTF-8\r\n\r\n"
            + "<p>Verify your account now: <a href=\"https://u123.ct.sendgrid.net/ls/click?x=1\">"
            + "https://www.paypal.com/verify</a> <a href=\"https://bit.ly/3xYz\">here</a>"
            + " <a href=\"https://paypa1-secure.example/login\">login</a></p>\r\n";
    MailReport r =
        new MailAnalyzer().analyze(new ByteArrayInputStream(eml.getBytes(StandardCharsets.UTF_8)));
    ObjectNode bundle = MailStix.bundle(r, Tlp.AMBER, Instant.parse("2026-12-01T00:00:00Z"), false);
    List<String> patterns = new ArrayList<>();
    List<String> urls = new ArrayList<>();
    for (JsonNode o : bundle.path("objects")) {
      if (o.path("type").asString().equals("indicator")) {
        patterns.add(o.path("pattern").asString());
      } else if (o.path("type").asString().equals("url")) {
        urls.add(o.path("value").asString());
      }
    }
    assertThat(r.verdict()).isNotEqualTo(MailReport.Verdict.CLEAN);
    assertThat(patterns)
        .doesNotHaveDuplicates()
        .contains("[domain-name:value = 'paypa1-secure.example']");
    assertThat(patterns).noneMatch(p -> p.contains("sendgrid") || p.contains("bit.ly"));
    assertThat(urls)
        .containsExactly("https://paypa1-secure.example/login")
        .noneMatch(u -> u.contains("bit.ly") || u.contains("sendgrid"));
    assertThat(bundle.toString())
        .contains("REDIRECTS: ")
        .contains("https://bit.ly/3xYz")
        .contains("https://u123.ct.sendgrid.net/ls/click?x=1");
  }

  /**
   * ux29: a lure a mailing list relayed was shared with the list server's address beside the
   * poster's, both bare. Each relay address now says what it is: the poster's server the origin on
   * record, the list server a relay; the note says it in words, and no address is an indicator.
   * attack31b: the list server's address is the analyst's to read (their own bundle marks it a
   * relay), but a shared copy leaves it out — it tells which lists the organisation reads.
   */
  @Test
  void aListsRelayIsMarkedApartFromTheLuresOrigin() {
    MailReport r =
        TestMail.analyzeBase64(
            MailListRelayTest.MAILMAN_HOPS
                + MailListRelayTest.MAILMAN_LIST
                + "From: IT Helpdesk <helpdesk@univ-example.edu>\r\n"
                + "To: dev@lists.radio-example.org\r\n"
                + "Subject: Mailbox quota exceeded: verify your account\r\n",
            "text/html",
            "<p>Your mailbox has exceeded its quota. Verify your account within 24 hours or it"
                + " will be suspended: enter your email password on the page below.</p>"
                + "<a href=\"https://quota-verify.duckdns.org/login\">Verify now</a>");
    assertThat(r.verdict()).isNotEqualTo(MailReport.Verdict.CLEAN);
    ObjectNode own = MailStix.bundle(r, Tlp.AMBER, Instant.parse("2026-12-01T00:00:00Z"), false);
    ObjectNode shared = sharedBundle(r, sakuraBank());
    assertThat(roles(own))
        .containsEntry("198.51.100.7", MailStix.ORIGIN)
        .containsEntry("192.0.2.10", MailStix.RELAY);
    assertThat(roles(shared))
        .containsEntry("198.51.100.7", MailStix.ORIGIN)
        .doesNotContainKey("192.0.2.10")
        .doesNotContainKey("127.0.0.1");
    assertThat(note(own).path("content").asString())
        .contains("a mailing list")
        .contains("192.0.2.10");
    String content = note(shared).path("content").asString();
    assertThat(content)
        .contains("origin (the earliest server on record) 198.51.100.7")
        .contains("送信元 (記録上最も古い中継) 198.51.100.7")
        .doesNotContain("192.0.2.10");
    for (JsonNode o : shared.path("objects")) {
      if (o.path("type").asString().equals("indicator")) {
        assertThat(o.path("pattern").asString()).doesNotContain("ipv4-addr");
      }
    }
  }

  private static Map<String, String> roles(ObjectNode bundle) {
    Map<String, String> roles = new java.util.HashMap<>();
    for (JsonNode o : bundle.path("objects")) {
      if (o.path("type").asString().equals("ipv4-addr")) {
        roles.put(o.path("value").asString(), o.path(MailStix.HOP_ROLE).asString());
      }
    }
    return roles;
  }

  /**
   * The STIX bundle a C4TAP share at AMBER makes of {@code r} for the organisation {@code identity}
   * redacts, every object of it valid against the STIX schemas.
   */
  static ObjectNode sharedBundle(MailReport r, jp.renkei.engine.redact.Redactor identity) {
    ObjectNode shared =
        MailStix.bundle(
            MailRedaction.apply(r, identity).shared(),
            Tlp.AMBER,
            Instant.parse("2026-12-01T00:00:00Z"),
            false);
    StixValidator v = new StixValidator();
    for (JsonNode o : shared.path("objects")) {
      assertThat(v.validate(o)).as(o.toString()).isEmpty();
    }
    return shared;
  }

  /** The receiving organisation of these tests (a fictional bank) as a share redacts it. */
  static Redactor sakuraBank() {
    return new Redactor(
        new Identity(
            List.of("さくら架空銀行"),
            List.of("sakura-bank.co.jp"),
            List.of("soumu@sakura-bank.co.jp"),
            List.of(),
            List.of(),
            List.of(),
            List.of(),
            List.of()),
        Map.of());
  }

  /**
   * The note of {@code r}'s share for {@link #sakuraBank()}: each of {@code flags} named and
   * explained in Japanese and English, and nothing of the bank's domain or address left anywhere.
   */
  static JsonNode explainsWithoutTheBank(MailReport r, List<RedFlag> flags) {
    ObjectNode shared = sharedBundle(r, sakuraBank());
    JsonNode note = note(shared);
    for (RedFlag f : flags) {
      assertThat(note.path("content").asString())
          .contains(f.name())
          .contains(f.ja())
          .contains(f.en());
      assertThat(note.path("x_renkei_findings").toString()).contains(f.name());
    }
    assertThat(shared.toString()).doesNotContain("sakura-bank.co.jp").doesNotContain("soumu@");
    return note;
  }

  /** The bundle's note (the analysis' findings in words), which it must have. */
  static JsonNode note(ObjectNode bundle) {
    JsonNode note = null;
    for (JsonNode o : bundle.path("objects")) {
      if (o.path("type").asString().equals("note")) {
        note = o;
      }
    }
    assertThat(note).isNotNull();
    return note;
  }
}
