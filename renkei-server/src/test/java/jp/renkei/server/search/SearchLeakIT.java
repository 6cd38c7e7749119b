package jp.renkei.server.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import jp.renkei.server.directory.Organisation;
import jp.renkei.server.directory.Role;
import jp.renkei.server.directory.UserAccount;
import jp.renkei.server.intel.IntelService;
import jp.renkei.server.support.Fixtures;
import jp.renkei.server.support.Http;
import jp.renkei.server.support.ServerTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * An adversary's search: for several viewers, words and observables that occur only in objects they
 * may not see (a RED report named to someone else, another sector's AMBER report, another
 * organisation's draft, the reporter's identity and redacted terms of an anonymised original, an
 * advisory to another sector, a STIX object in another organisation's private collection, a C4TAP
 * share outside the viewer's range) find nothing — and the answer, through the API and the page, is
 * the same as for a word that never existed; while the objects' own audience finds them.
 */
class SearchLeakIT extends ServerTest {

  @Autowired Fixtures fixtures;
  @Autowired IntelService intel;

  /** A word of {@code n} kanji nobody else's data contains (two kanji: one bigram). */
  static String kanji(int n) {
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < n; i++) {
      b.append((char) ThreadLocalRandom.current().nextInt(0x5000, 0x8fff));
    }
    return b.toString();
  }

  static String ascii() {
    return Fixtures.unique("zq").replace("-", "");
  }

  static String ip() {
    ThreadLocalRandom r = ThreadLocalRandom.current();
    return "198.51." + r.nextInt(1, 255) + "." + r.nextInt(1, 255);
  }

  /** The viewer's API token, and a signed-in session for the pages. */
  Http api(UserAccount u) {
    Http h = http().bearer(fixtures.token(u));
    HttpResponse<String> in = h.signIn(u.login(), Fixtures.PASSWORD);
    assertThat(in.statusCode()).as(in.body()).isLessThan(400);
    return h;
  }

  static long id(HttpResponse<String> r, String field) {
    Matcher m = Pattern.compile("\"" + field + "\":(\\d+)").matcher(r.body());
    assertThat(m.find()).as(r.body()).isTrue();
    return Long.parseLong(m.group(1));
  }

  static String report(String summary, String observableIp, String tlp, String extra) {
    return "{\"content\":{\"title\":\"検索試験 "
        + summary
        + "\",\"summary\":\""
        + summary
        + "\",\"detectedAt\":\"2026-11-20T01:00:00Z\",\"incidentType\":\"intrusion\","
        + "\"causes\":[\"impersonation\"],\"serviceOutage\":\"no\",\"severity\":\"level3\","
        + "\"cascadePossibility\":\"no\",\"reportingCase\":\"case3\","
        + "\"contactPerson\":\"担当 太郎\",\"observables\":[{\"type\":\"ipv4-addr\",\"value\":\""
        + observableIp
        + "\"}]},\"route\":\"hotline\",\"tlp\":\""
        + tlp
        + "\""
        + extra
        + "}";
  }

  static String q(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }

  /** The API's answer with the echo of the query taken out. */
  static String apiAnswer(Http viewer, String query) {
    HttpResponse<String> r = viewer.get("/api/v1/search?q=" + q(query));
    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    return r.body().replaceFirst("\"query\":\"[^\"]*\"", "\"query\":\"?\"");
  }

  static boolean finds(Http viewer, String query, String idOrText) {
    return viewer.get("/api/v1/search?q=" + q(query)).body().contains(idOrText);
  }

  /** {@code hidden} is answered exactly as {@code never} (a query of the same kind). */
  static void sameAsNeverExisted(Http viewer, String hidden, String never) {
    String a = apiAnswer(viewer, hidden);
    assertThat(a).as("search for %s", hidden).isEqualTo(apiAnswer(viewer, never));
    assertThat(a).contains("\"hits\":[]").doesNotContain("\"more\":true");
    String page = viewer.get("/search?q=" + q(hidden)).body();
    assertThat(page).contains("id=\"search-none\"").doesNotContain("search-hit-title");
    String neverPage = viewer.get("/search?q=" + q(never)).body();
    assertThat(comparable(page, hidden)).isEqualTo(comparable(neverPage, never));
  }

  /** A page with the query's echo and the per-request CSRF masks taken out. */
  static String comparable(String page, String query) {
    return page.replace(query, "?")
        .replace(q(query), "?")
        .replaceAll("name=\"_csrf\" value=\"[^\"]*\"", "_csrf");
  }

  @Autowired jp.renkei.server.exposure.KnowledgeService knowledge;

  /**
   * A CVE id finds exposure findings: the owner's own at once, a coordinator's only once the owner
   * shares its details with it; an operator elsewhere and another sector's ministry find what they
   * find for a CVE nobody is exposed to — nothing, and no count.
   */
  @Test
  void exposureFindingsAreFoundByTheirCveOnlyWithinTheirAudience() {
    String cve = "CVE-2098-" + ThreadLocalRandom.current().nextInt(100_000, 9_999_999);
    String never = "CVE-2097-" + ThreadLocalRandom.current().nextInt(100_000, 9_999_999);
    String product = ascii();
    String record =
        "{\"dataType\":\"CVE_RECORD\",\"dataVersion\":\"5.1\",\"cveMetadata\":{\"cveId\":\""
            + cve
            + "\",\"state\":\"PUBLISHED\"},\"containers\":{\"cna\":{\"affected\":[{\"vendor\":\"Zq\","
            + "\"product\":\""
            + product
            + "\",\"cpes\":[\"cpe:2.3:a:zq:"
            + product
            + ":*:*:*:*:*:*:*:*\"],\"defaultStatus\":\"unaffected\",\"versions\":[{\"version\":\"1.0\","
            + "\"status\":\"affected\"}]}]}}}\n";
    assertThat(
            knowledge
                .importCve(
                    jp.renkei.server.audit.Actor.cli(),
                    new java.io.ByteArrayInputStream(record.getBytes(StandardCharsets.UTF_8)))
                .kept())
        .isEqualTo(1);
    Organisation bank = fixtures.operator("finance");
    UserAccount owner = fixtures.user(bank, Role.ANALYST);
    Http own = api(owner);
    Http web = http();
    assertThat(web.signIn(owner.login(), Fixtures.PASSWORD).statusCode()).isLessThan(400);
    String inventory =
        "kind,value,port,protocol,product,version,cpe\n"
            + "service,www.search-gap.example,443,tcp,Zq,1.0,cpe:2.3:a:zq:"
            + product
            + ":1.0:*:*:*:*:*:*:*\n";
    assertThat(
            web.uploadWith(
                    "/exposure",
                    "/exposure/inventory",
                    "file",
                    "inventory.csv",
                    inventory.getBytes(StandardCharsets.UTF_8),
                    java.util.Map.of("format", "csv"))
                .body())
        .contains("id=\"import-ok\"");

    String mine = web.get("/search?q=" + q(cve)).body();
    Matcher link = Pattern.compile("href=\"/exposure/findings/(\\d+)\"").matcher(mine);
    assertThat(link.find()).as(mine).isTrue();
    String finding = link.group(1);
    assertThat(mine)
        .contains("id=\"search-exposure\"")
        .contains(cve + " www.search-gap.example:443");
    assertThat(apiAnswer(own, cve))
        .contains("\"kind\":\"exposure\"")
        .contains("\"id\":\"" + finding + "\"");

    Http nisc = api(fixtures.user("nisc", Role.ANALYST));
    sameAsNeverExisted(nisc, cve, never);

    assertThat(
            web.postForm("/exposure", "/exposure/sharing", java.util.Map.of("share", "true"))
                .statusCode())
        .isLessThan(400);
    assertThat(nisc.get("/search?q=" + q(cve)).body()).contains("/exposure/findings/" + finding);
    assertThat(finds(nisc, cve, "\"id\":\"" + finding + "\"")).isTrue();
    // words never search findings
    assertThat(apiAnswer(own, product)).doesNotContain("\"kind\":\"exposure\"");

    for (UserAccount outsider :
        List.of(
            fixtures.user("op-midori-shinkin", Role.ANALYST),
            fixtures.user("meti", Role.ANALYST),
            fixtures.user(fixtures.operator("finance"), Role.ORG_ADMIN))) {
      sameAsNeverExisted(api(outsider), cve, never);
    }
  }

  @Test
  void reportsOnlyTheirAudienceMayReadAreFoundByNobodyElse() {
    Organisation gasOperator = fixtures.operator("gas");
    UserAccount reporter = fixtures.user(gasOperator, Role.ANALYST);
    UserAccount named = fixtures.user("nisc", Role.ANALYST);
    Http nisc = api(fixtures.user("nisc", Role.ANALYST));
    Http colleague = api(fixtures.user(gasOperator, Role.ANALYST));
    Http otherSector = api(fixtures.user("op-midori-shinkin", Role.ANALYST));
    Http ministry = api(fixtures.user("meti", Role.ANALYST));

    String redWord = kanji(2);
    String redIp = ip();
    long red =
        id(
            api(reporter)
                .postJson(
                    "/api/v1/reports?submit=true",
                    report(
                        "制御系の" + redWord + "を確認",
                        redIp,
                        "red",
                        ",\"recipientLogins\":[\"" + named.login() + "\"]")),
            "id");
    String amberWord = kanji(4);
    String amberAscii = ascii();
    long amber =
        id(
            api(reporter)
                .postJson(
                    "/api/v1/reports?submit=true",
                    report(amberWord + " " + amberAscii, ip(), "amber", "")),
            "id");
    String draftWord = kanji(3);
    long draft =
        id(
            api(reporter)
                .postJson("/api/v1/reports?submit=false", report(draftWord, ip(), "green", "")),
            "id");

    // the audience finds each (two kanji, four kanji in any width, an IP defanged)
    assertThat(finds(api(named), redWord, "\"" + red + "\"")).isTrue();
    assertThat(finds(api(named), redIp.replace(".", "[.]"), "\"" + red + "\"")).isTrue();
    assertThat(finds(api(reporter), redWord, "\"" + red + "\"")).isTrue();
    assertThat(finds(nisc, amberWord, "\"" + amber + "\"")).isTrue();
    assertThat(finds(nisc, amberAscii.toUpperCase(), "\"" + amber + "\"")).isTrue();
    assertThat(finds(api(reporter), draftWord, "\"" + draft + "\"")).isTrue();
    // bigrams in another order are not the word
    assertThat(finds(nisc, new StringBuilder(amberWord).reverse().toString(), "\"" + amber + "\""))
        .isFalse();

    // RED to someone else, even at NISC, the report's next hop (the originating organisation
    // itself is always in the audience, as on the list page)
    assertThat(finds(colleague, redWord, "\"" + red + "\"")).isTrue();
    for (Http v : List.of(nisc, otherSector, ministry)) {
      sameAsNeverExisted(v, redWord, kanji(2));
      sameAsNeverExisted(v, redIp, ip());
    }
    // AMBER reached NISC on the hotline; another sector, and a ministry off the route, never
    for (Http v : List.of(otherSector, ministry)) {
      sameAsNeverExisted(v, amberWord, kanji(4));
      sameAsNeverExisted(v, amberAscii, ascii());
    }
    // a draft never leaves its organisation
    for (Http v : List.of(nisc, otherSector, ministry)) {
      sameAsNeverExisted(v, draftWord, kanji(3));
    }
  }

  @Test
  void anonymisedOriginalIsNotFoundUpstreamByTheReporterOrItsRedactedTerms() {
    UserAccount reporter = fixtures.user("op-sakura-bank", Role.ANALYST);
    Http ceptoar = api(fixtures.user("c-bank", Role.ANALYST));
    Http fsa = api(fixtures.user("fsa", Role.ANALYST));
    Http otherBank = api(fixtures.user("op-midori-shinkin", Role.ANALYST));
    String secret = kanji(4);
    String shared = kanji(4);
    String body =
        "{\"content\":{\"title\":\"さくら架空銀行 "
            + secret
            + " への侵入\",\"summary\":\"sakura-bank.example の "
            + secret
            + " で不正ログイン。"
            + shared
            + "。\",\"detectedAt\":\"2026-11-20T01:00:00Z\",\"incidentType\":\"intrusion\","
            + "\"causes\":[\"impersonation\"],\"serviceOutage\":\"no\",\"severity\":\"level3\","
            + "\"cascadePossibility\":\"no\",\"reportingCase\":\"case3\",\"observables\":[]},"
            + "\"route\":\"ceptoar\",\"anonymise\":true,\"tlp\":\"green\"}";
    long original = id(api(reporter).postJson("/api/v1/reports?submit=true", body), "id");
    long copy =
        id(
            ceptoar.postJson(
                "/api/v1/reports/" + original + "/relay", "{\"extraTerms\":[\"" + secret + "\"]}"),
            "relayedAs");
    // the CEPTOAR finds the original by the term; the ministry finds the copy by what it kept
    assertThat(finds(ceptoar, secret, "\"" + original + "\"")).isTrue();
    assertThat(finds(fsa, shared, "\"" + copy + "\"")).isTrue();
    String answer = apiAnswer(fsa, shared);
    assertThat(answer)
        .doesNotContain("\"" + original + "\"")
        .doesNotContain("さくら")
        .doesNotContain(secret);
    for (Http v : List.of(fsa, otherBank)) {
      sameAsNeverExisted(v, secret, kanji(4));
      sameAsNeverExisted(v, secret + " " + shared, kanji(4) + " " + kanji(4));
    }
  }

  @Test
  void advisoriesStixObjectsAndC4tapSharesOutsideTheViewersAudienceAreNotFound() {
    Http nisc = api(fixtures.user("nisc", Role.ANALYST));
    Http gas = api(fixtures.user(fixtures.operator("gas"), Role.ANALYST));
    Http finance = api(fixtures.user("op-midori-shinkin", Role.ANALYST));
    Http ministry = api(fixtures.user("meti", Role.ANALYST));

    String advWord = kanji(4);
    HttpResponse<String> adv =
        nisc.postJson(
            "/api/v1/advisories",
            "{\"title\":\"ガス分野向け "
                + advWord
                + "\",\"body\":\"制御系への不審な通信。\",\"actions\":\"遮断してください。\","
                + "\"observables\":[],\"tlp\":\"amber\",\"sectors\":[\"gas\"]}");
    assertThat(adv.statusCode()).as(adv.body()).isEqualTo(201);
    long advisory = id(adv, "id");
    assertThat(finds(gas, advWord, "\"" + advisory + "\"")).isTrue();
    sameAsNeverExisted(finance, advWord, kanji(4));

    // a STIX object in an organisation's private collection
    UserAccount owner = fixtures.user(fixtures.operator("gas"), Role.ANALYST);
    String stixIp = ip();
    String stixWord = kanji(3);
    String indicator = "indicator--" + java.util.UUID.randomUUID();
    fixtures.ingest(
        owner,
        intel.collectionOfOrganisation(owner.organisationId()).orElseThrow(),
        "{\"type\":\"indicator\",\"spec_version\":\"2.1\",\"id\":\""
            + indicator
            + "\",\"created\":\"2026-11-20T00:00:00.000Z\",\"modified\":\"2026-11-20T00:00:00.000Z\","
            + "\"name\":\"C2 "
            + stixWord
            + "\",\"pattern\":\"[ipv4-addr:value = '"
            + stixIp
            + "']\",\"pattern_type\":\"stix\",\"valid_from\":\"2026-11-20T00:00:00Z\"}");
    assertThat(finds(api(owner), stixIp, indicator)).isTrue();
    assertThat(finds(api(owner), stixWord, indicator)).isTrue();
    // the one-box page titles the hit by its name, what an analyst knows it by, its id beside it
    Http ownerPage = http();
    assertThat(ownerPage.signIn(owner.login(), Fixtures.PASSWORD).statusCode()).isEqualTo(302);
    String hit = ownerPage.get("/search?q=" + q(stixIp)).body();
    assertThat(hit)
        .contains(">C2 " + stixWord + "</a>")
        .containsPattern("class=\"search-hit-id[^\"]*\">" + indicator + "</code>")
        .doesNotContain(">" + indicator + "</a>");
    for (Http v : List.of(nisc, gas, finance)) {
      sameAsNeverExisted(v, stixIp, ip());
      sameAsNeverExisted(v, stixWord, kanji(3));
    }
    // the browser's detail page: the owner sees it, everyone else the never-existing 404
    assertThat(api(owner).get("/intel/objects/" + indicator).statusCode()).isEqualTo(200);
    assertThat(gas.get("/intel/objects/" + indicator).statusCode()).isEqualTo(404);
    assertThat(gas.get("/intel/objects/indicator--" + java.util.UUID.randomUUID()).statusCode())
        .isEqualTo(404);

    // its STIX bundle, downloaded with the session alone (no token): the owner gets it, nobody
    // else learns it exists, not even by naming the owner's collection
    Http ownerWeb = http();
    assertThat(ownerWeb.signIn(owner.login(), Fixtures.PASSWORD).statusCode()).isEqualTo(302);
    String own =
        intel.collectionOfOrganisation(owner.organisationId()).orElseThrow().id().toString();
    String bundle = "/intel/objects/" + indicator + "/bundle?collection=" + own;
    HttpResponse<String> got = ownerWeb.get(bundle);
    assertThat(got.statusCode()).isEqualTo(200);
    assertThat(got.body()).startsWith("{\"type\":\"bundle\"").contains(indicator, stixIp);
    assertThat(got.headers().firstValue("Content-Disposition").orElse("")).startsWith("attachment");
    assertThat(ownerWeb.get("/intel/objects").body()).contains(stixWord);
    String other = "indicator--" + java.util.UUID.randomUUID();
    for (Http v : List.of(nisc, gas, finance)) {
      HttpResponse<String> hidden = v.get(bundle);
      assertThat(hidden.statusCode()).isEqualTo(404);
      assertThat(comparable(hidden.body(), indicator))
          .isEqualTo(comparable(v.get(bundle.replace(indicator, other)).body(), other));
      // the indicator browser, opened on every collection it may read, does not list it either
      assertThat(v.get("/intel/objects").body()).doesNotContain(indicator, stixWord);
    }

    // a C4TAP share at AMBER: participants read it, a ministry (Green and wider) does not
    String c4Word = kanji(4);
    Http sender = api(fixtures.user("op-sakura-bank", Role.MEMBER));
    byte[] mail =
        ("From: \"事務局\" <jimu@pension-info.example>\r\nTo: <soumu@sakura-bank.example>\r\n"
                + "Subject: "
                + c4Word
                + " 調査票\r\nContent-Type: text/plain; charset=UTF-8\r\n\r\n本文")
            .getBytes(StandardCharsets.UTF_8);
    long share = id(sender.postBytes("/api/v1/c4tap?range=amber", "message/rfc822", mail), "id");
    sameAsNeverExisted(gas, c4Word, kanji(4)); // still a draft
    sender.postJson("/api/v1/c4tap/" + share + "/send", "{}");
    assertThat(finds(gas, c4Word, "\"" + share + "\"")).isTrue();
    // the results page names the C4TAP range and the verdict in words, never as codes
    assertThat(gas.get("/search?q=" + q(c4Word)).body())
        .contains("C4TAP Amber")
        .doesNotContain("C4TAP:AMBER", ">SUSPICIOUS<", ">MALICIOUS<", ">CLEAN<");
    sameAsNeverExisted(ministry, c4Word, kanji(4));
  }

  /**
   * The indicator browser's older-objects link continues after the last object shown. Its cursor
   * was that object's sequence number, one sequence over every collection of the hub: the gap
   * between two cursors a reader was given (or forged, to place each object it sees) counted the
   * objects added in between that it may not see, another organisation's private ones included. The
   * cursor is sealed now, as TAXII's next tokens and the audit log's cursors are: no number, and a
   * number written by hand is refused naming the parameter; the link still leads to the rest.
   */
  @Test
  void theIndicatorBrowsersOlderLinkCountsNothingTheReaderMayNotSee() {
    UserAccount owner = fixtures.user(fixtures.operator("gas"), Role.ANALYST);
    jp.renkei.server.intel.StixCollection own =
        intel.collectionOfOrganisation(owner.organisationId()).orElseThrow();
    String word = kanji(3);
    int n = IndicatorPages.PAGE + 1;
    String[] objects = new String[n];
    for (int i = 0; i < n; i++) {
      objects[i] =
          "{\"type\":\"indicator\",\"spec_version\":\"2.1\",\"id\":\"indicator--"
              + java.util.UUID.randomUUID()
              + "\",\"created\":\"2026-11-20T00:00:00.000Z\","
              + "\"modified\":\"2026-11-20T00:00:00.000Z\",\"name\":\"C2 "
              + word
              + " n"
              + i
              + "n\",\"pattern\":\"[ipv4-addr:value = '"
              + ip()
              + "']\",\"pattern_type\":\"stix\",\"valid_from\":\"2026-11-20T00:00:00Z\"}";
    }
    fixtures.ingest(owner, own, objects);
    Http web = http();
    assertThat(web.signIn(owner.login(), Fixtures.PASSWORD).statusCode()).isEqualTo(302);
    String list = "/intel/objects?collection=" + own.id();
    String first = web.get(list).body();
    Matcher next =
        Pattern.compile("id=\"indicator-next\" href=\"[^\"]*[?&;]cursor=([^\"&]*)").matcher(first);
    assertThat(next.find()).as(first).isTrue();
    String cursor = next.group(1);
    assertThat(cursor).isNotBlank().doesNotMatch("-?\\d+");
    HttpResponse<String> older = web.get(list + "&cursor=" + cursor);
    assertThat(older.statusCode()).as(older.body()).isEqualTo(200);
    String second = older.body();
    for (int i = 0; i < n; i++) {
      String name = word + " n" + i + "n";
      assertThat(first.contains(name) ^ second.contains(name)).as(name).isTrue();
    }
    assertThat(second).doesNotContain("id=\"indicator-next\"");
    // a place written by hand (a sequence number) is refused, naming the parameter, not served
    for (String forged : List.of("1", "9223372036854775807", "0", cursor + "x")) {
      HttpResponse<String> r = web.get(list + "&cursor=" + q(forged));
      assertThat(r.statusCode()).as(forged).isEqualTo(400);
      assertThat(r.body()).contains("cursor").doesNotContain(word);
    }
  }

  @Test
  void badQueriesAreRefusedWithTheField() {
    Http v = api(fixtures.user("nisc", Role.ANALYST));
    HttpResponse<String> r = v.get("/api/v1/search?q=" + "x".repeat(201));
    assertThat(r.statusCode()).isEqualTo(400);
    assertThat(r.body()).contains("\"field\":\"q\"");
    assertThat(v.get("/api/v1/search?q=a&kind=moon").body()).contains("\"field\":\"kind\"");
    assertThat(v.get("/search?q=%20").statusCode()).isEqualTo(200);
  }
}
