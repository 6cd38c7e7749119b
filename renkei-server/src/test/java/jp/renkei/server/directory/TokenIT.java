package jp.renkei.server.directory;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.Map;
import jp.renkei.server.support.Fixtures;
import jp.renkei.server.support.ServerTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

class TokenIT extends ServerTest {

  @Autowired JdbcClient jdbc;
  @Autowired UserService users;
  @Autowired TokenService tokens;

  @Test
  void tokenIsShownOnceStoredHashedAndActsAsItsOwner() {
    var analyst = fixtures.user("op-sakura-bank", Role.ANALYST);
    var http = http();
    http.signIn(analyst.login(), Fixtures.PASSWORD);
    HttpResponse<String> created =
        http.postJson("/api/v1/tokens", "{\"name\":\"siem\",\"validDays\":30}");
    // a browser session must carry the CSRF token for a state change
    assertThat(created.statusCode()).isEqualTo(403);

    HttpResponse<String> page =
        http.postForm(
            "/account/tokens", "/account/tokens", Map.of("name", "siem", "validDays", "30"));
    assertThat(page.statusCode()).isEqualTo(200);
    String secret =
        page.body()
            .replaceAll(
                "(?s).*id=\"token-secret\" class=\"secret\">(rk_[A-Za-z0-9_-]{43})<.*", "$1");
    assertThat(secret).startsWith("rk_").hasSize(46);
    assertThat(http.get("/account/tokens").body()).doesNotContain(secret);

    // every error of the form at once, named by the labels the form shows, what was typed kept
    String refused =
        http.postForm("/account/tokens", "/account/tokens", Map.of("name", "", "validDays", "abc"))
            .body();
    assertThat(refused)
        .contains("入力内容を確認してください (2 件)", "用途：", "有効日数：", "href=\"#validDays\"")
        .contains("id=\"validDays\" inputmode=\"numeric\" size=\"5\" value=\"abc\"")
        .doesNotContain("token-secret");

    assertThat(
            jdbc.sql("select count(*) from api_token where token_hash = ? or display_prefix = ?")
                .params(secret, secret)
                .query(Integer.class)
                .single())
        .isZero();

    HttpResponse<String> me = http().bearer(secret).get("/api/v1/me");
    assertThat(me.statusCode()).isEqualTo(200);
    assertThat(me.body())
        .contains("\"login\":\"" + analyst.login() + "\"", "\"authenticatedBy\":\"token\"");
    assertThat(me.headers().firstValue("Set-Cookie")).isEmpty();
  }

  @Test
  void revokedExpiredMalformedAndDisabledOwnersTokensAreRefused() {
    var owner = fixtures.user("op-sakura-bank", Role.ANALYST);
    String secret = fixtures.token(owner);
    var api = http().bearer(secret);
    assertThat(api.get("/api/v1/me").statusCode()).isEqualTo(200);

    assertThat(http().bearer("rk_short").get("/api/v1/me").statusCode()).isEqualTo(401);
    assertThat(http().bearer("rk_" + "A".repeat(43)).get("/api/v1/me").statusCode()).isEqualTo(401);

    users.setEnabled(jp.renkei.server.audit.Actor.cli(), owner.id(), false);
    HttpResponse<String> disabled = api.get("/api/v1/me");
    assertThat(disabled.statusCode()).isEqualTo(401);
    assertThat(disabled.body()).contains("\"status\":401");
    users.setEnabled(jp.renkei.server.audit.Actor.cli(), owner.id(), true);
    assertThat(api.get("/api/v1/me").statusCode()).isEqualTo(200);

    long id =
        jdbc.sql("select id from api_token where user_id = ?")
            .param(owner.id())
            .query(Long.class)
            .single();
    jdbc.sql("update api_token set expires_at = now() - interval '1 second' where id = ?")
        .param(id)
        .update();
    assertThat(api.get("/api/v1/me").statusCode()).isEqualTo(401);
    // every token expires now (issue 13): restore a future expiry rather than none
    jdbc.sql("update api_token set expires_at = now() + interval '1 day' where id = ?")
        .param(id)
        .update();

    assertThat(api.delete("/api/v1/tokens/" + id).statusCode()).isEqualTo(200);
    assertThat(api.get("/api/v1/me").statusCode()).isEqualTo(401);
  }

