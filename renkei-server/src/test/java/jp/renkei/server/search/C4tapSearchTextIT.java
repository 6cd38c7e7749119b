package jp.renkei.server.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import jp.renkei.server.directory.Role;
import jp.renkei.server.support.Fixtures;
import jp.renkei.server.support.Http;
import jp.renkei.server.support.ServerTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A C4TAP share is found by what came from its mail (subject, sender, link host, the words the
 * findings quote), not by the JSON keys of its bundle nor by the note's explanation of each red
 * flag, which is the same in every share with that flag (V293): a search for a word only those
 * explanations hold no longer lists every phishing share.
 */
class C4tapSearchTextIT extends ServerTest {

  @Autowired Fixtures fixtures;
  @Autowired JdbcClient jdbc;

  private Http api(jp.renkei.server.directory.UserAccount u) {
    return http().bearer(fixtures.token(u));
  }

  @Test
  void aShareIsFoundByItsMailNotByTheBundlesKeysOrTheFlagsExplanations() {
    String subject = SearchLeakIT.kanji(4);
    String host = "login-" + SearchLeakIT.ascii() + ".example-verify.top";
    byte[] mail =
        ("From: \"カード会社\" <info@card-notice.example>\r\nTo: <soumu@sakura-bank.example>\r\n"
                + "Subject: "
                + subject
                + " ご利用確認のお願い\r\nContent-Type: text/plain; charset=UTF-8\r\n\r\n"
                + "お客様のパスワードの有効期限が切れます。至急、本日中に以下から本人確認をしてください。\r\n"
                + "https://"
                + host
                + "/login?id=1\r\n")
            .getBytes(StandardCharsets.UTF_8);
    Http sender = api(fixtures.user("op-sakura-bank", Role.ANALYST));
    HttpResponse<String> made =
        sender.postBytes("/api/v1/c4tap?range=amber", "message/rfc822", mail);
    assertThat(made.statusCode()).as(made.body()).isLessThan(300);
    long share = SearchLeakIT.id(made, "id");
    sender.postJson("/api/v1/c4tap/" + share + "/send", "{}");
    String bundle =
        jdbc.sql("select bundle from c4tap_submission where id = ?")
            .param(share)
            .query(String.class)
            .single();
    // what the test relies on: the bundle holds the keys and the explanations
    assertThat(bundle).contains("spec_version", "ワンタイムコード", "CREDENTIAL_REQUEST");

    Http reader = api(fixtures.user("op-sakura-bank", Role.ANALYST));
    String id = "\"" + share + "\"";
    for (String q : java.util.List.of(subject, host, "info@card-notice.example", "カード会社")) {
      assertThat(SearchLeakIT.finds(reader, q, id)).as(q).isTrue();
    }
    // words the note's explanation of a flag holds, JSON keys and flag codes: not this share
    for (String q :
        java.util.List.of(
            "ワンタイムコード", "spec_version", "object_marking_refs", "credential_request", "クィッシング")) {
      assertThat(SearchLeakIT.finds(reader, q, id)).as(q).isFalse();
    }
  }

  /**
   * ux39's walk: a lure's subject broken by invisible characters (U+2061, U+2064 between the
   * letters, to get past filters) was shown on the search page with the characters hidden, while
   * the report, the preview and the share's page write each as [U+2061]; the search page writes
   * them out the same, in the hit's title and its snippet.
   */
  @Test
  void aSubjectBrokenByInvisibleCharactersReadsOnTheSearchPageAsOnTheSharesPage() {
    String word = SearchLeakIT.kanji(4);
    String host = "netbk-" + SearchLeakIT.ascii() + ".example-claims.top";
    String subject = "【重要】代表口座\u2061のご\u2064利用を停止" + word;
    byte[] mail =
        ("From: bank <info@notice.example>\r\nTo: <soumu@sakura-bank.example>\r\n"
                + "Subject: =?UTF-8?B?"
                + java.util.Base64.getEncoder()
                    .encodeToString(subject.getBytes(StandardCharsets.UTF_8))
                + "?=\r\nContent-Type: text/plain; charset=UTF-8\r\n\r\n"
                + "本人確認をしてください。 https://"
                + host
                + "/login\r\n")
            .getBytes(StandardCharsets.UTF_8);
    var analyst = fixtures.user("op-sakura-bank", Role.ANALYST);
    Http sender = api(analyst);
    HttpResponse<String> made =
        sender.postBytes("/api/v1/c4tap?range=amber", "message/rfc822", mail);
    assertThat(made.statusCode()).as(made.body()).isLessThan(300);
    long share = SearchLeakIT.id(made, "id");
    sender.postJson("/api/v1/c4tap/" + share + "/send", "{}");

    Http page = http();
    assertThat(page.signIn(analyst.login(), Fixtures.PASSWORD).statusCode()).isEqualTo(302);
    String body =
        page.get("/search?q=" + java.net.URLEncoder.encode(host, StandardCharsets.UTF_8)).body();
    assertThat(body)
        .contains("/c4tap/" + share)
        .contains("代表口座[U+2061]のご[U+2064]利用を停止" + word)
        .doesNotContain("\u2061", "\u2064");
  }

  @Test
  void aBundleThatIsNotAJsonObjectIsSearchedAsItsText() {
    assertThat(text("件名", "not json")).isEqualTo("件名 not json");
    assertThat(text("件名", "[1, 2]")).isEqualTo("件名 [1, 2]");
    assertThat(text("件名", "{\"objects\": 5}")).isEqualTo("件名 ");
    assertThat(text(null, null)).isEqualTo(" ");
    assertThat(
            text(
                "s",
                "{\"objects\":[{\"type\":\"file\",\"name\":\"a.pdf\",\"hashes\":{\"MD5\":\"m\","
                    + "\"SHA-256\":\"h\"}},7,{\"type\":\"note\",\"content\":\"説明\","
                    + "\"x_renkei_findings\":[{\"flag\":\"F\",\"evidence\":\"至急\"}]}]}"))
        .isEqualTo("s a.pdf m h 至急");
  }

  private String text(String subject, String bundle) {
    return jdbc.sql("select c4tap_search_text(?, ?)")
        .params(subject, bundle)
        .query(String.class)
        .single();
  }
}
