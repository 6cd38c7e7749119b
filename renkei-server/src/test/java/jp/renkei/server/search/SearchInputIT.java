package jp.renkei.server.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.Map;
import jp.renkei.server.directory.Role;
import jp.renkei.server.directory.UserAccount;
import jp.renkei.server.support.Fixtures;
import jp.renkei.server.support.Http;
import jp.renkei.server.support.ServerTest;
import org.junit.jupiter.api.Test;

/**
 * A search that cannot be run says why in the reader's language, with the limit and what was typed
 * (it said "検索語が不正です: longer than 200 characters" on the Japanese page), and an unknown kind names
 * every kind there is.
 */
class SearchInputIT extends ServerTest {

  @org.springframework.beans.factory.annotation.Autowired jp.renkei.server.intel.IntelService intel;

  private Http signedIn(UserAccount u, String lang) {
    Http h = http();
    assertThat(h.signIn(u.login(), Fixtures.PASSWORD).statusCode()).isEqualTo(302);
    h.postForm("/", "/settings/language", Map.of("lang", lang, "back", "/"));
    return h;
  }

  private static String error(Http h, String query) {
    HttpResponse<String> r = h.get("/search?" + query);
    assertThat(r.statusCode()).as(query).isEqualTo(200);
    assertThat(r.body()).as(query).contains("id=\"search-error\"");
    return r.body();
  }

  @Test
  void badSearchesAreExplainedInJapaneseAndEnglish() {
    UserAccount u = fixtures.user("op-sakura-bank", Role.ANALYST);
    String longQuery = "x".repeat(250);
    String nineWords = "a+b+c+d+e+f+g+h+i";
    Http ja = signedIn(u, "ja");
    assertThat(error(ja, "q=" + longQuery)).contains("検索語は200文字までです (入力は250文字)");
    assertThat(error(ja, "q=" + nineWords)).contains("語句は8個までです (入力は9個)");
    assertThat(error(ja, "q=%E7%B5%8C%E8%B2%BB&kind=bogus"))
        .contains("種類「bogus」はありません", "exposure (脆弱性露出)");
    Http en = signedIn(u, "en");
    assertThat(error(en, "q=" + longQuery))
        .contains("A search is at most 200 characters (this one has 250)");
    assertThat(error(en, "q=" + nineWords)).contains("at most 8 words (this one has 9)");
    assertThat(error(en, "q=x&kind=bogus")).contains("There is no kind “bogus”");
    for (String page :
        new String[] {
          ja.get("/search?q=" + longQuery).body(), en.get("/search?q=" + nineWords).body()
        }) {
      assertThat(page).doesNotContain("longer than", "more than 8", "search.invalid");
    }
    // the API names the field and says the same in the person's language (English, chosen last)
    Http api = http().bearer(fixtures.token(u));
    HttpResponse<String> r = api.get("/api/v1/search?q=" + longQuery);
    assertThat(r.statusCode()).isEqualTo(400);
    assertThat(r.body())
        .contains("\"field\":\"q\"")
        .contains("A search is at most 200 characters (this one has 250)");
  }

  /** A STIX hit's kind is in words (it showed the raw type, "indicator"), in both languages. */
  @Test
  void aStixHitNamesItsKindInWords() {
    UserAccount u = fixtures.user(fixtures.operator("gas"), Role.ANALYST);
    String word = SearchLeakIT.kanji(3);
    fixtures.ingest(
        u,
        intel.collectionOfOrganisation(u.organisationId()).orElseThrow(),
        "{\"type\":\"indicator\",\"spec_version\":\"2.1\",\"id\":\"indicator--"
            + java.util.UUID.randomUUID()
            + "\",\"created\":\"2026-11-20T00:00:00.000Z\",\"modified\":\"2026-11-20T00:00:00.000Z\","
            + "\"name\":\"C2 "
            + word
            + "\",\"pattern\":\"[ipv4-addr:value = '"
            + SearchLeakIT.ip()
            + "']\",\"pattern_type\":\"stix\",\"valid_from\":\"2026-11-20T00:00:00Z\"}");
    String ja = signedIn(u, "ja").get("/search?q=" + SearchLeakIT.q(word)).body();
    assertThat(ja)
        .contains("<span>インディケータ (検知パターン)</span>")
        .doesNotContain("<span>indicator</span>");
    String en = signedIn(u, "en").get("/search?q=" + SearchLeakIT.q(word)).body();
    assertThat(en).contains("<span>Indicator (detection pattern)</span>");
  }
}
