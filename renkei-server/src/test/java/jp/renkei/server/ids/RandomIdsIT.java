package jp.renkei.server.ids;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import jp.renkei.server.directory.Organisation;
import jp.renkei.server.directory.Role;
import jp.renkei.server.directory.UserAccount;
import jp.renkei.server.support.Http;
import jp.renkei.server.support.ServerTest;
import org.junit.jupiter.api.Test;

/**
 * The adversary's view of identifiers (issue 12, item 5): ids in URLs and API bodies are random, so
 * the ids a reader sees neither order the objects nor count the ones it may not see.
 */
class RandomIdsIT extends ServerTest {

  static final long LOW = 1L << 52;
  static final long HIGH = 1L << 53;
  static final Pattern ID = Pattern.compile("\"id\":(\\d+)");

  Http api(UserAccount u) {
    return http().bearer(fixtures.token(u));
  }

  Http browser(UserAccount u) {
    Http b = http();
    b.signIn(u.login(), jp.renkei.server.support.Fixtures.PASSWORD);
    return b;
  }

  static List<Long> reversed(List<Long> ids) {
    List<Long> out = new ArrayList<>(ids);
    java.util.Collections.reverse(out);
    return out;
  }

  static long idOf(HttpResponse<String> created) {
    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    Matcher m = Pattern.compile("\"id\":(\\d{16})[,}]").matcher(created.body());
    assertThat(m.find()).as("a 16-digit JSON number: " + created.body()).isTrue();
    return Long.parseLong(m.group(1));
  }

  /** The ids in a list body, in the order listed, that are among {@code ours}. */
  static List<Long> listed(String body, List<Long> ours) {
    List<Long> out = new ArrayList<>();
    Matcher m = ID.matcher(body);
    while (m.find()) {
      long id = Long.parseLong(m.group(1));
      if (ours.contains(id)) {
        out.add(id);
      }
    }
    return out;
  }

  static String report(String title) {
    return "{\"content\":{\"title\":\""
        + title
        + "\",\"summary\":\"不審な通信を検知。\",\"detectedAt\":\"2026-11-20T00:30:00Z\","
        + "\"incidentType\":\"unavailability\",\"causes\":[\"ddos\"],\"serviceOutage\":\"no\","
        + "\"severity\":\"level1\",\"cascadePossibility\":\"no\",\"reportingCase\":\"case3\","
        + "\"observables\":[]},\"route\":\"hotline\",\"tlp\":\"amber_strict\"}";
  }

  /** Random, 16 digits, JSON-safe; in filing order neither increasing nor decreasing; far apart. */
  static void assertCountNothing(List<Long> inFilingOrder) {
    assertThat(inFilingOrder).doesNotHaveDuplicates();
    for (long id : inFilingOrder) {
      assertThat(id).isBetween(LOW, HIGH - 1);
    }
    // n random ids come out sorted (either way) with probability 2/n!: 8.3 % for four, so the
    // order is judged only on lists long enough for chance not to decide (2/8! = 0.005 %)
    if (inFilingOrder.size() >= 8) {
      assertThat(inFilingOrder)
          .isNotEqualTo(inFilingOrder.stream().sorted().toList())
          .isNotEqualTo(inFilingOrder.stream().sorted((a, b) -> Long.compare(b, a)).toList());
    }
    for (int i = 0; i < inFilingOrder.size(); i++) {
      for (int j = i + 1; j < inFilingOrder.size(); j++) {
        assertThat(Math.abs(inFilingOrder.get(i) - inFilingOrder.get(j)))
            .as("ids filed one after another are not neighbours")
            .isGreaterThan(1L << 20);
      }
    }
  }

  @Test
  void reportIdsAreRandomAndTheReadersListIsNewestFirstWithoutCountingItsHiddenNeighbours() {
    UserAccount reader = fixtures.user(fixtures.operator("finance"), Role.ANALYST);
    UserAccount other = fixtures.user(fixtures.operator("finance"), Role.ANALYST);
    List<Long> filed = new ArrayList<>();
    List<Long> own = new ArrayList<>();
    for (int i = 0; i < 8; i++) {
      // every other one is filed by another operator, AMBER+STRICT on the hotline: the reader may
      // not see it, and must not be able to count it between its own
      UserAccount author = i % 2 == 0 ? reader : other;
      long id = idOf(api(author).postJson("/api/v1/reports?submit=true", report("乱数 id " + i)));
      filed.add(id);
      if (author == reader) {
        own.add(id);
      }
    }
    assertCountNothing(filed);
    assertCountNothing(own);

    Http api = api(reader);
    assertThat(listed(api.get("/api/v1/reports?limit=200").body(), filed))
        .containsExactlyElementsOf(reversed(own));
    for (long id : filed) {
      assertThat(api.get("/api/v1/reports/" + id).statusCode())
          .isEqualTo(own.contains(id) ? 200 : 404);
    }
    // a draft's page links its 16-digit id whole
    long draft = idOf(api.postJson("/api/v1/reports?submit=false", report("下書き")));
    assertThat(draft).isBetween(LOW, HIGH - 1);
    assertThat(browser(reader).get("/reports/" + draft).body())
        .contains("/reports/" + draft + "/edit");
  }

