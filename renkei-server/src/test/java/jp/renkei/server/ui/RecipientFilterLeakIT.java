package jp.renkei.server.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import jp.renkei.server.directory.DirectoryService;
import jp.renkei.server.directory.Organisation;
import jp.renkei.server.directory.Role;
import jp.renkei.server.directory.UserAccount;
import jp.renkei.server.support.Fixtures;
import jp.renkei.server.support.Http;
import jp.renkei.server.support.ServerTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The recipient filter ({@code recipient=}; {@code to=} is the period's end) on the report list,
 * the inbox and the advisory list (issue 14, item 3), attacked: a recipient the viewer's page of
 * that report or advisory does not show never matches, and the page reads exactly as for a name
 * that exists nowhere.
 */
class RecipientFilterLeakIT extends ServerTest {

  @Autowired DirectoryService directory;

  @Autowired org.springframework.jdbc.core.simple.JdbcClient jdbc;

  private Http signedIn(UserAccount u) {
    Http h = http();
    assertThat(h.signIn(u.login(), Fixtures.PASSWORD).statusCode()).isEqualTo(302);
    return h;
  }

  private static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }

  /** The part of a list page that depends on the rows (the filter bar echoes the query). */
  private static String rows(String body) {
    int from = body.indexOf("class=\"list-summary\"");
    int to = body.indexOf("</main>");
    assertThat(from).as(body).isPositive();
    return body.substring(from, to);
  }

  /** Filtering on {@code hidden} reads exactly as filtering on a name that exists nowhere. */
  private static void sameAsNothing(Http web, String path, String q, String hidden) {
    HttpResponse<String> h = web.get(path + "?" + q + "&recipient=" + enc(hidden));
    HttpResponse<String> none =
        web.get(path + "?" + q + "&recipient=" + enc("nothing-" + UUID.randomUUID()));
    assertThat(h.statusCode()).isEqualTo(200);
    assertThat(rows(h.body())).as(path + " recipient=" + hidden).isEqualTo(rows(none.body()));
    assertThat(h.body()).contains("id=\"list-empty\"");
  }

  private Organisation org(long id) {
    return directory.organisation(id);
  }

  @Test
  void aReportsRecipientMatchesOnlyWhereTheViewersPageShowsIt() {
    UserAccount reporter = fixtures.user("op-sakura-bank", Role.ANALYST);
    String tag = Fixtures.unique("宛先絞り込み");
    HttpResponse<String> filed =
        http()
            .bearer(fixtures.token(reporter))
            .postJson(
                "/api/v1/reports?submit=true",
                "{\"content\":{\"title\":\""
                    + tag
                    + "\",\"summary\":\"s\",\"detectedAt\":\"2026-11-20T00:30:00Z\","
                    + "\"incidentType\":\"intrusion\",\"causes\":[\"impersonation\"],"
                    + "\"serviceOutage\":\"no\",\"severity\":\"level2\","
                    + "\"cascadePossibility\":\"no\",\"reportingCase\":\"case3\","
                    + "\"observables\":[]},\"route\":\"ceptoar\",\"tlp\":\"green\","
                    + "\"anonymise\":true}");
    assertThat(filed.statusCode()).as(filed.body()).isEqualTo(201);
    long original = Long.parseLong(filed.body().replaceAll(".*\"id\":(\\d+).*", "$1"));
    UserAccount secretariat = fixtures.user("c-bank", Role.ANALYST);
    HttpResponse<String> relayed =
        http()
            .bearer(fixtures.token(secretariat))
            .postJson("/api/v1/reports/" + original + "/relay", "{}");
    assertThat(relayed.statusCode()).as(relayed.body()).isIn(200, 201);
    long copy = Long.parseLong(relayed.body().replaceAll(".*\"relayedAs\":(\\d+).*", "$1"));
    List<Long> copyRoute =
        jdbc.sql("select recipient_org_id from report_hop where report_id = ? order by hop_order")
            .param(copy)
            .query(Long.class)
            .list();
    assertThat(copyRoute).isNotEmpty().doesNotContain(secretariat.organisationId());
    Organisation ceptoar = org(secretariat.organisationId());
    Organisation upstream = org(copyRoute.get(0));
    String q = "q=" + enc(tag);

    // the ministry reads only the copy: its route's recipient matches, in Japanese and English
    Http ministry = signedIn(fixtures.user("fsa", Role.ANALYST));
    assertThat(ministry.get("/reports?" + q + "&recipient=" + enc(upstream.nameJa())).body())
        .contains("href=\"/reports/" + copy + "\"");
    assertThat(ministry.get("/reports?" + q + "&recipient=" + enc(upstream.nameEn())).body())
        .contains("href=\"/reports/" + copy + "\"");
    // the CEPTOAR received the original, which the ministry may not see: never a match
    sameAsNothing(ministry, "/reports", q, ceptoar.nameJa());
    sameAsNothing(ministry, "/reports", q, ceptoar.nameEn());

    // the reporter's page of its original shows the CEPTOAR and the copy's route
    Http bank = signedIn(reporter);
    assertThat(bank.get("/reports?" + q + "&recipient=" + enc(ceptoar.nameJa())).body())
        .contains("href=\"/reports/" + original + "\"");
    assertThat(bank.get("/reports?" + q + "&recipient=" + enc(upstream.nameJa())).body())
        .contains("href=\"/reports/" + original + "\"");

    // an operator of another sector reads the TLP:GREEN copy only: the copy's route matches, the
    // CEPTOAR that received the original never does
    Http other = signedIn(fixtures.user("op-inazuma-power", Role.ANALYST));
    assertThat(other.get("/reports?" + q + "&recipient=" + enc(upstream.nameJa())).body())
        .contains("href=\"/reports/" + copy + "\"")
        .doesNotContain("href=\"/reports/" + original + "\"");
    sameAsNothing(other, "/reports", q, ceptoar.nameJa());
  }

  @Test
  void anAdvisorysRecipientsMatchOnlyForTheIssuerAndEachRecipientItself() {
    Organisation a = fixtures.operator("finance");
    Organisation b = fixtures.operator("finance");
    Http nisc = http().bearer(fixtures.token(fixtures.user("nisc", Role.ANALYST)));
    String tag = Fixtures.unique("宛先情報提供");
    HttpResponse<String> r =
        nisc.postJson(
            "/api/v1/advisories",
            "{\"title\":\""
                + tag
                + "\",\"body\":\"本文\",\"actions\":\"対処\",\"observables\":[],"
                + "\"tlp\":\"amber\",\"organisations\":[\""
                + a.code()
                + "\",\""
                + b.code()
                + "\"],\"urgency\":\"normal\"}");
    assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
    long id = Long.parseLong(r.body().replaceAll(".*\"id\":(\\d+).*", "$1"));
    String q = "q=" + enc(tag);
    String link = "href=\"/advisories/" + id + "\"";

    // the issuer names every recipient
    Http issuer = signedIn(fixtures.user("nisc", Role.ANALYST));
    for (Organisation o : List.of(a, b)) {
      assertThat(issuer.get("/advisories?" + q + "&recipient=" + enc(o.nameJa())).body())
          .contains(link);
      assertThat(issuer.get("/advisories?" + q + "&recipient=" + enc(o.nameEn())).body())
          .contains(link);
    }
    // a recipient sees itself, never the other recipient
    Http memberA = signedIn(fixtures.user(a, Role.MEMBER));
    assertThat(memberA.get("/advisories?" + q).body()).contains(link);
    assertThat(memberA.get("/advisories?" + q + "&recipient=" + enc(a.nameJa())).body())
        .contains(link);
    sameAsNothing(memberA, "/advisories", q, b.nameJa());
    sameAsNothing(memberA, "/advisories", q, b.nameEn());
  }

  /** A submitted report of {@code from} titled {@code title}, delivered along {@code route}. */
  private long delivered(Organisation from, String title, String tlp, Organisation... route) {
    long id =
        jdbc.sql(
                "with made as (insert into report (originator_org_id, sector_code, route, tlp,"
                    + " status, created_at, submitted_at) values (?, ?, 'hotline', ?, 'submitted',"
                    + " now(), now()) returning id)"
                    + " insert into report_version (report_id, version_no, kind, title, summary,"
                    + " detected_at, incident_type_code, service_outage, severity_code,"
                    + " cascade_possibility, reporting_case_code)"
                    + " select id, 1, 'first', ?, '概要', now(), 'intrusion', 'no', 'level2', 'no',"
                    + " 'case3' from made returning report_id")
            .params(from.id(), from.sectorCode(), tlp, title)
            .query(Long.class)
            .single();
    for (int i = 0; i < route.length; i++) {
      jdbc.sql(
              "insert into report_hop (report_id, hop_order, kind, recipient_org_id, delivered_at)"
                  + " values (?, ?, 'ceptoar', ?, now())")
          .params(id, i + 1, route[i].id())
          .update();
    }
    return id;
  }

  @Test
  void theInboxRecipientFilterNamesOnlyRecipientsOfReportsTheViewerMaySee() {
    Organisation sender = fixtures.operator("gas");
    Organisation inbox = fixtures.operator("gas");
    Organisation next = fixtures.operator("gas");
    Organisation hiddenNext = fixtures.operator("gas");
    String tag = Fixtures.unique("受信宛先");
    // a GREEN report delivered to the inbox's organisation and then to `next`; two RED ones
    // delivered to both as well, naming no person of the inbox's organisation (hidden from its
    // analyst though delivered), one of them also to `hiddenNext`, which no visible report reaches
    long shown = delivered(sender, tag + " 見える", "green", inbox, next);
    long hidden = delivered(sender, tag + " 見えない", "red", inbox, next, hiddenNext);
    delivered(sender, tag + " 見えない2", "red", inbox, next);
    String q = "q=" + enc(tag);
    Http web = signedIn(fixtures.user(inbox, Role.ANALYST));
    for (String name : List.of(next.nameJa(), next.nameEn())) {
      String body = web.get("/inbox?" + q + "&recipient=" + enc(name)).body();
      assertThat(body)
          .contains("href=\"/reports/" + shown + "\"")
          .doesNotContain("href=\"/reports/" + hidden + "\"");
      // the hidden reports delivered to the same recipient move no total
      assertThat(body).contains("全1件");
    }
    // the newest-first walk narrowed in SQL, and the other orders (read in full), alike
    for (String order : List.of("", "&sort=title", "&sort=delivered&dir=asc")) {
      sameAsNothing(web, "/inbox", q + order, hiddenNext.nameJa());
      sameAsNothing(web, "/inbox", q + order, hiddenNext.nameEn());
    }
    // the sender is no recipient
    sameAsNothing(web, "/inbox", q, sender.nameJa());
  }
}
