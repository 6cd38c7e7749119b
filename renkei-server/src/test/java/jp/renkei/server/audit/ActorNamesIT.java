package jp.renkei.server.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import jp.renkei.server.directory.Organisation;
import jp.renkei.server.directory.Role;
import jp.renkei.server.directory.UserAccount;
import jp.renkei.server.support.ServerTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Who did something, in words (ux29 read "web:admin" on the organisation page and in the audit
 * list): a person by name and organisation, only to a viewer who may see that person; the shell and
 * the platform's jobs by what they are; a login typed at a failed sign-in never as the person who
 * has it.
 */
class ActorNamesIT extends ServerTest {

  @Autowired ActorNames names;

  private static final Locale JA = Locale.JAPANESE;
  private static final Locale EN = Locale.ENGLISH;

  @Test
  void aPersonIsNamedWithTheirOrganisationToWhoMayKnowThem() {
    Organisation org = fixtures.operator("finance");
    UserAccount person = fixtures.user(org.code(), Role.ANALYST, "監査 花子");
    Actor platform = fixtures.actor(fixtures.user("nisc", Role.PLATFORM_ADMIN));
    Actor ownAdmin = fixtures.actor(fixtures.user(org, Role.ORG_ADMIN));
    String web = "web:" + person.login();

    assertThat(names.name(platform, web, org.id(), JA)).isEqualTo("監査 花子 (" + org.nameJa() + ")");
    assertThat(names.name(platform, web, org.id(), EN)).isEqualTo("監査 花子 (" + org.nameEn() + ")");
    assertThat(names.name(ownAdmin, "token:" + person.login(), org.id(), JA))
        .isEqualTo("監査 花子 (" + org.nameJa() + ") の API トークン");
    assertThat(names.name(ownAdmin, "token:" + person.login(), org.id(), EN))
        .isEqualTo("API token of 監査 花子 (" + org.nameEn() + ")");
  }

  @Test
  void anAdminOfAnotherOrganisationIsNotToldWhoItWas() {
    Organisation org = fixtures.operator("finance");
    UserAccount person = fixtures.user(org.code(), Role.ANALYST, "秘密 次郎");
    Actor otherAdmin = fixtures.actor(fixtures.user(fixtures.operator("water"), Role.ORG_ADMIN));
    for (Locale l : new Locale[] {JA, EN}) {
      String shown = names.name(otherAdmin, "web:" + person.login(), org.id(), l);
      assertThat(shown).doesNotContain("秘密", person.login(), org.nameJa(), org.nameEn());
    }
    assertThat(names.name(otherAdmin, "web:" + person.login(), org.id(), JA))
        .isEqualTo("ほかの組織の利用者");
  }

  @Test
  void aLoginTypedAtASignInIsNotThePersonWhoHasIt() {
    Organisation org = fixtures.operator("finance");
    UserAccount person = fixtures.user(org.code(), Role.ANALYST, "本物 三郎");
    Actor platform = fixtures.actor(fixtures.user("nisc", Role.PLATFORM_ADMIN));
    // Actor.anonymous records no organisation
    assertThat(names.name(platform, "web:" + person.login(), null, JA))
        .isEqualTo("未確認の利用者「" + person.login() + "」")
        .doesNotContain("本物");
  }

  @Test
  void theShellAndThePlatformsJobsAreSaidAsWhatTheyAre() {
    Actor platform = fixtures.actor(fixtures.user("nisc", Role.PLATFORM_ADMIN));
    assertThat(names.name(platform, "cli:root", null, JA)).isEqualTo("コマンドライン (OS の利用者 root)");
    assertThat(names.name(platform, "cli:root", null, EN)).isEqualTo("command line (OS user root)");
    assertThat(names.name(platform, "system:outbox", null, JA)).isEqualTo("システム (outbox)");
    assertThat(names.name(platform, "system:outbox", null, EN)).isEqualTo("system (outbox)");
    assertThat(names.name(platform, "feed:abuse-ch", null, EN)).isEqualTo("feed \"abuse-ch\"");
  }
}
