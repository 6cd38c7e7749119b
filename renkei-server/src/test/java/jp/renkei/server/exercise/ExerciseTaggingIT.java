package jp.renkei.server.exercise;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import jp.renkei.engine.stix.ExerciseMarking;
import jp.renkei.server.audit.Actor;
import jp.renkei.server.directory.Organisation;
import jp.renkei.server.directory.Role;
import jp.renkei.server.directory.UserAccount;
import jp.renkei.server.exercise.drill.DrillService;
import jp.renkei.server.intel.IntelService;
import jp.renkei.server.intel.StixCollection;
import jp.renkei.server.support.Http;
import jp.renkei.server.support.ServerTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * STIX exported and C4TAP shares made inside an exercise carry the exercise marking (【訓練】), and no
 * collection of real work takes exercise objects in — not even when a player posts the marked
 * export to a real collection itself.
 */
class ExerciseTaggingIT extends ServerTest {

  static final JsonMapper JSON = JsonMapper.builder().build();

  @Autowired DrillService drills;
  @Autowired IntelService intel;
  @Autowired JdbcClient jdbc;

  static byte[] mail() {
    return ("From: \"年金 事務局\" <jimu@pension-info.example>\r\n"
            + "To: \"総務部\" <soumu@drill-op.example>\r\n"
            + "Subject: 訓練用の標的型メール\r\nContent-Type: text/plain; charset=UTF-8\r\n\r\n"
            + "hxxp://dl[.]pension-info[.]example/form.exe")
        .getBytes(StandardCharsets.UTF_8);
  }

