package jp.renkei.server.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import jp.renkei.server.directory.Role;
import jp.renkei.server.directory.UserAccount;
import jp.renkei.server.support.Fixtures;
import jp.renkei.server.support.Http;
import jp.renkei.server.support.ServerTest;
import org.junit.jupiter.api.Test;

/**
 * A time stored as 2026-12-02T15:00Z is already the next day in Japan: every page says so with the
 * zone named, in Japanese and in English ({@code renkei.ui.zone}, default Asia/Tokyo), while the
 * API keeps the ISO-8601 UTC time.
 */
class TimesShownInJapanIT extends ServerTest {

  private static final Pattern ID = Pattern.compile("\"id\":(\\d+)");

  @Test
  void aReportDetectedAt15UtcIsShownAsMidnightJstInBothLanguagesAndTheApiKeepsUtc() {
    UserAccount analyst = fixtures.user("op-sakura-bank", Role.ANALYST);
    Http api = http().bearer(fixtures.token(analyst));
    String title = Fixtures.unique("時刻表示の確認");
    HttpResponse<String> filed =
        api.postJson(
            "/api/v1/reports?submit=true",
            "{\"content\":{\"title\":\""
                + title
                + "\",\"summary\":\"日付をまたぐ時刻の表示。\","
                + "\"occurredAt\":\"2026-12-02T14:30:00Z\",\"detectedAt\":\"2026-12-02T15:00:00Z\","
                + "\"incidentType\":\"unavailability\",\"causes\":[\"ddos\"],"
                + "\"serviceOutage\":\"yes\",\"severity\":\"level3\","
                + "\"cascadePossibility\":\"unknown\",\"reportingCase\":\"case2\","
                + "\"observables\":[]},\"route\":\"ceptoar\",\"tlp\":\"amber\","
                + "\"ceptoarCode\":\"c-bank\"}");
    assertThat(filed.statusCode()).as(filed.body()).isEqualTo(201);
    Matcher m = ID.matcher(filed.body());
    assertThat(m.find()).isTrue();
    String page = "/reports/" + m.group(1);

    Http web = http();
    assertThat(web.signIn(analyst.login(), Fixtures.PASSWORD).statusCode()).isEqualTo(302);
    String ja = web.get(page).body();
    assertThat(ja)
        .contains(title, "2026-12-02 23:30 JST", "2026-12-03 00:00 JST")
        .doesNotContain("2026-12-02 15:00", "2026/12/03");

    web.postForm("/", "/settings/language", Map.of("lang", "en", "back", "/"));
    String en = web.get(page).body();
    assertThat(en)
        .contains(title, "2026-12-02 23:30 JST", "2026-12-03 00:00 JST")
        .doesNotContain("2026-12-02 15:00", "3 Dec 2026");

    String json = api.get("/api/v1/reports/" + m.group(1)).body();
    assertThat(json).contains("2026-12-02T15:00:00Z").doesNotContain("JST");
  }
}