  @Test
  void advisoryIdsAreRandomAndListedNewestFirst() {
    Organisation operator = fixtures.operator("finance");
    Http nisc = api(fixtures.user("nisc", Role.ANALYST));
    List<Long> issued = new ArrayList<>();
    for (int i = 0; i < 8; i++) {
      issued.add(
          idOf(
              nisc.postJson(
                  "/api/v1/advisories",
                  "{\"title\":\"乱数 id の注意喚起 "
                      + i
                      + "\",\"body\":\"本文\",\"tlp\":\"amber\",\"organisations\":[\""
                      + operator.code()
                      + "\"]}")));
    }
    assertCountNothing(issued);
    Http reader = api(fixtures.user(operator, Role.MEMBER));
    assertThat(listed(reader.get("/api/v1/advisories?limit=200").body(), issued))
        .containsExactlyElementsOf(reversed(issued));
    assertThat(reader.get("/api/v1/advisories/" + issued.get(3)).body())
        .contains("\"id\":" + issued.get(3));
  }

  @Test
  void theAuditShowsNoSequenceNumbersOrHashesAndPagesByOpaqueCursors() {
    Organisation operator = fixtures.operator("finance");
    UserAccount admin = fixtures.user(operator, Role.ORG_ADMIN);
    UserAccount author = fixtures.user(operator, Role.ANALYST);
    for (int i = 0; i < 5; i++) {
      idOf(api(author).postJson("/api/v1/reports?submit=true", report("監査の頁 " + i)));
    }
    Http api = api(admin);
    String whole = api.get("/api/v1/audit?action=report.&limit=500").body();
    assertThat(whole).doesNotContain("\"seq\"", "\"hash\"", "prev");
    List<String> all = entries(whole);
    assertThat(all).hasSizeGreaterThanOrEqualTo(5);

    List<String> paged = new ArrayList<>();
    String before = null;
    while (true) {
      String body =
          api.get(
                  "/api/v1/audit?action=report.&limit=2"
                      + (before == null
                          ? ""
                          : "&before=" + URLEncoder.encode(before, StandardCharsets.UTF_8)))
              .body();
      List<String> page = entries(body);
      paged.addAll(page);
      if (page.size() < 2) {
        break;
      }
      Matcher c = Pattern.compile("\"cursor\":\"([^\"]+)\"").matcher(body);
      String last = null;
      while (c.find()) {
        last = c.group(1);
      }
      before = last;
    }
    // newest first, nothing skipped or repeated across pages
    assertThat(paged).containsExactlyElementsOf(all);

    assertThat(api.get("/api/v1/audit?before=41").statusCode()).isEqualTo(400);
    String forged = before.substring(0, before.length() - 2) + (before.endsWith("A") ? "BB" : "AA");
    assertThat(api.get("/api/v1/audit?before=" + forged).statusCode()).isEqualTo(400);
    String page = browser(admin).get("/admin/audit?action=report.").body();
    assertThat(page).doesNotContain("番号").contains("report.create");
  }

  /** Each entry's time and target, in the order listed. */
  static List<String> entries(String body) {
    List<String> out = new ArrayList<>();
    Matcher m =
        Pattern.compile("\"occurredAt\":\"([^\"]+)\".*?\"targetId\":\"([^\"]*)\"").matcher(body);
    while (m.find()) {
      out.add(m.group(1) + " " + m.group(2));
    }
    return out;
  }