  @Test
  void nobodyCanSeeOrRevokeSomeoneElsesToken() {
    var alice = fixtures.user("op-sakura-bank", Role.ANALYST);
    var mallory = fixtures.user("op-sakura-bank", Role.ORG_ADMIN);
    String aliceToken = fixtures.token(alice);
    long aliceTokenId =
        jdbc.sql("select id from api_token where user_id = ?")
            .param(alice.id())
            .query(Long.class)
            .single();
    var malloryApi = http().bearer(fixtures.token(mallory));
    assertThat(malloryApi.get("/api/v1/tokens").body())
        .doesNotContain("\"id\":" + aliceTokenId + ",");
    HttpResponse<String> revoke = malloryApi.delete("/api/v1/tokens/" + aliceTokenId);
    assertThat(revoke.statusCode()).isEqualTo(404);
    assertThat(http().bearer(aliceToken).get("/api/v1/me").statusCode()).isEqualTo(200);
  }

  @Test
  void tokenCreationValidatesNameAndDays() {
    var owner = fixtures.user("op-sakura-bank", Role.MEMBER);
    var api = http().bearer(fixtures.token(owner));
    HttpResponse<String> noName = api.postJson("/api/v1/tokens", "{\"name\":\"  \"}");
    assertThat(noName.statusCode()).isEqualTo(400);
    assertThat(noName.body()).contains("\"field\":\"name\"");
    HttpResponse<String> days = api.postJson("/api/v1/tokens", "{\"name\":\"x\",\"validDays\":0}");
    assertThat(days.body()).contains("\"field\":\"validDays\"");
    HttpResponse<String> badJson =
        api.postJson("/api/v1/tokens", "{\n\"name\": \"x\",\n\"validDays\": \"many\"\n}");
    assertThat(badJson.statusCode()).isEqualTo(400);
    assertThat(badJson.body()).contains("line 3", "validDays");
  }

  /**
   * A token may mint tokens (scope {@code admin}) but never one that outlives it (attack29b):
   * before, a leaked token made for two days minted one of 365 days, and the owner's choice of a
   * short life was undone. Its scopes were already bounded; now its expiry is too, asked for or by
   * default. A session's minting is bounded by the hub's maximum only.
   */
  @Test
  void aTokenNeverMintsATokenThatOutlivesIt() {
    var owner = fixtures.user("op-sakura-bank", Role.ORG_ADMIN);
    var minter =
        tokens.create(
            fixtures.actor(owner),
            "short",
            2,
            java.util.EnumSet.of(TokenScope.READ, TokenScope.ADMIN),
            TokenScope.Granting.SESSION);
    var api = http().bearer(minter.secret());
    for (String body :
        java.util.List.of("{\"name\":\"long\",\"validDays\":365}", "{\"name\":\"default\"}")) {
      HttpResponse<String> made = api.postJson("/api/v1/tokens", body);
      assertThat(made.statusCode()).as(made.body()).isEqualTo(201);
      String secret = made.body().replaceAll("(?s).*\"secret\":\"(rk_[^\"]+)\".*", "$1");
      java.time.Instant expires =
          jdbc.sql("select expires_at from api_token where token_hash = ?")
              .param(jp.renkei.engine.token.ApiTokens.hash(secret))
              .query(java.sql.Timestamp.class)
              .single()
              .toInstant();
      assertThat(expires).as(body).isBeforeOrEqualTo(minter.token().expiresAt());
    }
    // a session still chooses up to the hub's maximum
    var fromSession =
        tokens.create(
            fixtures.actor(owner),
            "session",
            365,
            java.util.EnumSet.of(TokenScope.READ),
            TokenScope.Granting.SESSION);
    assertThat(fromSession.token().expiresAt())
        .isAfter(java.time.Instant.now().plus(java.time.Duration.ofDays(364)));
  }
}
