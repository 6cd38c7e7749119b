package jp.renkei.server.mail;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Locale;
import java.util.Map;
import jp.renkei.server.directory.DirectoryService;
import jp.renkei.server.directory.Organisation;
import jp.renkei.server.directory.Role;
import jp.renkei.server.directory.UserAccount;
import jp.renkei.server.support.Fixtures;
import jp.renkei.server.support.Http;
import jp.renkei.server.support.ServerTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * ux42's browser walk, as an organisation admin setting its identity for the first time and an
 * analyst reading a mail report, in Japanese and English: the form says what each value is for and
 * what is missed without IP ranges; a single server's address is taken, a bad range or domain is
 * said in the page's language with an example (not the observable parser's English); the mail
 * report says whether the organisation's ranges decided a receiver's contradicted boundary relay,
 * or were not set, without naming them; an attachment without a name reads 「(名前なし)」.
 */
class OwnNetworkPagesSayIT extends ServerTest {

  private static final String PAGE = "/admin/own-organisation";

  @Autowired DirectoryService directory;
  @Autowired MemberOrganisations members;

  Organisation receiver;
  String domain;

  @BeforeEach
  void anOrganisation() {
    receiver = fixtures.operator("water");
    domain = "minato-" + receiver.code().toLowerCase(Locale.ROOT) + ".jp";
    members.forget();
  }

  private Http signedIn(UserAccount u, String lang) {
    Http h = http();
    assertThat(h.signIn(u.login(), Fixtures.PASSWORD).statusCode()).isEqualTo(302);
    h.postForm("/", "/settings/language", Map.of("lang", lang, "back", "/"));
    return h;
  }

  @Test
  void theIdentityFormSaysWhatTheRangesAreForAndRefusesInThePagesLanguage() {
    Http admin = signedIn(fixtures.user(receiver, Role.ORG_ADMIN), "ja");
    String form = admin.get(PAGE).body();
    // red on main: one line, "removed when a CEPTOAR anonymises", nothing on the mail analysis
    assertThat(form)
        .contains("識別情報 (匿名化とメール分析に使います)")
        .contains("id=\"ipRanges-help\"", "境界のサーバー", "192.0.2.0/24")
        .contains("id=\"ipRanges-none\"", "未設定のとき")
        .contains("aria-describedby=\"ipRanges-help ipRanges-none\"")
        .contains("id=\"aliases-help\"", "id=\"domains-help\"");

    HttpResponse<String> refused =
        admin.postForm(
            PAGE,
            PAGE + "/identity",
            Map.of(
                "aliases",
                "",
                "domains",
                "https://www." + domain + "/",
                "ipRanges",
                "203.0.113.5\n198.51.100.0/33"));
    assertThat(refused.statusCode()).isEqualTo(200);
    // red on main: 観測値 (cidr) 「203.0.113.5」が正しくありません: missing '/prefix'
    assertThat(refused.body())
        .contains("id=\"error-summary\"")
        .contains("「198.51.100.0/33」は IP アドレス範囲として読めません")
        .contains("「https://www." + domain + "/」はドメイン名として読めません")
        .doesNotContain("「203.0.113.5」は", "観測値", "missing", "prefix must", "labels must");

    HttpResponse<String> saved =
        admin.postForm(
            PAGE,
            PAGE + "/identity",
            Map.of(
                "aliases",
                "",
                "domains",
                domain,
                "ipRanges",
                "203.0.113.5\n192.0.2.0/24\n2001:DB8:10::25\n2001:db8:20::/48"));
    assertThat(saved.statusCode()).as(saved.body()).isEqualTo(302);
    // IPv6 as IPv4 since session 41 (the redactor honours IPv6 ranges)
    assertThat(directory.identity(receiver.id()).ipRanges())
        .containsExactlyInAnyOrder(
            "203.0.113.5/32", "192.0.2.0/24", "2001:db8:10::25/128", "2001:db8:20::/48");

    Http en = signedIn(fixtures.user(receiver, Role.ORG_ADMIN), "en");
    assertThat(en.get(PAGE).body())
        .contains("Identity (used for anonymisation and mail analysis)", "boundary servers")
        .contains("Without them the mail analysis cannot tell");
    String enRefused =
        en.postForm(
                PAGE,
                PAGE + "/identity",
                Map.of("aliases", "", "domains", domain, "ipRanges", "192.0.2.0/40"))
            .body();
    assertThat(enRefused)
        .contains("&quot;192.0.2.0/40&quot; is not an IP range")
        .doesNotContain("Observable", "must be 0 to", "??");
  }

