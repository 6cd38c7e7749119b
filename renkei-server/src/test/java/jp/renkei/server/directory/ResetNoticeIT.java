package jp.renkei.server.directory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import jp.renkei.server.audit.Actor;
import jp.renkei.server.support.Fixtures;
import jp.renkei.server.support.ServerTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * An administrator resetting a colleague's password or second factor: the person is told by e-mail
 * (who did it and when, what to do if they did not ask), never given the new password.
 */
class ResetNoticeIT extends ServerTest {

  @Autowired UserService users;

  UserAccount person(String email) {
    return person(email, fixtures.operator("gas").code(), Role.ANALYST);
  }

  UserAccount person(String email, String organisation, Role role) {
    String login = "reset." + java.util.UUID.randomUUID().toString().substring(0, 8);
    return users
        .create(
            Actor.cli(), new NewUser(login, "再設定 対象", email, organisation, role, Fixtures.PASSWORD))
        .user();
  }

  static java.util.List<MimeMessage> mailTo(String address) throws Exception {
    java.util.List<MimeMessage> out = new java.util.ArrayList<>();
    for (MimeMessage m : MAIL.getReceivedMessages()) {
      if (m.getAllRecipients()[0].toString().equals(address)) {
        out.add(m);
      }
    }
    return out;
  }

  static String text(MimeMessage m) throws Exception {
    return m.getSubject() + "\n" + m.getContent();
  }

  @Test
  void aPasswordResetByAnAdminIsMailedToThePersonWithoutThePassword() throws Exception {
    String email = "reset-" + java.util.UUID.randomUUID() + "@gas.example.jp";
    UserAccount person = person(email);
    UserAccount colleagueAdmin =
        users
            .create(
                Actor.cli(),
                new NewUser(
                    "adm." + java.util.UUID.randomUUID().toString().substring(0, 8),
                    "管理者",
                    null,
                    person.organisationCode(),
                    Role.ORG_ADMIN,
                    Fixtures.PASSWORD))
            .user();
    String password = users.resetPassword(fixtures.actor(colleagueAdmin), person.id()).password();
    await().atMost(Duration.ofSeconds(30)).until(() -> mailTo(email).size() == 1);
    String mail = text(mailTo(email).get(0));
    assertThat(mail)
        .contains("パスワード", "password", colleagueAdmin.login(), person.login())
        .doesNotContain(password);
  }

  @Test
  void aSecondFactorResetIsMailedAndAPersonWithoutAnAddressIsSimplyNotMailed() throws Exception {
    String email = "totp-" + java.util.UUID.randomUUID() + "@gas.example.jp";
    UserAccount person = person(email);
    users.resetSecondFactor(Actor.cli(), person.id());
    await().atMost(Duration.ofSeconds(30)).until(() -> mailTo(email).size() == 1);
    assertThat(text(mailTo(email).get(0))).contains("二要素", "second factor", person.login());

    UserAccount quiet = person(null);
    users.resetSecondFactor(Actor.cli(), quiet.id());
    assertThat(
            jdbc()
                .sql("select count(*) from account_mail where user_id = ?")
                .param(quiet.id())
                .query(Integer.class)
                .single())
        .isZero();
  }

