package jp.renkei.server.mail;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import jp.renkei.server.audit.Actor;
import jp.renkei.server.directory.Organisation;
import jp.renkei.server.directory.Role;
import jp.renkei.server.directory.UserAccount;
import jp.renkei.server.exercise.drill.DrillService;
import jp.renkei.server.support.Fixtures;
import jp.renkei.server.support.Http;
import jp.renkei.server.support.ServerTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.json.JsonMapper;

/**
 * An adversary's colleague keeps drafts: C4TAP submissions one may not read (a colleague's drafts
 * here) must not push the ones one may read off the C4TAP lists, nor lower their count. Both lists
 * read at most 500 rows and then let the policy judge them, so 501 newer hidden drafts emptied a
 * reader's list: its 「N件」 fell as hidden submissions were added.
 */
class C4tapListLeakIT extends ServerTest {

  static final JsonMapper JSON = JsonMapper.builder().build();

  @Autowired DrillService drills;
  @Autowired JdbcClient jdbc;

  @Test
  void hiddenSubmissionsPushNoVisibleOneOffTheRealListOrTheRunsList() {
    Organisation op = fixtures.operator("aviation");
    UserAccount player = fixtures.user(op, Role.ANALYST);
    UserAccount colleague = fixtures.user(op, Role.ANALYST);
    Actor nisc = fixtures.actor(fixtures.user("nisc", Role.ANALYST));
    long drill = drills.start(nisc, "liaison", List.of("aviation"));
    long run = drills.result(nisc, drill, java.util.Locale.JAPANESE).runId();
    Http web = http().bearer(fixtures.token(player));
    long exercise = shared(web, "/api/v1/c4tap?range=amber&exerciseRunId=" + run);
    long real = shared(web, "/api/v1/c4tap?range=amber");

    // 501 newer drafts of the colleague, in the run and in real work: nobody else may read them
    for (long template : List.of(exercise, real)) {
      jdbc.sql(
              "insert into c4tap_submission (originator_org, originator_person, range_code,"
                  + " subject, verdict, score, removed, bundle, exercise_run_id)"
                  + " select originator_org, ?, range_code, subject, verdict, score,"
                  + " removed, bundle, exercise_run_id from c4tap_submission,"
                  + " generate_series(1, 501) where id = ?")
          .params(colleague.id(), template)
          .update();
    }

    assertThat(ids(web.get("/api/v1/c4tap?exerciseRunId=" + run).body())).contains(exercise);
    assertThat(ids(web.get("/api/v1/c4tap?limit=200").body())).contains(real);
    Http page = http();
    page.signIn(player.login(), Fixtures.PASSWORD);
    assertThat(page.get("/c4tap/exercise/" + run).body()).contains("submission-" + exercise, "全1件");
    assertThat(page.get("/c4tap?size=100").body()).contains("submission-" + real);
    // not vacuous: the drafts are there for their author, newest first, ahead of the shares
    List<Long> colleagues =
        ids(http().bearer(fixtures.token(colleague)).get("/api/v1/c4tap?limit=200").body());
    assertThat(colleagues).hasSize(200).doesNotContain(real, exercise);
  }

  static long shared(Http web, String path) {
    long id =
        JSON.readTree(web.postBytes(path, "message/rfc822", C4tapIT.mail()).body())
            .path("id")
            .asLong();
    assertThat(web.postJson("/api/v1/c4tap/" + id + "/send", "{}").statusCode()).isEqualTo(200);
    return id;
  }

  static List<Long> ids(String json) {
    return JSON.readTree(json).valueStream().map(n -> n.path("id").asLong()).toList();
  }
}