  /** The receiver's only server checks DKIM only; its peer greeted with a name of the domain. */
  private byte[] forgedBoundary() {
    String html =
        "<p>Thank you for your order. It will be shipped within two days.</p>"
            + "<p><a href=\"https://www.shop.example.com/orders\">Your orders</a></p>";
    return (OwnBoundaryRangesIT.forgedBoundaryHeaders(domain, "203.0.113.9")
            + "Content-Type: multipart/mixed; boundary=\"B\"\r\n\r\n"
            + "--B\r\nContent-Type: text/html; charset=UTF-8\r\n"
            + "Content-Transfer-Encoding: base64\r\n\r\n"
            + Base64.getMimeEncoder().encodeToString(html.getBytes(StandardCharsets.UTF_8))
            + "\r\n--B\r\nContent-Type: application/octet-stream\r\n"
            + "Content-Transfer-Encoding: base64\r\n\r\n"
            + Base64.getEncoder().encodeToString("order details".getBytes(StandardCharsets.UTF_8))
            + "\r\n--B--\r\n")
        .getBytes(StandardCharsets.UTF_8);
  }

  private static String report(String page) {
    return page.substring(page.indexOf("id=\"mail-report\""), page.indexOf("id=\"stix\""));
  }

  @Test
  void theMailReportSaysWhetherTheOrganisationsRangesDecidedTheBoundary() {
    UserAccount analyst = fixtures.user(receiver, Role.ANALYST);
    Http ja = signedIn(analyst, "ja");
    String unset =
        report(ja.upload("/mail", "/mail", "message", "order.eml", forgedBoundary()).body());
    // red on main: nothing said; the forged passes read as the receiver's
    assertThat(unset)
        .contains("id=\"own-network-note\"", "自組織のネットワークによる受信経路の確認")
        .contains("IP アドレス範囲が設定されていないため", "203.0.113.9")
        .contains("<code>(名前なし)</code>")
        .doesNotContain("(no name)");

    Http admin = signedIn(fixtures.user(receiver, Role.ORG_ADMIN), "ja");
    assertThat(
            admin
                .postForm(
                    PAGE,
                    PAGE + "/identity",
                    Map.of("aliases", "", "domains", domain, "ipRanges", "192.0.2.0/24"))
                .statusCode())
        .isEqualTo(302);

    String outside =
        report(ja.upload("/mail", "/mail", "message", "order.eml", forgedBoundary()).body());
    assertThat(outside)
        .contains("自組織の IP アドレス範囲で受信経路を確かめました", "範囲外のアドレス")
        .contains("vps.hosting.example.net [203.0.113.9]")
        .as("the report names no range")
        .doesNotContain("192.0.2.0");

    String en =
        report(
            signedIn(analyst, "en")
                .upload("/mail", "/mail", "message", "order.eml", forgedBoundary())
                .body());
    assertThat(en)
        .contains("Route checked against the organisation&#39;s own network")
        .contains("outside the ranges", "<code>(no name)</code>")
        .doesNotContain("192.0.2.0", "??", "自組織");
  }

  /**
   * A lure a list relayed: the From is the list's, so the sender's search link looks up the list;
   * the Reply-To, where the lure wants the answers, names the author's domain and has its own.
   */
  @Test
  void theReplyToDomainHasASearchLinkWhereItIsNotTheSenders() {
    byte[] relayed =
        ("From: =?UTF-8?B?"
                + Base64.getEncoder()
                    .encodeToString("メルカリ via Dev".getBytes(StandardCharsets.UTF_8))
                + "?= <dev@lists.example.org>\r\nReply-To: advice@kenlp.example\r\n"
                + "To: dev@lists.example.org\r\nList-Id: <dev.lists.example.org>\r\n"
                + "List-Post: <mailto:dev@lists.example.org>\r\nSubject: account\r\n"
                + "MIME-Version: 1.0\r\nContent-Type: text/plain; charset=UTF-8\r\n\r\n"
                + "Please sign in.\r\n")
            .getBytes(StandardCharsets.UTF_8);
    Http ja = signedIn(fixtures.user(receiver, Role.ANALYST), "ja");
    String page = report(ja.upload("/mail", "/mail", "message", "relayed.eml", relayed).body());
    // red on main: the Reply-To row had the address only
    assertThat(page)
        .contains("id=\"search-reply-to-domain\" href=\"/search?q=kenlp.example\"")
        .contains("このハブで kenlp.example を検索");
    byte[] own =
        ("From: Shop <orders@shop.example.com>\r\nReply-To: help@shop.example.com\r\n"
                + "To: a@example.jp\r\nSubject: order\r\nMIME-Version: 1.0\r\n"
                + "Content-Type: text/plain; charset=UTF-8\r\n\r\nThanks.\r\n")
            .getBytes(StandardCharsets.UTF_8);
    assertThat(report(ja.upload("/mail", "/mail", "message", "own.eml", own).body()))
        .contains("id=\"reply-to\"")
        .doesNotContain("search-reply-to-domain");
  }
}