  @Test
  void exportsAndSharesOfAnExerciseAreMarkedAndNeverEnterARealCollection() {
    Organisation op = fixtures.operator("aviation");
    UserAccount player = fixtures.user(op, Role.ANALYST);
    UserAccount stranger = fixtures.user(fixtures.operator("water"), Role.ANALYST);
    Actor nisc = fixtures.actor(fixtures.user("nisc", Role.ANALYST));
    long drill = drills.start(nisc, "liaison", List.of("aviation"));
    long run = drills.result(nisc, drill, java.util.Locale.JAPANESE).runId();
    Http web = http().bearer(fixtures.token(player));

    // the mail analysis exported as STIX inside the run: every object marked
    var export =
        web.postBytes(
            "/api/v1/mail/analyze?format=stix&exerciseRunId=" + run, "message/rfc822", mail());
    assertThat(export.statusCode()).as(export.body()).isEqualTo(200);
    JsonNode bundle = JSON.readTree(export.body());
    List<JsonNode> objects = bundle.get("objects").valueStream().toList();
    assertThat(objects).anyMatch(o -> o.path("id").asString().equals(ExerciseMarking.ID));
    assertThat(objects).hasSizeGreaterThan(2).allMatch(ExerciseMarking::isExercise);
    assertThat(objects)
        .filteredOn(o -> !o.path("type").asString().equals("marking-definition"))
        .allMatch(o -> o.path("x_renkei_exercise_run").asLong() == run)
        .allMatch(
            o ->
                o.path("object_marking_refs")
                    .valueStream()
                    .anyMatch(r -> r.asString().equals(ExerciseMarking.ID)));
    // the same export outside the exercise is not marked; someone not playing may not use the run
    var real = web.postBytes("/api/v1/mail/analyze?format=stix", "message/rfc822", mail()).body();
    assertThat(real).doesNotContain(ExerciseMarking.ID, "【訓練】", "x_renkei_exercise_run");
    assertThat(
            http()
                .bearer(fixtures.token(stranger))
                .postBytes(
                    "/api/v1/mail/analyze?format=stix&exerciseRunId=" + run,
                    "message/rfc822",
                    mail())
                .statusCode())
        .isEqualTo(404);

    // a real collection refuses every marked object, each with the reason, and stores none
    StixCollection hub =
        intel.allCollections().stream()
            .filter(c -> c.kind() == StixCollection.Kind.HUB)
            .findFirst()
            .orElseThrow();
    var ingest =
        intel.ingest(
            fixtures.actor(player),
            hub,
            op.id(),
            null,
            new ByteArrayInputStream(export.body().getBytes(StandardCharsets.UTF_8)),
            n -> {});
    assertThat(ingest.successes()).isZero();
    assertThat(ingest.failures()).isEqualTo(objects.size());
    assertThat(ingest.outcomes())
        .allSatisfy(o -> assertThat(o.message()).contains("exercise object", "【訓練】"));
    List<String> ids = new ArrayList<>();
    objects.forEach(o -> ids.add(o.path("id").asString()));
    assertThat(
            jdbc.sql("select count(*) from stix_object where stix_id = any(?)")
                .param(ids.toArray(String[]::new))
                .query(Integer.class)
                .single())
        .isZero();
    // one object stripped of two signs but keeping one is still refused
    JsonNode first =
        objects.stream()
            .filter(o -> !o.path("type").asString().equals("marking-definition"))
            .findFirst()
            .orElseThrow();
    var stripped = (tools.jackson.databind.node.ObjectNode) first.deepCopy();
    stripped.remove("labels");
    stripped.remove("object_marking_refs");
    var again =
        intel.ingest(
            fixtures.actor(player),
            hub,
            op.id(),
            null,
            new ByteArrayInputStream(("[" + stripped + "]").getBytes(StandardCharsets.UTF_8)),
            n -> {});
    assertThat(again.failures()).isEqualTo(1);

    // a C4TAP share made inside the run: marked bundle, flagged 【訓練】 where it is listed
    var draft =
        web.postBytes("/api/v1/c4tap?range=amber&exerciseRunId=" + run, "message/rfc822", mail());
    assertThat(draft.statusCode()).as(draft.body()).isEqualTo(201);
    JsonNode share = JSON.readTree(draft.body());
    assertThat(share.path("exerciseRunId").asLong()).isEqualTo(run);
    assertThat(JSON.readTree(share.path("bundle").asString()).get("objects").valueStream())
        .allMatch(ExerciseMarking::isExercise);
    long id = share.path("id").asLong();
    assertThat(web.postJson("/api/v1/c4tap/" + id + "/send", "{}").statusCode()).isEqualTo(200);
    var reader = http();
    reader.signIn(player.login(), jp.renkei.server.support.Fixtures.PASSWORD);
    assertThat(reader.get("/c4tap/" + id).body()).contains("exercise-banner", "【訓練】");
    var plain =
        JSON.readTree(web.postBytes("/api/v1/c4tap?range=amber", "message/rfc822", mail()).body());
    assertThat(plain.path("exerciseRunId").asLong(0)).isZero();
    assertThat(plain.path("bundle").asString()).doesNotContain(ExerciseMarking.ID);
    assertThat(reader.get("/c4tap/" + plain.path("id").asLong()).body())
        .doesNotContain("exercise-banner");
    // search is real work: the same subject finds the real share and never the exercise one
    JsonNode found =
        JSON.readTree(
            web.get(
                    "/api/v1/search?q="
                        + java.net.URLEncoder.encode("訓練用の標的型メール", StandardCharsets.UTF_8))
                .body());
    List<String> c4tapHits = new ArrayList<>();
    found
        .path("groups")
        .valueStream()
        .filter(g -> g.path("kind").asString().equalsIgnoreCase("c4tap"))
        .forEach(
            g -> g.path("hits").valueStream().forEach(h -> c4tapHits.add(h.path("id").asString())));
    assertThat(c4tapHits)
        .as(found.toString())
        .contains(Long.toString(plain.path("id").asLong()))
        .doesNotContain(Long.toString(id));
    // a share cannot be made in a run one does not play in
    assertThat(
            http()
                .bearer(fixtures.token(stranger))
                .postBytes(
                    "/api/v1/c4tap?range=amber&exerciseRunId=" + run, "message/rfc822", mail())
                .statusCode())
        .isEqualTo(404);
  }

