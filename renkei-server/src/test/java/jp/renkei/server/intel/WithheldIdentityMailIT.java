package jp.renkei.server.intel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import jp.renkei.server.audit.Actor;
import jp.renkei.server.directory.Organisation;
import jp.renkei.server.directory.Role;
import jp.renkei.server.directory.UserAccount;
import jp.renkei.server.support.Fixtures;
import jp.renkei.server.support.Http;
import jp.renkei.server.support.ServerTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The organisation that stored a withheld identity is told (identity30b): its admins get an e-mail
 * in Japanese, then English, through the outbox, when a platform admin withholds the identity and
 * when one releases it; nobody else does (its analysts, a disabled admin, the imitated
 * organisation's admins, the platform admin who acted), and the outbox judges each again when it
 * sends: an admin disabled, or an organisation made inactive, after the mail was queued gets
 * nothing.
 */
class WithheldIdentityMailIT extends ServerTest {

  @Autowired MisnamedIdentities misnamed;
  @Autowired IntelService intel;
  @Autowired JdbcClient jdbc;
  @Autowired TransactionTemplate tx;

  @Test
  void theStoringOrganisationsAdminsAloneAreMailedOnWithholdingAndOnRelease() throws Exception {
    Organisation imitated = fixtures.operator("gas");
    Organisation storer = fixtures.operator("gas");
    Organisation other = fixtures.operator("gas");
    String name = imitated.nameEn() + " CSIRT";
    String identity = StoredRows.identity(jdbc, gas(), storer, name, "organization");
    // another organisation's sighting naming it: the storer's mail says nothing of it
    String sighting =
        StoredRows.object(
            jdbc,
            gas(),
            other,
            "sighting",
            ",\"sighting_of_ref\":\"indicator--"
                + UUID.randomUUID()
                + "\",\"where_sighted_refs\":[\""
                + identity
                + "\"]",
            false);
    String admin = mail(fixtures.user(storer, Role.ORG_ADMIN));
    String analyst = mail(fixtures.user(storer, Role.ANALYST));
    UserAccount disabledAdmin = fixtures.user(storer, Role.ORG_ADMIN);
    String disabled = mail(disabledAdmin);
    jdbc.sql("update app_user set enabled = false where id = ?").param(disabledAdmin.id()).update();
    String imitatedAdmin = mail(fixtures.user(imitated, Role.ORG_ADMIN));
    String otherAdmin = mail(fixtures.user(other, Role.ORG_ADMIN));
    UserAccount platformAdmin = fixtures.user("nisc", Role.PLATFORM_ADMIN);
    String platform = mail(platformAdmin);
    Http web = signedIn(platformAdmin);

    web.postForm(
        "/admin/misnamed-identities",
        "/admin/misnamed-identities/withhold",
        Map.of("identity", identity));

    await().atMost(Duration.ofSeconds(30)).until(() -> mailTextsTo(admin).size() == 1);
    String withheld = mailTextsTo(admin).get(0);
    assertThat(withheld)
        .contains(identity, name, "差し止めました", "他の組織の部署・チームの名前", "x_renkei_attribution_withheld")
        .contains("have withheld", "a unit or team of another organisation", "release it")
        .doesNotContain(sighting, other.nameJa(), other.nameEn());
    assertThat(withheld.indexOf(storer.nameJa() + " 管理者各位"))
        .isPositive()
        .isLessThan(withheld.indexOf("To the administrators of " + storer.nameEn()));
    assertThat(audited("intel.misnamed.withheld", identity)).endsWith(", mailed 1");

    web.postForm(
        "/admin/misnamed-identities",
        "/admin/misnamed-identities/release",
        Map.of("identity", identity));

    await().atMost(Duration.ofSeconds(30)).until(() -> mailTextsTo(admin).size() == 2);
    String released = mailTextsTo(admin).get(1);
    assertThat(released)
        .contains(identity, name, "差し止めを解除しました", "have released", "served again as stored")
        .doesNotContain(sighting);
    assertThat(released.indexOf("管理者各位"))
        .isPositive()
        .isLessThan(released.indexOf("To the administrators of"));
    assertThat(audited("intel.misnamed.released", identity)).endsWith(", mailed 1");
    for (String nobody : List.of(analyst, disabled, imitatedAdmin, otherAdmin, platform)) {
      assertThat(mailTextsTo(nobody)).as(nobody).isEmpty();
    }
  }

  /**
   * Queued while the admin was enabled and the organisation active, then judged again when sent: a
   * person disabled in the meantime, or everyone of an organisation made inactive, gets nothing.
   */
  @Test
  void aNoticeIsJudgedAgainWhenSentAndADisabledAdminOrAnInactiveOrganisationGetsNothing()
      throws Exception {
    Organisation imitated = fixtures.operator("gas");
    Organisation storer = fixtures.operator("gas");
    Organisation leaving = fixtures.operator("gas");
    String first = StoredRows.identity(jdbc, gas(), storer, imitated.nameEn(), "organization");
    String second = StoredRows.identity(jdbc, gas(), leaving, imitated.nameEn(), "organization");
    UserAccount stays = fixtures.user(storer, Role.ORG_ADMIN);
    UserAccount late = fixtures.user(storer, Role.ORG_ADMIN);
    UserAccount ofLeaving = fixtures.user(leaving, Role.ORG_ADMIN);
    String staysTo = mail(stays);
    String lateTo = mail(late);
    String leavingTo = mail(ofLeaving);

    tx.executeWithoutResult(
        t -> {
          assertThat(misnamed.withhold(Actor.cli(), first)).isTrue();
          jdbc.sql("update app_user set enabled = false where id = ?").param(late.id()).update();
          assertThat(misnamed.withhold(Actor.cli(), second)).isTrue();
          jdbc.sql("update organisation set active = false where id = ?")
              .param(leaving.id())
              .update();
        });

    assertThat(queued(late)).isEqualTo(1);
    assertThat(queued(ofLeaving)).isEqualTo(1);
    await()
        .atMost(Duration.ofSeconds(60))
        .until(
            () ->
                "cancelled".equals(outboxStatus(late))
                    && "cancelled".equals(outboxStatus(ofLeaving))
                    && mailTextsTo(staysTo).size() == 1);
    assertThat(mailTextsTo(lateTo)).isEmpty();
    assertThat(mailTextsTo(leavingTo)).isEmpty();
    assertThat(mailTextsTo(staysTo).get(0)).contains(first, "他の組織の名前").doesNotContain(second);
  }

  /**
   * attack31: the mail is meant for the organisation's admins, and judged again for that when sent:
   * an admin demoted to analyst after it was queued gets nothing (before, the outbox judged only
   * "enabled and active", and the demoted person was mailed the platform admin's decision about the
   * organisation's identity).
   */
  @Test
  void anAdminDemotedToAnalystBeforeTheMailIsSentGetsNothing() throws Exception {
    Organisation imitated = fixtures.operator("gas");
    Organisation storer = fixtures.operator("gas");
    String identity = StoredRows.identity(jdbc, gas(), storer, imitated.nameEn(), "organization");
    UserAccount stays = fixtures.user(storer, Role.ORG_ADMIN);
    UserAccount demoted = fixtures.user(storer, Role.ORG_ADMIN);
    String staysTo = mail(stays);
    String demotedTo = mail(demoted);

    tx.executeWithoutResult(
        t -> {
          assertThat(misnamed.withhold(Actor.cli(), identity)).isTrue();
          jdbc.sql("update app_user set role = 'analyst' where id = ?")
              .param(demoted.id())
              .update();
        });

    assertThat(queued(demoted)).isEqualTo(1);
    await()
        .atMost(Duration.ofSeconds(60))
        .until(
            () ->
                List.of("sent", "cancelled", "failed").contains(outboxStatus(demoted))
                    && mailTextsTo(staysTo).size() == 1);
    assertThat(outboxStatus(demoted)).isEqualTo("cancelled");
    assertThat(mailTextsTo(demotedTo)).isEmpty();
    assertThat(
            jdbc.sql(
                    "select o.cancel_reason from outbox o join account_mail m on m.id ="
                        + " o.account_mail_id where m.user_id = ?")
                .param(demoted.id())
                .query(String.class)
                .single())
        .isEqualTo("notAdmin");
    misnamed.release(Actor.cli(), identity);
  }

  private String mail(UserAccount u) {
    String address = u.login() + "@withheld.example";
    jdbc.sql("update app_user set email = ? where id = ?").params(address, u.id()).update();
    return address;
  }

  private String audited(String action, String target) {
    return jdbc.sql(
            "select detail from audit_event where action = ? and target_id = ? order by seq desc"
                + " limit 1")
        .params(action, target)
        .query(String.class)
        .single();
  }

  private int queued(UserAccount u) {
    return jdbc.sql("select count(*) from account_mail where user_id = ?")
        .param(u.id())
        .query(Integer.class)
        .single();
  }

  private String outboxStatus(UserAccount u) {
    return jdbc.sql(
            "select o.status from outbox o join account_mail m on m.id = o.account_mail_id"
                + " where m.user_id = ?")
        .param(u.id())
        .query(String.class)
        .single();
  }

  private Http signedIn(UserAccount u) {
    Http browser = http();
    assertThat(browser.signIn(u.login(), Fixtures.PASSWORD).statusCode()).isEqualTo(302);
    browser.postForm("/", "/settings/language", Map.of("lang", "ja", "back", "/"));
    return browser;
  }

  private UUID gas() {
    return StoredRows.sectorCollection(intel, "gas");
  }
}
