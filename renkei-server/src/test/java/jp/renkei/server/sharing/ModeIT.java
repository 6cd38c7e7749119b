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

    HttpResponse<String> ok =
        niscBrowser.postForm("/mode", "/mode", Map.of("mode", "large_scale", "reason", "電力広域停止訓練"));
    assertThat(ok.body()).contains("id=\"mode-switched\"");
    assertThat(modes.current()).isEqualTo(SystemMode.LARGE_SCALE);
    assertThat(operatorBrowser.get("/").body()).contains("mode-large_scale", "大規模重要インフラサービス障害対応時");
    assertThat(
            audit.search(
                Actor.cli(),
                new AuditFilter("sharing.mode.switch", nisc.login(), null, null, null, null, 5)))
        .anySatisfy(e -> assertThat(e.detail()).contains("normal->large_scale", "電力広域停止訓練"));
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
