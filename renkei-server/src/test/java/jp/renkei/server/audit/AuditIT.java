package jp.renkei.server.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import jp.renkei.engine.audit.ChainVerifier;
import jp.renkei.server.directory.Role;
import jp.renkei.server.support.Fixtures;
import jp.renkei.server.support.ServerTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

class AuditIT extends ServerTest {

  @Autowired AuditLog audit;
  @Autowired JdbcClient jdbc;

  @Test
  void signInSuccessAndFailureAreRecorded() {
    var person = fixtures.user("op-sakura-bank", Role.MEMBER);
    http().signIn(person.login(), "wrong-password-123");
    http().signIn(person.login(), Fixtures.PASSWORD);
    List<AuditEntry> entries =
        audit.search(
            Actor.cli(), new AuditFilter("auth.login", person.login(), null, null, null, null, 10));
    assertThat(entries).extracting(AuditEntry::outcome).containsExactly("success", "failure");
    assertThat(entries.get(1).detail())
        .contains("wrong password")
        .doesNotContain("wrong-password-123");
    assertThat(entries.get(0).clientAddress()).isEqualTo("127.0.0.1");
  }

  /**
   * The Detail column speaks the reader's language: an entry recorded with a code is shown in
   * Japanese or English, and stores its English words as detail; an entry written before codes
   * existed (text only) is shown as recorded, marked English. The target is named once, by the
   * person's name.
   */
  @Test
  void theDetailIsShownInTheReadersLanguageAndOldEntriesAsRecorded() {
    var person = fixtures.user("op-sakura-bank", Role.MEMBER);
    http().signIn(person.login(), "wrong-password-123");
    AuditEntry coded =
        audit
            .search(
                Actor.cli(),
                new AuditFilter("auth.login", person.login(), "failure", null, null, null, 1))
            .get(0);
    assertThat(coded.detailCode()).startsWith("auth.login.wrongPassword");
    // the failures counted (per client address for a known login: other tests' count too)
    assertThat(coded.detailArgs()).hasSize(1).allMatch(a -> a.matches("\\d+"));
    String count = coded.detailArgs().get(0);
    assertThat(coded.detail())
        .isIn("wrong password (" + count + ")", "wrong password (" + count + "), locked");
    // as an entry of an older hub: text only
    String legacy = Fixtures.unique("recorded before codes");
    audit.recordAlone(
        fixtures.actor(person),
        new AuditLog.Event("auth.login", "user", person.id(), "failure", legacy));
    assertThat(audit.verify().intact()).isTrue();

    // a refused sign-in is recorded for no organisation: the platform admin reads it
    var admin = fixtures.user("nisc", Role.PLATFORM_ADMIN);
    var browser = http();
    browser.signIn(admin.login(), Fixtures.PASSWORD);
    String query = "/admin/audit?action=auth.login&actor=" + person.login();
    browser.postForm("/", "/settings/language", java.util.Map.of("lang", "ja", "back", "/"));
    String ja = browser.get(query).body();
    assertThat(ja)
        .contains("パスワード誤り (" + count + " 回目)")
        .doesNotContain("wrong password (", "audit.detail", "利用者 user:");
    // the entry recorded as text is marked as English, whatever else its cell carries (the
    // phone's column label, ux36)
    assertThat(ja).containsPattern("<td [^>]*\\blang=\"en\"[^>]*>" + legacy + "</td>");
    assertThat(ja)
        .contains(
            "<span class=\"audit-name\">" + person.displayName() + " (" + person.login() + ")");
    browser.postForm("/", "/settings/language", java.util.Map.of("lang", "en", "back", "/"));
    String en = browser.get(query).body();
    assertThat(en).contains("wrong password (" + count + ")", legacy).doesNotContain("パスワード誤り");
  }

  @Test
  void theLogRefusesUpdateAndDelete() {
    var person = fixtures.user("op-sakura-bank", Role.MEMBER);
    http().signIn(person.login(), Fixtures.PASSWORD);
    assertThatThrownBy(
            () -> jdbc.sql("update audit_event set outcome = 'failure' where seq = 1").update())
        .hasMessageContaining("append-only");
    assertThatThrownBy(() -> jdbc.sql("delete from audit_event where seq = 1").update())
        .hasMessageContaining("append-only");
  }

