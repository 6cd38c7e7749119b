package jp.renkei.server.exercise;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import jp.renkei.server.audit.Actor;
import jp.renkei.server.directory.Role;
import jp.renkei.server.directory.UserAccount;
import jp.renkei.server.exercise.review.AfterAction;
import jp.renkei.server.exercise.review.AfterActionReport;
import jp.renkei.server.support.Fixtures;
import jp.renkei.server.support.Http;
import jp.renkei.server.support.ServerTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Two copies of one shipped template are told apart by name (the time of the copy, a number if that
 * is taken too), the planner renames one on its page (a bad name shown on the form, kept), and the
 * after-action comparison still finds the earlier runs of the renamed scenario.
 */
class ScenarioCopyIT extends ServerTest {

  static final String TEMPLATE_TITLE = "分野横断的演習（2015年度シナリオに基づく）";

  @Autowired ExerciseService exercises;
  @Autowired AfterAction reports;

  static long copied(HttpResponse<String> r) {
    assertThat(r.statusCode()).as(r.body()).isEqualTo(302);
    Matcher m =
        Pattern.compile("/exercises/scenarios/(\\d+)/transfer")
            .matcher(r.headers().firstValue("Location").orElseThrow());
    assertThat(m.find()).isTrue();
    return Long.parseLong(m.group(1));
  }

  String title(Actor a, long scenario) {
    return exercises.scenario(a, scenario).title();
  }

  @Test
  void copiesOfOneTemplateHaveTheirOwnNamesAndARenamedScenarioKeepsItsRuns() {
    UserAccount planner = fixtures.user(fixtures.operator("finance"), Role.ANALYST);
    Actor actor = fixtures.actor(planner);
    Http web = http();
    web.signIn(planner.login(), Fixtures.PASSWORD);
    Map<String, String> template = Map.of("template", "cross-sector-2015");
    long a = copied(web.postForm("/exercises", "/exercises/templates", template));
    long b = copied(web.postForm("/exercises", "/exercises/templates", template));
    String ta = title(actor, a);
    String tb = title(actor, b);
    assertThat(ta).startsWith(TEMPLATE_TITLE + "（コピー 2").endsWith("）");
    assertThat(ta).matches(".*（コピー \\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}）");
    assertThat(tb).isNotEqualTo(ta).startsWith(TEMPLATE_TITLE + "（コピー ");
    String list = web.get("/exercises").body();
    assertThat(list).contains(ta, tb);

    // renamed on its page; a blank name is refused on the form, the field named, the input kept
    String page = "/exercises/scenarios/" + a + "/transfer";
    assertThat(web.get(page).body()).contains("id=\"scenarioTitle\"", "value=\"" + ta + "\"");
    HttpResponse<String> blank =
        web.postForm(page, "/exercises/scenarios/" + a + "/title", Map.of("title", "   "));
    assertThat(blank.statusCode()).isEqualTo(400);
    assertThat(blank.body())
        .contains("id=\"form-error\"", "href=\"#scenarioTitle\"")
        .contains("シナリオ名：シナリオ名は 1 文字以上 200 文字までです。")
        .contains("value=\"   \"");
    assertThat(title(actor, a)).isEqualTo(ta);
    // not the planner's organisation: the scenario does not exist for it
    Http other = http();
    other.signIn(
        fixtures.user(fixtures.operator("finance"), Role.ANALYST).login(), Fixtures.PASSWORD);
    assertThat(
            other
                .postForm(
                    "/exercises", "/exercises/scenarios/" + a + "/title", Map.of("title", "x"))
                .statusCode())
        .isEqualTo(404);

    // a run of it is played, then it is renamed: the next run still compares with the first
    long first = exercises.createRun(actor, a, "第1回", 1, false);
    exercises.control(actor, first, "start");
    exercises.control(actor, first, "stop");
    HttpResponse<String> renamed =
        web.postForm(page, "/exercises/scenarios/" + a + "/title", Map.of("title", "金融分野 年次演習"));
    assertThat(renamed.statusCode()).isEqualTo(302);
    assertThat(renamed.headers().firstValue("Location").orElseThrow()).contains("renamed=true");
    assertThat(title(actor, a)).isEqualTo("金融分野 年次演習");
    assertThat(web.get(page + "?renamed=true").body()).contains("id=\"scenario-renamed\"");
    long second = exercises.createRun(actor, a, "第2回", 1, false);
    exercises.control(actor, second, "start");
    AfterActionReport r = reports.report(actor, second);
    assertThat(r.earlier()).extracting(AfterActionReport.EarlierRun::id).containsExactly(first);
    assertThat(r.run().scenarioTitle()).isEqualTo("金融分野 年次演習");

    // in English the copy says so in English
    Http en = http();
    UserAccount english = fixtures.user(fixtures.operator("finance"), Role.ANALYST);
    en.signIn(english.login(), Fixtures.PASSWORD);
    en.postForm("/", "/settings/language", Map.of("lang", "en", "back", "/"));
    long c = copied(en.postForm("/exercises", "/exercises/templates", template));
    assertThat(title(fixtures.actor(english), c)).startsWith(TEMPLATE_TITLE + " (copy 2");
    assertThat(List.of(a, b, c)).doesNotHaveDuplicates();
  }
}
