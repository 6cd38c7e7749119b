package jp.renkei.engine.mail;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import jp.renkei.engine.policy.Tlp;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * ux39's walk: a callback lure whose only links were {@code mailto:} a Gmail address listed no
 * indicator for it (only the Reply-To row showed it). The free-mail mailbox a lure's mailto: links
 * write to is now in the report and, in the report's bundle and a shared copy's, an {@code
 * email-addr} with an indicator; a company's own {@code mailto:support@…} and a recipient's own
 * address are neither, and nothing judged changes.
 */
class MailContactAddressesTest {

  private static final String LURE =
      "From: \"Microsoft account team\" <no-reply@access-accsecurity.example>\r\n"
          + "To: tanaka@sakura-bank.co.jp\r\n"
          + "Subject: Microsoft account unusual sign-in activity\r\nMIME-Version: 1.0\r\n"
          + "Content-Type: text/html; charset=UTF-8\r\n\r\n"
          + "<p>We detected unusual sign-in activity. Verify your account now or it will be"
          + " suspended within 24 hours.</p>"
          + "<p><a href=\"mailto:SolutionTeam02@Gmail.com?&amp;cc=solutionteam02@gmail.com"
          + "&amp;subject=unusual\">Report the user</a></p>"
          + "<p><a href=\"mailto:solutionteam02%40gmail.com?subject=verify\">Verify</a></p>"
          + "<p><a href=\"mailto:support@microsoft.com\">Support</a>"
          + " <a href=\"mailto:tanaka@sakura-bank.co.jp\">you</a></p>\r\n";

  private static MailReport report(String eml) {
    return new MailAnalyzer()
        .analyze(new ByteArrayInputStream(eml.getBytes(StandardCharsets.UTF_8)));
  }

  private static List<String> of(JsonNode bundle, String type, String field) {
    List<String> out = new ArrayList<>();
    for (JsonNode o : bundle.path("objects")) {
      if (type.equals(o.path("type").asString(""))) {
        out.add(o.path(field).asString(""));
      }
    }
    return out;
  }

  @Test
  void aFreeMailMailboxTheLinksWriteToIsAnIndicatorAndNothingElseIs() {
    MailReport r = report(LURE);
    assertThat(r.verdict()).isNotEqualTo(MailReport.Verdict.CLEAN);
    assertThat(r.contactAddresses()).containsExactly("solutionteam02@gmail.com");
    MailReport shared = MailRedaction.apply(r, SakuraBank.REDACTOR).shared();
    assertThat(shared.contactAddresses()).containsExactly("solutionteam02@gmail.com");
    for (JsonNode b :
        List.of(
            MailStix.bundle(r, Tlp.AMBER, Instant.now(), true),
            MailStix.bundle(shared, Tlp.AMBER, Instant.now(), false))) {
      assertThat(of(b, "indicator", "pattern"))
          .contains("[email-addr:value = 'solutionteam02@gmail.com']")
          .noneMatch(p -> p.contains("microsoft.com") || p.contains("sakura-bank"));
      assertThat(of(b, "email-addr", "value"))
          .contains("solutionteam02@gmail.com")
          .doesNotContain("support@microsoft.com");
    }
  }

  @Test
  void theAddressesChangeNoSign() {
    MailReport r = report(LURE);
    // the same anchors pointing nowhere: the signs read the same, the address is not kept
    MailReport without = report(LURE.replace("href=\"mailto:", "href=\"#mailto-"));
    assertThat(without.contactAddresses()).isEmpty();
    assertThat(r.score()).isEqualTo(without.score());
    assertThat(r.findings()).isEqualTo(without.findings());
  }

  @Test
  void aCleanMessagesFreeMailContactIsAnObjectButNoIndicator() {
    MailReport r =
        report(
            "From: Yamada <yamada@kashiwa-kogyo.co.jp>\r\nTo: sato@sakura-bank.co.jp\r\n"
                + "Subject: 来週の打ち合わせ\r\nMIME-Version: 1.0\r\n"
                + "Content-Type: text/html; charset=UTF-8\r\n\r\n"
                + "<p>来週の打ち合わせの件、よろしくお願いします。私用は"
                + " <a href=\"mailto:yamada.taro@gmail.com\">こちら</a> まで。</p>\r\n");
    assertThat(r.verdict()).isEqualTo(MailReport.Verdict.CLEAN);
    assertThat(r.contactAddresses()).containsExactly("yamada.taro@gmail.com");
    JsonNode b = MailStix.bundle(r, Tlp.AMBER, Instant.now(), true);
    assertThat(of(b, "indicator", "pattern")).isEmpty();
  }
}