  /**
   * A person read as disabled — their own flag off, or their organisation inactive (deact28's
   * leftover, attack28c) — gets no reset notice: the account cannot sign in, and an organisation
   * made inactive (it left, or was compromised) may no longer have its people reading its
   * mailboxes. A notice queued before the person was disabled is cancelled, not sent; the admin's
   * page says why nobody was mailed.
   */
  @Test
  void aDisabledPersonOrOneOfAnInactiveOrganisationGetsNoResetNotice() throws Exception {
    UserAccount enabled = person("on-" + java.util.UUID.randomUUID() + "@gas.example.jp");
    Organisation org = directory.organisation(enabled.organisationId());
    UserAccount ofInactive = person("off-" + java.util.UUID.randomUUID() + "@gas.example.jp");
    UserAccount disabled =
        person("dis-" + java.util.UUID.randomUUID() + "@gas.example.jp", org.code(), Role.MEMBER);
    users.setEnabled(Actor.cli(), disabled.id(), false);
    // queued while enabled, the person disabled before the outbox sent it
    UserAccount late = person("late-" + java.util.UUID.randomUUID() + "@gas.example.jp");
    UserAccount admin = person(null, "nisc", Role.PLATFORM_ADMIN);
    var browser = http();
    assertThat(browser.signIn(admin.login(), Fixtures.PASSWORD).statusCode()).isEqualTo(302);
    String disabledPage = "/admin/users/" + disabled.id();
    assertThat(
            browser.postForm(disabledPage, disabledPage + "/password", java.util.Map.of()).body())
        .contains("id=\"reset-mailed\"", "無効（本人または所属組織が無効）のため")
        .doesNotContain("あてにお知らせします");
    users.resetSecondFactor(Actor.cli(), disabled.id());

    directory.setActive(Actor.cli(), ofInactive.organisationId(), false);
    users.resetPassword(Actor.cli(), ofInactive.id());
    users.resetSecondFactor(Actor.cli(), ofInactive.id());
    assertThat(queued(disabled)).isZero();
    assertThat(queued(ofInactive)).isZero();

    tx.executeWithoutResult(
        t -> {
          users.resetPassword(Actor.cli(), late.id());
          jdbc.sql("update app_user set enabled = false where id = ?").param(late.id()).update();
        });
    assertThat(queued(late)).isEqualTo(1);
    await().atMost(Duration.ofSeconds(60)).until(() -> "cancelled".equals(outboxStatus(late)));
    // the enabled colleague is mailed as before, after the cancelled row was judged
    users.resetPassword(Actor.cli(), enabled.id());
    await().atMost(Duration.ofSeconds(30)).until(() -> mailTo(enabled.email()).size() == 1);
    for (UserAccount u : java.util.List.of(disabled, ofInactive, late)) {
      assertThat(mailTo(u.email())).as(u.login()).isEmpty();
    }
    assertThat(
            jdbc.sql(
                    "select o.cancel_reason from outbox o join account_mail m on m.id ="
                        + " o.account_mail_id where m.user_id = ?")
                .param(late.id())
                .query(String.class)
                .single())
        .isEqualTo("inactive");
  }

  int queued(UserAccount u) {
    return jdbc.sql("select count(*) from account_mail where user_id = ?")
        .param(u.id())
        .query(Integer.class)
        .single();
  }

  String outboxStatus(UserAccount u) {
    return jdbc.sql(
            "select o.status from outbox o join account_mail m on m.id = o.account_mail_id"
                + " where m.user_id = ?")
        .param(u.id())
        .query(String.class)
        .single();
  }

  @Autowired DirectoryService directory;
  @Autowired org.springframework.transaction.support.TransactionTemplate tx;

  /**
   * The admin's page after a reset says whether the person was mailed, and where: it said nothing
   * (walk19), so an admin could not tell whether to call them too.
   */
  @Test
  void theAdminsPageSaysWhetherThePersonWasMailed() throws Exception {
    String email = "page-" + java.util.UUID.randomUUID() + "@gas.example.jp";
    UserAccount person = person(email);
    UserAccount quiet = person(null, person.organisationCode(), Role.ANALYST);
    UserAccount admin = person(null, person.organisationCode(), Role.ORG_ADMIN);
    var browser = http();
    assertThat(browser.signIn(admin.login(), Fixtures.PASSWORD).statusCode()).isEqualTo(302);
    String page = "/admin/users/" + person.id();
    String reset = browser.postForm(page, page + "/password", java.util.Map.of()).body();
    assertThat(reset)
        .contains(
            "id=\"new-password\"", "id=\"reset-mailed\"", "本人のメールアドレス " + email + " あてにお知らせします");
    await().atMost(Duration.ofSeconds(30)).until(() -> mailTo(email).size() == 1);
    String totp = browser.postForm(page, page + "/totp-reset", java.util.Map.of()).body();
    assertThat(totp).contains("id=\"reset-mailed\"", email);
    String quietPage = "/admin/users/" + quiet.id();
    assertThat(browser.postForm(quietPage, quietPage + "/password", java.util.Map.of()).body())
        .contains("id=\"reset-mailed\"", "メールアドレスが登録されていないため")
        .doesNotContain("あてにお知らせします");
  }

  @Autowired org.springframework.jdbc.core.simple.JdbcClient jdbc;

  org.springframework.jdbc.core.simple.JdbcClient jdbc() {
    return jdbc;
  }
}
