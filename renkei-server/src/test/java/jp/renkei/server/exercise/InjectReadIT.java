package jp.renkei.server.exercise;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import jp.renkei.server.audit.Actor;
import jp.renkei.server.directory.DirectoryService;
import jp.renkei.server.directory.Organisation;
import jp.renkei.server.directory.Role;
import jp.renkei.server.directory.UserAccount;
import jp.renkei.server.support.Fixtures;
import jp.renkei.server.support.Http;
import jp.renkei.server.support.ServerTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Reading an inject scores, so only the player's own reading may count (attack27, attack28b): the
 * session cookie travels on a top-level GET from another site (SameSite=Lax), so a link in an
 * e-mail or on another page would otherwise read the injects for the player. The run's page records
 * the read only when the browser says it came from the hub's own pages; otherwise it shows the
 * injects and a button that records the read.
 */
class InjectReadIT extends ServerTest {

  @Autowired ExerciseService exercises;
  @Autowired DirectoryService directory;
  @Autowired JdbcClient jdbc;

  @Test
  void aPageOpenedFromAnotherSiteShowsTheInjectsWithoutRecordingTheRead() {
    Actor controller = fixtures.actor(fixtures.user("nisc", Role.ANALYST));
    Organisation bank = ExerciseIT.member(directory, "finance", "c-bank");
    UserAccount lured = fixtures.user(bank, Role.ANALYST);
    UserAccount reader = fixtures.user(bank, Role.ANALYST);
    UserAccount presser = fixtures.user(bank, Role.ANALYST);
    long scenario = exercises.createScenario(controller, ExerciseIT.scenario());
    long run = exercises.createRun(controller, scenario, "演習 " + Fixtures.unique("r"), 1, false);
    for (UserAccount u : List.of(lured, reader, presser)) {
      exercises.addMember(controller, run, u.login(), "player", "bank", "");
    }
    exercises.control(controller, run, "start");
    String page = "/exercises/" + run;

    // a link followed from another site, and a request that does not say where it came from: the
    // player sees the inject, and the button, but nothing is read
    Http lure = signedIn(lured);
    var crossSite = lure.get(page, "Sec-Fetch-Site", "cross-site", "Sec-Fetch-Mode", "navigate");
    assertThat(crossSite.statusCode()).isEqualTo(200);
    assertThat(crossSite.body()).contains("早期警戒情報", "exercise-mark-read");
    assertThat(lure.get(page, "Sec-Fetch-Site", "same-site").body()).contains("exercise-mark-read");
    assertThat(lure.get(page, "Sec-Fetch-Site", "none").body()).contains("exercise-mark-read");
    assertThat(lure.get(page).body()).contains("早期警戒情報", "exercise-mark-read");
    // the API answers the session too: the same link to it reads nothing either
    String api = "/api/v1/exercises/runs/" + run;
    var apiCrossSite = lure.get(api, "Sec-Fetch-Site", "cross-site", "Sec-Fetch-Mode", "navigate");
    assertThat(apiCrossSite.statusCode()).isEqualTo(200);
    assertThat(apiCrossSite.body()).contains("早期警戒情報");
    assertThat(read(run, lured)).isZero();

    // the hub's own navigation records the read, and offers no button
    Http own = signedIn(reader);
    var sameOrigin = own.get(page, "Sec-Fetch-Site", "same-origin", "Sec-Fetch-Mode", "navigate");
    assertThat(sameOrigin.body()).contains("早期警戒情報").doesNotContain("exercise-mark-read");
    assertThat(read(run, reader)).isEqualTo(1);

    // the button records it (a POST: the CSRF token keeps another site from pressing it)
    Http press = signedIn(presser);
    assertThat(read(run, presser)).isZero();
    var pressed = press.postForm(page, page + "/read", Map.of());
    assertThat(pressed.statusCode()).isIn(302, 303);
    assertThat(read(run, presser)).isEqualTo(1);
    // ux29: the button used to leave the page as it was, the reader unsure it worked; the page
    // after it says the read is recorded and offers no second press
    var after = press.get(page);
    assertThat(after.body())
        .contains("id=\"exercise-read-saved\"", "既読として記録しました")
        .doesNotContain("exercise-mark-read");
    assertThat(press.postFormRaw(page + "/read", Map.of()).statusCode()).isEqualTo(403);
    // and the lured player's inject is still unread
    assertThat(read(run, lured)).isZero();

    // a script with the player's own token reads for them: no other site can send the token
    UserAccount scripted = fixtures.user(bank, Role.ANALYST);
    exercises.addMember(controller, run, scripted.login(), "player", "bank", "");
    exercises.command(controller, run, "X");
    assertThat(http().bearer(fixtures.token(scripted)).get(api).statusCode()).isEqualTo(200);
    assertThat(read(run, scripted)).isPositive();
  }

  /** How many of the player's delivered injects are recorded read. */
  int read(long run, UserAccount u) {
    return jdbc.sql("select count(read_at) from exercise_delivery where run_id = ? and user_id = ?")
        .params(run, u.id())
        .query(Integer.class)
        .single();
  }

  Http signedIn(UserAccount u) {
    Http web = http();
    web.signIn(u.login(), Fixtures.PASSWORD);
    return web;
  }
}
