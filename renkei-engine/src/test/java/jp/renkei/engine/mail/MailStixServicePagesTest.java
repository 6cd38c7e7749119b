package jp.renkei.engine.mail;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import jp.renkei.engine.match.IndicatorIndex;
import jp.renkei.engine.policy.Tlp;
import jp.renkei.engine.redact.Redactor;
import jp.renkei.engine.stix.StixIndicators;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * A kit on a brand's service anyone can put a page on (sites.google.com/view/..., a published
 * Google form, a forms.gle short form) got no indicator at all: its host is the brand's
 * (attackshare33). Now its page is a {@code url} indicator — scheme, host and path, no query — so a
 * receiver blocks that page and not Google, and {@code renkei match} finds it in a proxy log; the
 * service's host is never a domain indicator, and a brand's own page (the decoy) gets none.
 */
class MailStixServicePagesTest {

  private static final Redactor BANK = SakuraBank.REDACTOR;

  private static final String LURE =
      "From: \"Microsoft 365\" <no-reply@m365-notice.example>\r\n"
          + "To: tanaka@sakura-bank.co.jp\r\n"
          + "Subject: パスワードの有効期限\r\nMIME-Version: 1.0\r\n"
          + "Content-Type: text/html; charset=UTF-8\r\n\r\n"
          + "<p>パスワードの有効期限が切れます。至急ログインしてください。</p>"
          + "<p><a href=\"https://sites.google.com/view/m365-renew-kit/home?u=tanaka\">ログイン</a></p>"
          + "<p><a href=\"https://docs.google.com/forms/d/e/1FAIpQLSfKitForm01/viewform?usp=sf_link\">"
          + "フォーム</a></p>"
          + "<p><a href=\"https://forms.gle/AbCdEfKit123\">確認</a></p>"
          + "<p><a href=\"https://sites.google.com/view/tanaka\">個人ページ</a></p>"
          + "<p><a href=\"https://www.microsoft.com/ja-jp/servicesagreement\">利用規約</a></p>\r\n";

  private static List<String> patterns(JsonNode bundle) {
    List<String> out = new ArrayList<>();
    for (JsonNode o : bundle.path("objects")) {
      if ("indicator".equals(o.path("type").asString(""))) {
        out.add(o.path("pattern").asString(""));
      }
    }
    return out;
  }

  private static List<JsonNode> bundles() {
    MailReport r =
        new MailAnalyzer().analyze(new ByteArrayInputStream(LURE.getBytes(StandardCharsets.UTF_8)));
    assertThat(r.verdict()).isNotEqualTo(MailReport.Verdict.CLEAN);
    MailReport shared = MailRedaction.apply(r, BANK).shared();
    return List.of(
        MailStix.bundle(r, Tlp.AMBER, Instant.now(), true),
        MailStix.bundle(shared, Tlp.AMBER, Instant.now(), false));
  }

  @Test
  void aKitsPageOnABrandsServiceIsAUrlIndicatorAndTheServiceIsNone() {
    for (JsonNode bundle : bundles()) {
      List<String> p = patterns(bundle);
      assertThat(p)
          .contains(
              "[url:value = 'https://sites.google.com/view/m365-renew-kit/home']",
              "[url:value = 'https://docs.google.com/forms/d/e/1FAIpQLSfKitForm01/viewform']",
              "[url:value = 'https://forms.gle/AbCdEfKit123']");
      assertThat(p)
          .noneMatch(x -> x.startsWith("[domain-name:value = 'sites.google.com"))
          .noneMatch(x -> x.startsWith("[domain-name:value = 'docs.google.com"))
          .noneMatch(x -> x.startsWith("[domain-name:value = 'forms.gle"))
          .noneMatch(x -> x.contains("microsoft.com"))
          .noneMatch(x -> x.contains("usp=") || x.contains("?u="));
    }
  }

  @Test
  void aPageWhosePathNamedTheVictimIsNoIndicatorInTheShare() {
    List<String> shared = patterns(bundles().get(1));
    assertThat(shared).noneMatch(x -> x.contains("tanaka") || x.contains("redacted"));
  }

  @Test
  void matchingFindsThePageAndNotTheRestOfTheService() {
    JsonNode bundle = bundles().get(1);
    IndicatorIndex.Builder b = IndicatorIndex.builder(16);
    StixIndicators.read(
        new ByteArrayInputStream(bundle.toString().getBytes(StandardCharsets.UTF_8)),
        b,
        Instant.now());
    IndicatorIndex idx = b.build();
    assertThat(idx.matchUrl("https://sites.google.com/view/m365-renew-kit/home")).isNotNegative();
    assertThat(idx.matchUrl("https://sites.google.com/view/m365-renew-kit/home/")).isNotNegative();
    assertThat(idx.matchUrl("https://docs.google.com/forms/d/e/1FAIpQLSfKitForm01/viewform"))
        .isNotNegative();
    assertThat(idx.matchUrl("https://sites.google.com/view/another-site/home")).isNegative();
    assertThat(idx.matchUrl("https://docs.google.com/forms/d/e/SomeoneElse/viewform")).isNegative();
    byte[] host = "sites.google.com".getBytes(StandardCharsets.US_ASCII);
    assertThat(idx.matchDomain(host, 0, host.length)).isNegative();
  }
}
