package jp.renkei.server.sharing;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.Map;
import jp.renkei.engine.policy.SystemMode;
import jp.renkei.server.audit.Actor;
import jp.renkei.server.audit.AuditFilter;
import jp.renkei.server.audit.AuditLog;
import jp.renkei.server.directory.Role;
import jp.renkei.server.support.Fixtures;
import jp.renkei.server.support.ServerTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

class ModeIT extends ServerTest {

  @Autowired ModeService modes;
  @Autowired AuditLog audit;

  @AfterEach
  void backToNormal() {
    if (modes.current() != SystemMode.NORMAL) {
      modes.switchTo(Actor.cli(), "normal", "test cleanup");
    }
  }

  @Test
  void nisInAnalystSwitchesWithAReasonAndEveryPageShowsTheMode() {
    var nisc = fixtures.user("nisc", Role.ANALYST);
    var operator = fixtures.user("op-sakura-bank", Role.MEMBER);
    var niscBrowser = http();
    niscBrowser.signIn(nisc.login(), Fixtures.PASSWORD);
    var operatorBrowser = http();
    operatorBrowser.signIn(operator.login(), Fixtures.PASSWORD);
    assertThat(operatorBrowser.get("/directory").body()).contains("id=\"system-mode\"", "通常時");

    HttpResponse<String> noReason =
        niscBrowser.postForm("/mode", "/mode", Map.of("mode", "large_scale", "reason", " "));
    assertThat(noReason.body()).contains("id=\"form-error\"", "reason");
    assertThat(modes.current()).isEqualTo(SystemMode.NORMAL);

    assertThat(afterSwitch(niscBrowser, "large_scale", "電力広域停止訓練"))
        .contains("id=\"mode-switched\"");
    assertThat(modes.current()).isEqualTo(SystemMode.LARGE_SCALE);
    assertThat(operatorBrowser.get("/").body()).contains("mode-large_scale", "大規模重要インフラサービス障害対応時");
    assertThat(
            audit.search(
                Actor.cli(),
                new AuditFilter("sharing.mode.switch", nisc.login(), null, null, null, null, 5)))
        .anySatisfy(e -> assertThat(e.detail()).contains("normal->large_scale", "電力広域停止訓練"));
  }

  /**
   * The page answering a switch shows the new mode in the header badge, the message and the current
   * mode, and its button offers the way back (it showed the old mode: the header's mode was read
   * before the switch, so a second click repeated the same switch).
   */
  @Test
  void thePageAfterASwitchShowsTheNewModeEverywhereAndOffersTheWayBack() {
    var nisc = fixtures.user("nisc", Role.ANALYST);
    var browser = http();
    browser.signIn(nisc.login(), Fixtures.PASSWORD);

    String page = afterSwitch(browser, "large_scale", "演習開始");
    assertThat(page)
        .contains("id=\"mode-switched\"", "mode mode-large_scale")
        .doesNotContain("mode mode-normal");
    assertThat(currentMode(page)).isEqualTo("大規模重要インフラサービス障害対応時");
    assertThat(page).contains("name=\"mode\" value=\"normal\"", "通常時に戻す");
    assertThat(modes.current()).isEqualTo(SystemMode.LARGE_SCALE);

    // the button on that page switches back, as it says
    String back = afterSwitch(browser, "normal", "演習終了");
    assertThat(back).contains("id=\"mode-switched\"", "mode mode-normal");
    assertThat(currentMode(back)).isEqualTo("通常時");
    assertThat(back).contains("name=\"mode\" value=\"large_scale\"");
    assertThat(modes.current()).isEqualTo(SystemMode.NORMAL);
  }

  /** Posts the switch and returns the page the browser then shows (following a redirect). */
  private static String afterSwitch(
      jp.renkei.server.support.Http browser, String mode, String why) {
    HttpResponse<String> r =
        browser.postForm("/mode", "/mode", Map.of("mode", mode, "reason", why));
    if (r.statusCode() == 302 || r.statusCode() == 303) {
      String location = r.headers().firstValue("Location").orElseThrow();
      assertThat(location).endsWith("/mode");
      r = browser.get("/mode");
    }
    assertThat(r.statusCode()).isEqualTo(200);
    return r.body();
  }

  private static String currentMode(String page) {
    var m = java.util.regex.Pattern.compile("id=\"current-mode\">([^<]*)<").matcher(page);
    assertThat(m.find()).isTrue();
    return m.group(1);
  }

  @Test
  void onlyNiscAnalystsSwitch() {
    var operatorAdmin = fixtures.user("op-sakura-bank", Role.ORG_ADMIN);
    var niscMember = fixtures.user("nisc", Role.MEMBER);
    var platformAdminElsewhere = fixtures.user("fsa", Role.PLATFORM_ADMIN);
    for (var who : java.util.List.of(operatorAdmin, niscMember, platformAdminElsewhere)) {
      HttpResponse<String> r =
          http()
              .bearer(fixtures.token(who))
              .putJson("/api/v1/mode", "{\"mode\":\"large_scale\",\"reason\":\"x\"}");
      assertThat(r.statusCode()).as(who.login()).isEqualTo(403);
    }
    assertThat(modes.current()).isEqualTo(SystemMode.NORMAL);
    var nisc = fixtures.user("nisc", Role.ANALYST);
    var api = http().bearer(fixtures.token(nisc));
    assertThat(api.putJson("/api/v1/mode", "{\"mode\":\"normal\",\"reason\":\"x\"}").body())
        .contains("\"field\":\"mode\"");
    assertThat(api.putJson("/api/v1/mode", "{\"mode\":\"panic\",\"reason\":\"x\"}").statusCode())
        .isEqualTo(400);
    assertThat(api.get("/api/v1/mode").body()).contains("\"mode\":\"normal\"");
  }
}