  @Test
  void verifyFindsAnEntryEditedBehindTheTriggersBack() {
    var person = fixtures.user("op-sakura-bank", Role.MEMBER);
    http().signIn(person.login(), Fixtures.PASSWORD);
    assertThat(audit.verify().intact()).isTrue();
    long seq =
        audit
            .search(
                Actor.cli(),
                new AuditFilter("auth.login", person.login(), "success", null, null, null, 1))
            .get(0)
            .seq();
    String original =
        jdbc.sql("select actor from audit_event where seq = ?")
            .param(seq)
            .query(String.class)
            .single();
    synchronized (AuditIT.class) {
      jdbc.sql("alter table audit_event disable trigger audit_event_no_update").update();
      try {
        jdbc.sql("update audit_event set actor = 'web:someone-else' where seq = ?")
            .param(seq)
            .update();
        ChainVerifier.Result tampered = audit.verify();
        assertThat(tampered.intact()).isFalse();
        assertThat(tampered.firstBreak().orElseThrow().seq()).isEqualTo(seq);
        assertThat(tampered.firstBreak().orElseThrow().problem())
            .isEqualTo(ChainVerifier.Problem.CONTENT_ALTERED);
      } finally {
        jdbc.sql("update audit_event set actor = ? where seq = ?").params(original, seq).update();
        jdbc.sql("alter table audit_event enable trigger audit_event_no_update").update();
      }
    }
    assertThat(audit.verify().intact()).isTrue();
  }

  @Test
  void orgAdminsSeeOnlyTheirOrganisationsEventsAndMembersNone() {
    var bankAdmin = fixtures.user("op-sakura-bank", Role.ORG_ADMIN);
    var powerPerson = fixtures.user("op-inazuma-power", Role.MEMBER);
    http().signIn(powerPerson.login(), Fixtures.PASSWORD);
    var api = http().bearer(fixtures.token(bankAdmin));
    String body = api.get("/api/v1/audit?action=auth.login&limit=500").body();
    assertThat(body).doesNotContain(powerPerson.login());
    var member = fixtures.user("op-sakura-bank", Role.MEMBER);
    assertThat(http().bearer(fixtures.token(member)).get("/api/v1/audit").statusCode())
        .isEqualTo(403);
    assertThat(api.get("/api/v1/audit/verify").statusCode()).isEqualTo(403);
  }

  @Test
  void adminPageFiltersByActionAndVerifiesTheChain() {
    var admin = fixtures.user("nisc", Role.PLATFORM_ADMIN);
    var browser = http();
    browser.signIn(admin.login(), Fixtures.PASSWORD);
    String page = browser.get("/admin/audit?action=auth.&verify=true").body();
    assertThat(page).contains("id=\"chain-status\"", "auth.login").doesNotContain("user.create");
    assertThat(browser.get("/admin/audit?from=yesterday").statusCode()).isEqualTo(400);
  }

  @Test
  void platformAdminFiltersByOrganisationAndAnOrgAdminStillSeesOnlyItsOwn() {
    var bankPerson = fixtures.user("op-sakura-bank", Role.MEMBER);
    var powerPerson = fixtures.user("op-inazuma-power", Role.MEMBER);
    http().signIn(bankPerson.login(), Fixtures.PASSWORD);
    http().signIn(powerPerson.login(), Fixtures.PASSWORD);

    var admin = fixtures.user("nisc", Role.PLATFORM_ADMIN);
    var browser = http();
    browser.signIn(admin.login(), Fixtures.PASSWORD);
    // by part of the name, Japanese or English, on the page
    for (String name : List.of("いなずま架空電力", "inazuma fictional")) {
      String page =
          browser
              .get(
                  "/admin/audit?action=auth.login&size=100&org="
                      + java.net.URLEncoder.encode(name, java.nio.charset.StandardCharsets.UTF_8))
              .body();
      assertThat(page).contains(powerPerson.login()).doesNotContain(bankPerson.login());
    }
    // by code through the API
    var adminApi = http().bearer(fixtures.token(admin));
    String json =
        adminApi.get("/api/v1/audit?action=auth.login&organisation=op-sakura-bank").body();
    assertThat(json).contains(bankPerson.login()).doesNotContain(powerPerson.login());
    var unknown = adminApi.get("/api/v1/audit?organisation=no-such-org");
    assertThat(unknown.statusCode()).isEqualTo(400);
    assertThat(unknown.body()).contains("no-such-org", "organisation");

    // the bank's admin asking for the power company's entries gets none, by page or API
    var bankAdmin = fixtures.user("op-sakura-bank", Role.ORG_ADMIN);
    var bankApi = http().bearer(fixtures.token(bankAdmin));
    var other = bankApi.get("/api/v1/audit?action=auth.login&organisation=op-inazuma-power");
    assertThat(other.statusCode()).isEqualTo(200);
    assertThat(other.body()).isEqualTo("[]");
    var bankBrowser = http();
    bankBrowser.signIn(bankAdmin.login(), Fixtures.PASSWORD);
    String page =
        bankBrowser
            .get(
                "/admin/audit?action=auth.login&org="
                    + java.net.URLEncoder.encode("いなずま", java.nio.charset.StandardCharsets.UTF_8))
            .body();
    assertThat(page).doesNotContain(powerPerson.login()).doesNotContain("id=\"audit-list\"");
    assertThat(bankApi.get("/api/v1/audit?action=auth.login&organisation=op-sakura-bank").body())
        .contains(bankPerson.login());
    // a member is refused before the code is looked at
    var member = http().bearer(fixtures.token(bankPerson));
    assertThat(member.get("/api/v1/audit?organisation=no-such-org").statusCode()).isEqualTo(403);
  }
}