  @Test
  void exerciseC4tapSharesStayOutOfTheRealListAndShowOnlyInTheirRun() {
    Organisation op = fixtures.operator("aviation");
    UserAccount player = fixtures.user(op, Role.ANALYST);
    UserAccount colleague = fixtures.user(op, Role.ANALYST);
    Actor nisc = fixtures.actor(fixtures.user("nisc", Role.ANALYST));
    long drill = drills.start(nisc, "liaison", List.of("aviation"));
    long run = drills.result(nisc, drill, java.util.Locale.JAPANESE).runId();
    jdbc.sql("delete from exercise_member where run_id = ? and user_id = ?")
        .params(run, colleague.id())
        .update();
    Http web = http().bearer(fixtures.token(player));
    long exercise =
        JSON.readTree(
                web.postBytes(
                        "/api/v1/c4tap?range=amber&exerciseRunId=" + run, "message/rfc822", mail())
                    .body())
            .path("id")
            .asLong();
    assertThat(web.postJson("/api/v1/c4tap/" + exercise + "/send", "{}").statusCode())
        .isEqualTo(200);
    long real =
        JSON.readTree(web.postBytes("/api/v1/c4tap?range=amber", "message/rfc822", mail()).body())
            .path("id")
            .asLong();
    assertThat(web.postJson("/api/v1/c4tap/" + real + "/send", "{}").statusCode()).isEqualTo(200);

    // real work, even its author's: the list page, its count, the API list never hold it
    for (UserAccount u : List.of(player, colleague)) {
      Http page = http();
      page.signIn(u.login(), jp.renkei.server.support.Fixtures.PASSWORD);
      String list = page.get("/c4tap?size=100").body();
      assertThat(list).contains("submission-" + real).doesNotContain("submission-" + exercise);
      assertThat(list).doesNotContain("exercise-banner");
      JsonNode api =
          JSON.readTree(http().bearer(fixtures.token(u)).get("/api/v1/c4tap?limit=200").body());
      List<Long> listed = api.valueStream().map(n -> n.path("id").asLong()).toList();
      assertThat(listed).contains(real).doesNotContain(exercise);
      assertThat(api.valueStream()).allMatch(n -> n.path("exerciseRunId").asLong(0) == 0);
      JsonNode byFilter =
          JSON.readTree(
              http()
                  .bearer(fixtures.token(u))
                  .get("/api/v1/c4tap?limit=200&range=amber&exercise=" + run)
                  .body());
      assertThat(byFilter.valueStream().map(n -> n.path("id").asLong())).doesNotContain(exercise);
    }

    // the run's own list shows it to its member, with the banner and the way back
    Http member = http();
    member.signIn(player.login(), jp.renkei.server.support.Fixtures.PASSWORD);
    String own = member.get("/c4tap/exercise/" + run).body();
    assertThat(own)
        .contains("submission-" + exercise, "exercise-banner", "/exercises/" + run)
        .doesNotContain("submission-" + real);
    assertThat(member.get("/exercises/" + run).body()).contains("/c4tap/exercise/" + run);
    JsonNode inRun = JSON.readTree(web.get("/api/v1/c4tap?exerciseRunId=" + run).body());
    assertThat(inRun.valueStream().map(n -> n.path("id").asLong())).containsExactly(exercise);

    // someone not in the run: the same 404 as for a run that does not exist
    Http outsider = http();
    outsider.signIn(colleague.login(), jp.renkei.server.support.Fixtures.PASSWORD);
    assertThat(outsider.get("/c4tap/exercise/" + run).statusCode()).isEqualTo(404);
    Http outsiderApi = http().bearer(fixtures.token(colleague));
    var refused = outsiderApi.get("/api/v1/c4tap?exerciseRunId=" + run);
    var missing = outsiderApi.get("/api/v1/c4tap?exerciseRunId=" + (run + 7_777_777L));
    assertThat(refused.statusCode()).isEqualTo(404);
    assertThat(missing.statusCode()).isEqualTo(404);
    assertThat(refused.body().replace(Long.toString(run), "N"))
        .isEqualTo(missing.body().replace(Long.toString(run + 7_777_777L), "N"));

    // nor by its id (attack20): the share is within the colleague's C4TAP range, but the run's
    // shares are its members' (as its list); opened by id it answered the run's id and its
    // exercise mail. Now the same 404 as for an id that does not exist, page and API
    long none = exercise + 9_999_999L;
    var byId = outsiderApi.get("/api/v1/c4tap/" + exercise);
    var noSuch = outsiderApi.get("/api/v1/c4tap/" + none);
    assertThat(byId.statusCode()).isEqualTo(404);
    assertThat(byId.body().replace(Long.toString(exercise), "N"))
        .isEqualTo(noSuch.body().replace(Long.toString(none), "N"));
    assertThat(outsider.get("/c4tap/" + exercise).statusCode()).isEqualTo(404);
    assertThat(outsider.get("/c4tap/" + real).statusCode()).isEqualTo(200);
    assertThat(http().bearer(fixtures.token(player)).get("/api/v1/c4tap/" + exercise).statusCode())
        .isEqualTo(200);
  }
}
