package jp.renkei.server.exposure.discovery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.http.HttpResponse;
import java.util.Map;
import jp.renkei.server.directory.Organisation;
import jp.renkei.server.directory.Role;
import jp.renkei.server.directory.UserAccount;
import jp.renkei.server.failure.InvalidInput;
import jp.renkei.server.support.Fixtures;
import jp.renkei.server.support.Http;
import jp.renkei.server.support.ServerTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Issue 16 (exposure6): a page-started discovery run whose server stopped mid-run stayed 「実行中」 for
 * ever. The run left in progress in the database (what a killed server leaves) is marked
 * interrupted when the server starts ({@link DiscoveryRecovery}), the page says so, and it can be
 * started again; while a run is in progress a second one of the same organisation is refused, on
 * the page and in the service, and another organisation is not held up by it.
 */
class DiscoveryRestartIT extends ServerTest {

  @Autowired DiscoveryService discovery;
  @Autowired DiscoveryRecovery recovery;
  @Autowired JdbcClient jdbc;

  Http session(UserAccount u) {
    Http h = http();
    HttpResponse<String> in = h.signIn(u.login(), Fixtures.PASSWORD);
    assertThat(in.statusCode()).as(in.body()).isLessThan(400);
    return h;
  }

  String state(long runId) {
    return jdbc.sql(
            "select case when finished_at is not null then 'finished'"
                + " when interrupted_at is not null then 'interrupted:' || interruption"
                + " else 'running' end from discovery_run where id = ?")
        .param(runId)
        .query(String.class)
        .single();
  }

  @Test
  void aRunLeftRunningByAStoppedServerIsInterruptedAndCanRunAgain() throws InterruptedException {
    Organisation org = fixtures.operator("water");
    Organisation other = fixtures.operator("water");
    UserAccount analyst = fixtures.user(org, Role.ANALYST);
    Http page = session(analyst);

    // a run in progress (as the page's background thread leaves it while probing)
    long running = discovery.begin(org.id(), "enumeration");
    assertThat(state(running)).isEqualTo("running");

    // a second run of the same organisation is refused while it is in progress: in the service...
    assertThatThrownBy(() -> discovery.begin(org.id(), "discovery"))
        .isInstanceOf(InvalidInput.class)
        .extracting(e -> ((InvalidInput) e).messageKey())
        .isEqualTo("notice.discovery.error.running");
    // ...and from the page, which says so instead of queueing a second run
    HttpResponse<String> again =
        page.postForm(
            "/exposure/discovery", "/exposure/discovery/runs", Map.of("kind", "enumeration"));
    assertThat(again.statusCode()).isEqualTo(302);
    assertThat(again.headers().firstValue("Location").orElse("")).contains("busy");
    assertThat(page.get("/exposure/discovery?busy").body()).contains("id=\"discovery-busy\"");
    assertThat(
            jdbc.sql("select count(*) from discovery_run where organisation_id = ?")
                .param(org.id())
                .query(Integer.class)
                .single())
        .isEqualTo(1);
    // another organisation is not held up
    long others = discovery.begin(other.id(), "discovery");
    discovery.execute(others, other.id(), "discovery");
    assertThat(state(others)).isEqualTo("finished");

    // the server stops here (the thread is gone) and starts again
    String before = page.get("/exposure/discovery").body();
    assertThat(before).contains("class=\"discovery-running\"");
    recovery.onStart();
    assertThat(state(running)).isEqualTo("interrupted:restart");
    assertThat(state(others)).isEqualTo("finished");
    String after = page.get("/exposure/discovery").body();
    assertThat(after)
        .doesNotContain("class=\"discovery-running\"")
        .contains("class=\"discovery-interrupted\"")
        .contains("サーバーが再起動したため中断されました");

    // it can be started again, from the page (the run finishes: no verified scope, nothing probed)
    HttpResponse<String> restarted =
        page.postForm(
            "/exposure/discovery", "/exposure/discovery/runs", Map.of("kind", "enumeration"));
    assertThat(restarted.headers().firstValue("Location").orElse("")).contains("started");
    long deadline = System.currentTimeMillis() + 30_000;
    while (System.currentTimeMillis() < deadline
        && jdbc.sql(
                    "select count(*) from discovery_run where organisation_id = ?"
                        + " and finished_at is not null")
                .param(org.id())
                .query(Integer.class)
                .single()
            == 0) {
      Thread.sleep(50);
    }
    assertThat(
            jdbc.sql(
                    "select count(*) from discovery_run where organisation_id = ?"
                        + " and finished_at is not null")
                .param(org.id())
                .query(Integer.class)
                .single())
        .isEqualTo(1);
  }
}
