package jp.renkei.server.directory;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import jp.renkei.server.support.Fixtures;
import jp.renkei.server.support.Http;
import jp.renkei.server.support.ServerTest;
import org.junit.jupiter.api.Test;

/** Issue 13, item 8: a second organisation must not pass for a real one. */
class LookAlikeNameIT extends ServerTest {

  @Test
  void invisibleAndReorderingCharactersAreRefusedNamingTheField() {
    Http api = admin();
    HttpResponse<String> zeroWidth =
        api.postJson("/api/v1/organisations", org("さくら\u200B架空銀行", "Z"));
    assertThat(zeroWidth.statusCode()).isEqualTo(400);
    assertThat(zeroWidth.body()).contains("\"field\":\"nameJa\"", "200B");
    HttpResponse<String> override =
        api.postJson(
            "/api/v1/organisations", org("別の組織" + Fixtures.unique("x"), "Sakura \u202EknaB"));
    assertThat(override.statusCode()).isEqualTo(400);
    assertThat(override.body()).contains("\"field\":\"nameEn\"", "202E");
    HttpResponse<String> joiner = api.postJson("/api/v1/organisations", org("さくら\u200D架空銀行", "Y"));
    assertThat(joiner.body()).contains("\"field\":\"nameJa\"", "200D");
  }

  @Test
  void namesThatLookLikeAnExistingOrganisationAreRefused() {
    Http api = admin();
    // Cyrillic а in the English name of さくら架空銀行 (Sakura Fictional Bank)
    HttpResponse<String> cyrillic =
        api.postJson(
            "/api/v1/organisations",
            org("別の銀行" + Fixtures.unique("x"), "S\u0430kura Fictional Bank"));
    assertThat(cyrillic.statusCode()).isEqualTo(409);
    assertThat(cyrillic.body()).contains("\"field\":\"nameEn\"", "Sakura Fictional Bank");
    HttpResponse<String> spacing =
        api.postJson(
            "/api/v1/organisations", org("さくら 架空銀行", "Another " + Fixtures.unique("bank")));
    assertThat(spacing.statusCode()).isEqualTo(409);
    assertThat(spacing.body()).contains("\"field\":\"nameJa\"", "さくら架空銀行");
    HttpResponse<String> fullWidth =
        api.postJson(
            "/api/v1/organisations", org("別の銀行" + Fixtures.unique("y"), "ＳＡＫＵＲＡ　ＦＩＣＴＩＯＮＡＬ　ＢＡＮＫ"));
    assertThat(fullWidth.statusCode()).isEqualTo(409);
    HttpResponse<String> kanjiForKatakana =
        api.postJson("/api/v1/organisations", org("銀行等CEPT〇AR", "Z " + Fixtures.unique("z")));
    assertThat(kanjiForKatakana.statusCode()).isEqualTo(409);
  }

  @Test
  void aDistinctNameIsStoredInNfkc() {
    Http api = admin();
    String code = Fixtures.unique("op-nfkc");
    HttpResponse<String> ok =
        api.postJson("/api/v1/organisations", org("ﾅｷﾞｻ港運" + code, "Ｎａｇｉｓａ " + code, code));
    assertThat(ok.statusCode()).as(ok.body()).isEqualTo(201);
    assertThat(ok.body()).contains("\"nameJa\":\"ナギサ港運" + code, "\"nameEn\":\"Nagisa " + code);
  }

  @Test
  void personNamesWithInvisibleCharactersAreRefused() {
    HttpResponse<String> r =
        admin()
            .postJson(
                "/api/v1/users",
                "{\"login\":\""
                    + Fixtures.unique("nm").replace('-', '.')
                    + "\",\"displayName\":\"山田\u200B太郎\",\"organisationCode\":\"op-sakura-bank\","
                    + "\"role\":\"member\"}");
    assertThat(r.statusCode()).isEqualTo(400);
    assertThat(r.body()).contains("\"field\":\"displayName\"", "200B");
  }

  private Http admin() {
    return http().bearer(fixtures.token(fixtures.user("nisc", Role.PLATFORM_ADMIN)));
  }

  private static String org(String nameJa, String nameEn) {
    return org(nameJa, nameEn, Fixtures.unique("op-name"));
  }

  private static String org(String nameJa, String nameEn, String code) {
    return "{\"code\":\""
        + code
        + "\",\"nameJa\":\""
        + nameJa
        + "\",\"nameEn\":\""
        + nameEn
        + "\",\"typeCode\":\"operator\",\"sectorCode\":\"port\"}";
  }
}
