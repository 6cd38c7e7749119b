package jp.renkei.server.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import jp.renkei.server.directory.Role;
import jp.renkei.server.directory.TokenScope;
import jp.renkei.server.directory.UserAccount;
import jp.renkei.server.support.Fixtures;
import jp.renkei.server.support.Http;
import jp.renkei.server.support.RawHttp;
import jp.renkei.server.support.ServerTest;
import org.junit.jupiter.api.Test;

/**
 * Every kind of answer carries the hub's security headers: no sniffing, no framing, the CSP, no
 * referrer off the site and no caching. Answers written by a filter before Spring Security's header
 * writer ran (a bad or under-scoped API or TAXII token, an announced body past the limit, a path
 * the firewall refuses) went out with none of them.
 */
class ResponseHeadersIT extends ServerTest {

  private static final String TAXII = "application/taxii+json;version=2.1";

  /** One answer to check: what was asked, its status and a header reader. */
  private record Seen(String what, int status, Function<String, List<String>> header) {}

  private static Seen of(String what, HttpResponse<?> r) {
    return new Seen(what, r.statusCode(), name -> r.headers().allValues(name));
  }

  /** A raw answer keeps the first of each header only. */
  private static Seen of(String what, RawHttp.Answer r) {
    return new Seen(
        what, r.status(), name -> Optional.ofNullable(r.header(name)).stream().toList());
  }

  @Test
  void everyAnswerCarriesTheSecurityHeadersFromTheFiltersErrorsToTaxii() {
    UserAccount analyst = fixtures.user("op-sakura-bank", Role.ANALYST);
    String all = fixtures.token(analyst);
    String readOnly = fixtures.token(analyst, EnumSet.of(TokenScope.READ));
    Http browser = http();
    browser.signIn(analyst.login(), Fixtures.PASSWORD);

    List<Seen> seen = new ArrayList<>();
    seen.add(of("a page", browser.get("/reports")));
    seen.add(of("the UI's 404", browser.get("/no-such-page")));
    seen.add(
        of(
            "a path the firewall refuses",
            RawHttp.send(
                port, "GET /reports/..;/api/v1/reports HTTP/1.1\r\nHost: 127.0.0.1", new byte[0])));
    seen.add(of("the API signed out", http().get("/api/v1/reports")));
    seen.add(of("the API", http().bearer(all).get("/api/v1/reports")));
    HttpResponse<String> badToken = http().bearer("rk_garbage").get("/api/v1/reports");
    seen.add(of("the API, a bad token", badToken));
    seen.add(
        of(
            "the API, a token without the scope",
            http().bearer(readOnly).postJson("/api/v1/reports", "{}")));
    seen.add(
        of(
            "the API, a body announced past the limit",
            RawHttp.send(
                port,
                "POST /api/v1/reports HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer "
                    + all
                    + "\r\nContent-Type: application/json\r\nContent-Length: 50000000",
                "{".getBytes(StandardCharsets.UTF_8))));
    seen.add(of("TAXII", http().bearer(all).get("/taxii2/", "Accept", TAXII)));
    seen.add(of("TAXII without a token", http().get("/taxii2/", "Accept", TAXII)));
    seen.add(
        of("TAXII, a bad token", http().bearer("rk_garbage").get("/taxii2/", "Accept", TAXII)));
    seen.add(
        of(
            "TAXII, a token without the scope",
            http().bearer(readOnly).get("/taxii2/", "Accept", TAXII)));
    HttpResponse<String> unknown =
        http().bearer(all).get("/taxii2/api/no-such-endpoint/", "Accept", TAXII);
    seen.add(of("TAXII, an unknown path", unknown));

    assertThat(seen.stream().map(s -> s.what() + " " + s.status()).toList())
        .as("the answers this test means to check")
        .containsExactly(
            "a page 200",
            "the UI's 404 404",
            "a path the firewall refuses 400",
            "the API signed out 401",
            "the API 200",
            "the API, a bad token 401",
            "the API, a token without the scope 403",
            "the API, a body announced past the limit 413",
            "TAXII 200",
            "TAXII without a token 401",
            "TAXII, a bad token 401",
            "TAXII, a token without the scope 403",
            "TAXII, an unknown path 404");
    // a refused token is challenged as RFC 6750 says, as TAXII's refusals are
    assertThat(badToken.headers().firstValue("WWW-Authenticate").orElse(""))
        .isEqualTo("Bearer realm=\"renkei\", error=\"invalid_token\"");
    // a TAXII client gets a TAXII error message there too, not the hub's HTML page
    assertThat(unknown.headers().firstValue("Content-Type").orElseThrow())
        .startsWith("application/taxii+json");
    assertThat(unknown.body()).contains("\"http_status\":\"404\"").doesNotContain("<html");

    List<String> missing = new ArrayList<>();
    for (Seen s : seen) {
      expect(missing, s, "X-Content-Type-Options", v -> v.equals("nosniff"));
      expect(missing, s, "X-Frame-Options", v -> v.equals("DENY"));
      expect(missing, s, "Content-Security-Policy", v -> v.contains("frame-ancestors 'none'"));
      expect(missing, s, "Referrer-Policy", v -> v.equals("same-origin"));
      expect(missing, s, "Cache-Control", v -> v.contains("no-store"));
    }
    assertThat(missing).as("headers missing, repeated or wrong").isEmpty();
  }

  private static void expect(
      List<String> missing, Seen s, String header, java.util.function.Predicate<String> right) {
    List<String> v = s.header().apply(header);
    if (v.size() != 1 || !right.test(v.get(0))) {
      missing.add(s.what() + " (" + s.status() + "): " + header + " = " + v);
    }
  }
}
