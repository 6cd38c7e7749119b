package jp.renkei.server.directory;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import jp.renkei.server.audit.Actor;
import jp.renkei.server.support.Fixtures;
import jp.renkei.server.support.Http;
import jp.renkei.server.support.ServerTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * attack41 (attack40 noticed it): an alias is a name that makes claims in every member's mail
 * analysis once a platform admin confirms it, and the platform admin sees it as typed. An
 * organisation's admin could give as its alias another organisation's name — in a form nobody tells
 * apart on the list of waiting values (half-width katakana, a Cyrillic letter, full-width letters)
 * — and one confirmation made mail from its domain signed with the other's name no claim of it. The
 * directory refuses such a name for a new or renamed organisation; an alias that looks like another
 * organisation's current or former name ({@code Names.skeleton}) is now refused the same way, 400
 * naming {@code aliases} and the name (the directory shows every member every organisation's names,
 * so the refusal tells nothing new), nothing stored.
 */
class IdentityAliasOfAnotherIT extends ServerTest {

  @Autowired Fixtures fixtures;
  @Autowired DirectoryService directory;

  HttpResponse<String> put(Http as, Organisation org, String aliasJson) {
    return IdentityAliasInputIT.put(as, org, aliasJson);
  }

  @Test
  void anAliasThatLooksLikeAnotherOrganisationsNameIsRefused() {
    Organisation victim = fixtures.operator("finance");
    Organisation hostile = fixtures.operator("gas");
    Http admin =
        new Http(port)
            .bearer(
                fixtures.token(
                    fixtures.user(hostile, Role.ORG_ADMIN), EnumSet.allOf(TokenScope.class)));

    // the victim's English name with a Cyrillic "е" and in full-width letters, its Japanese name
    // spaced otherwise
    String cyrillic = victim.nameEn().replace("e", "\u0435");
    String fullWidth = toFullWidth(victim.nameEn());
    for (String alias : List.of(cyrillic, fullWidth, victim.nameJa().replace(" ", "　"))) {
      HttpResponse<String> r = put(admin, hostile, "\"" + alias + "\"");
      // red on main: 200, the alias stored to wait for a platform admin
      assertThat(r.statusCode()).as(alias + ": " + r.body()).isEqualTo(400);
      assertThat(r.body()).contains("aliases");
    }
    assertThat(directory.identity(hostile.id()).aliases()).isEmpty();
    assertThat(directory.pendingIdentity(hostile.id())).isEmpty();

    // its own page says which name it looks like, in both languages
    Http page = new Http(port);
    page.signIn(fixtures.user(hostile, Role.ORG_ADMIN).login(), Fixtures.PASSWORD);
    var form =
        page.postForm(
            "/admin/own-organisation",
            "/admin/own-organisation/identity",
            Map.of("aliases", cyrillic, "domains", "", "ipRanges", ""));
    assertThat(form.body()).contains("ほかの組織の名前", victim.nameEn());

    // a platform admin is refused too, as for a new or renamed organisation
    var platform =
        org.assertj.core.api.Assertions.catchThrowable(
            () ->
                directory.setIdentity(
                    Actor.cli(),
                    hostile.id(),
                    new OrganisationIdentity(List.of(cyrillic), List.of(), List.of())));
    assertThat(platform).isInstanceOf(jp.renkei.server.failure.InvalidInput.class);

    // its own names, in another form, and a name of its own are taken
    HttpResponse<String> own =
        put(admin, hostile, "\"" + toFullWidth(hostile.nameEn()) + "\", \"ひのもと瓦斯\"");
    assertThat(own.statusCode()).as(own.body()).isEqualTo(200);
    assertThat(directory.identity(hostile.id()).aliases()).hasSize(2);
  }

  static String toFullWidth(String s) {
    StringBuilder b = new StringBuilder();
    for (char c : s.toCharArray()) {
      b.append(c > 0x20 && c < 0x7F ? (char) (c + 0xFEE0) : c);
    }
    return b.toString();
  }
}