  @Test
  void peopleIdsAreRandomSoAnOrgAdminAddingSomeoneCountsNobodyElse() {
    // two organisations' admins add people in turn: with sequential ids each one's answer told
    // how many accounts the hub had and how many the other had added in between (oracle33)
    Organisation bank = fixtures.operator("finance");
    Organisation power = fixtures.operator("electricity");
    Http bankAdmin = api(fixtures.user(bank, Role.ORG_ADMIN));
    Http powerAdmin = api(fixtures.user(power, Role.ORG_ADMIN));
    List<Long> added = new ArrayList<>();
    List<Long> bankOwn = new ArrayList<>();
    for (int i = 0; i < 8; i++) {
      boolean ours = i % 2 == 0;
      // an org admin's logins end in its organisation's code (oracle33)
      String login =
          jp.renkei.server.support.Fixtures.unique("rid").replace('-', '.')
              + "."
              + (ours ? bank : power).code();
      long id =
          idOf(
              (ours ? bankAdmin : powerAdmin)
                  .postJson(
                      "/api/v1/users",
                      "{\"login\":\""
                          + login
                          + "\",\"displayName\":\"乱数 利用者\",\"organisationCode\":\""
                          + (ours ? bank : power).code()
                          + "\",\"role\":\"member\"}"));
      added.add(id);
      if (ours) {
        bankOwn.add(id);
      }
    }
    assertCountNothing(added);
    assertCountNothing(bankOwn);
    for (long id : added) {
      assertThat(bankAdmin.get("/api/v1/users/" + id).statusCode())
          .isEqualTo(bankOwn.contains(id) ? 200 : 404);
    }
  }

  @org.springframework.beans.factory.annotation.Autowired
  jp.renkei.server.crypto.CredentialVault vault;

  @org.springframework.beans.factory.annotation.Autowired
  jp.renkei.server.directory.TotpService totp;

  @org.springframework.beans.factory.annotation.Autowired
  org.springframework.jdbc.core.simple.JdbcClient jdbc;

  @Test
  void aSecondFactorEnrolledUnderAPersonsIdBeforeV408StillOpensUnderItsNewId() {
    // V408 renumbers people; a TOTP secret enrolled before was sealed to the old id (the vault's
    // key file is outside the database, so the migration cannot seal it again): the hub opens it
    // with the old id, kept as legacy_id
    UserAccount person = fixtures.user(fixtures.operator("finance"), Role.ANALYST);
    long old = java.util.concurrent.ThreadLocalRandom.current().nextLong(1L << 40, 1L << 51);
    byte[] secret = jp.renkei.engine.token.Totp.newSecret();
    jdbc.sql(
            "update app_user set legacy_id = ?, totp_secret = ?, totp_enabled_at = now()"
                + " where id = ?")
        .params(
            old,
            vault.seal(jp.renkei.engine.token.Base32.encode(secret), "totp:user:" + old),
            person.id())
        .update();
    long step = jp.renkei.engine.token.Totp.step(java.time.Instant.now());
    assertThat(totp.verify(person.id(), jp.renkei.engine.token.Totp.code(secret, step))).isTrue();
    // a person added after V408 has no old id: their factor is sealed to their own id
    UserAccount newer = fixtures.user(fixtures.operator("finance"), Role.ANALYST);
    jdbc.sql("update app_user set totp_secret = ?, totp_enabled_at = now() where id = ?")
        .params(
            vault.seal(jp.renkei.engine.token.Base32.encode(secret), "totp:user:" + newer.id()),
            newer.id())
        .update();
    assertThat(totp.verify(newer.id(), jp.renkei.engine.token.Totp.code(secret, step))).isTrue();
  }

  @org.springframework.beans.factory.annotation.Autowired
  jp.renkei.server.audit.ActorNames actorNames;

  @Test
  void anAuditEntryWrittenBeforeV408NamesItsPersonByTheOldIdAndStillShowsThemToTheirAdmin() {
    // entries are append-only: one written before V408 keeps user:<old id>; the list resolves it
    // through legacy_id, for whom it may show the person to, and never as somebody else
    Organisation bank = fixtures.operator("finance");
    UserAccount person = fixtures.user(bank, Role.ANALYST);
    UserAccount admin = fixtures.user(bank, Role.ORG_ADMIN);
    UserAccount stranger = fixtures.user(fixtures.operator("finance"), Role.ORG_ADMIN);
    long old = java.util.concurrent.ThreadLocalRandom.current().nextLong(1L << 40, 1L << 51);
    jdbc.sql("update app_user set legacy_id = ? where id = ?").params(old, person.id()).update();
    String shown = person.displayName() + " (" + person.login() + ")";
    assertThat(actorNames.targetPerson(fixtures.actor(admin), Long.toString(old))).contains(shown);
    assertThat(actorNames.targetPerson(fixtures.actor(admin), Long.toString(person.id())))
        .contains(shown);
    assertThat(actorNames.targetPerson(fixtures.actor(stranger), Long.toString(old))).isEmpty();
    assertThat(actorNames.targetPerson(fixtures.actor(admin), Long.toString(old + 1))).isEmpty();
  }
}
