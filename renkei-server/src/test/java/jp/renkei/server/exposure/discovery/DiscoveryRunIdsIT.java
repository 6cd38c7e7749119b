package jp.renkei.server.exposure.discovery;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import jp.renkei.server.directory.Organisation;
import jp.renkei.server.directory.Role;
import jp.renkei.server.directory.TokenScope;
import jp.renkei.server.directory.UserAccount;
import jp.renkei.server.support.Http;
import jp.renkei.server.support.ServerTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.json.JsonMapper;

/**
 * attack39: a discovery run's id counts nothing. Every analyst starting a run of its own
 * organisation is answered the run's id, and the id was a sequence over every organisation's runs
 * (the scheduled weekly ones too): two runs of one operator told how many runs the others made in
 * between. Ids are now random in [2^52, 2^53) (V415): runs made in a row are neither in order nor
 * neighbours, and another operator's runs made between two of ours leave no gap to count.
 */
class DiscoveryRunIdsIT extends ServerTest {

  static final long LOW = 1L << 52;
  static final long HIGH = 1L << 53;

  @Autowired DiscoveryService discovery;
  final JsonMapper json = JsonMapper.builder().build();

  long run(Http as, String kind) {
    HttpResponse<String> r =
        as.postJson("/api/v1/exposure/discovery/runs", "{\"kind\":\"" + kind + "\"}");
    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    return json.readTree(r.body()).get("id").asLong();
  }

  @Test
  void anOperatorsRunIdsCountNoOtherOrganisationsRuns() {
    Organisation mine = fixtures.operator("water");
    UserAccount analyst = fixtures.user(mine, Role.ANALYST);
    Http me = http().bearer(fixtures.token(analyst, EnumSet.of(TokenScope.READ, TokenScope.WRITE)));
    Organisation other = fixtures.operator("electricity");

    long first = run(me, "discovery");
    // three runs of another organisation in between (as the weekly job starts them)
    List<Long> theirs = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      long id = discovery.begin(other.id(), i % 2 == 0 ? "discovery" : "enumeration");
      discovery.execute(id, other.id(), i % 2 == 0 ? "discovery" : "enumeration");
      theirs.add(id);
    }
    long second = run(me, "enumeration");
    // red on main: second - first == 4, the other organisation's three runs counted
    assertThat(Math.abs(second - first))
        .as("the gap between two of our runs counts the others' runs")
        .isGreaterThan(1000L);

    List<Long> ours = new ArrayList<>(List.of(first, second));
    for (int i = 0; i < 18; i++) {
      ours.add(run(me, i % 2 == 0 ? "discovery" : "enumeration"));
    }
    List<Long> all = new ArrayList<>(ours);
    all.addAll(theirs);
    assertThat(all).allSatisfy(id -> assertThat(id).isBetween(LOW, HIGH - 1));
    assertThat(ours)
        .as("twenty runs made in a row are not numbered in order")
        .isNotEqualTo(sorted(ours));
    List<Long> s = sorted(all);
    for (int i = 1; i < s.size(); i++) {
      assertThat(s.get(i) - s.get(i - 1)).as("no two run ids are neighbours").isGreaterThan(1000L);
    }

    // the runs page still lists the newest first
    Http page = http();
    assertThat(
            page.signIn(analyst.login(), jp.renkei.server.support.Fixtures.PASSWORD).statusCode())
        .isLessThan(400);
    assertThat(page.get("/exposure/discovery").statusCode()).isEqualTo(200);
  }

  static List<Long> sorted(List<Long> ids) {
    List<Long> s = new ArrayList<>(ids);
    s.sort(null);
    return s;
  }
}
