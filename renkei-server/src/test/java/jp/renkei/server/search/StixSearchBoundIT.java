package jp.renkei.server.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import jp.renkei.server.directory.Role;
import jp.renkei.server.directory.UserAccount;
import jp.renkei.server.intel.IntelService;
import jp.renkei.server.support.Fixtures;
import jp.renkei.server.support.Http;
import jp.renkei.server.support.ServerTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A STIX search looks at a bounded number of the candidates its viewer may see (objects holding the
 * bigrams of a longer Japanese word, most of them not the word): when more exist it says so, in the
 * API ("incomplete") and on the page, in place of silently missing the older matches; objects the
 * viewer may not see holding the same bigrams never make it say so.
 */
class StixSearchBoundIT extends ServerTest {

  @Autowired Fixtures fixtures;
  @Autowired SearchService search;
  @Autowired IntelService intel;

  /** {@code n} indicators in {@code owner}'s collection named {@code name}. */
  private void indicators(UserAccount owner, String name, int n) {
    List<String> objects = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      objects.add(
          "{\"type\":\"indicator\",\"spec_version\":\"2.1\",\"id\":\"indicator--"
              + UUID.randomUUID()
              + "\",\"created\":\"2026-11-20T00:00:00.000Z\",\"modified\":\"2026-11-20T00:00:00.000Z\","
              + "\"name\":\""
              + name
              + "\",\"pattern\":\"[ipv4-addr:value = '198.51.100.7']\",\"pattern_type\":\"stix\","
              + "\"valid_from\":\"2026-11-20T00:00:00Z\"}");
    }
    fixtures.ingest(
        owner,
        intel.collectionOfOrganisation(owner.organisationId()).orElseThrow(),
        objects.toArray(String[]::new));
  }

  private static SearchResult.Group stix(SearchResult r) {
    return r.groups().stream()
        .filter(g -> g.kind() == SearchResult.Kind.STIX)
        .findFirst()
        .orElseThrow();
  }

  @Test
  void aSearchStoppingAtItsBoundOfVisibleCandidatesSaysSoAndHiddenOnesNeverMakeItSay() {
    UserAccount owner = fixtures.user(fixtures.operator("gas"), Role.ANALYST);
    UserAccount stranger = fixtures.user(fixtures.operator("finance"), Role.ANALYST);
    String word = SearchLeakIT.kanji(3);
    // the bigrams of the word, not the word
    String decoy = word.substring(0, 2) + " " + word.substring(1, 3);
    indicators(owner, "C2 " + word, 1);
    indicators(owner, decoy, SearchRepository.RECHECK - 1);
    SearchResult.Group within = stix(search.search(fixtures.actor(owner), word, null));
    assertThat(within.hits()).as("the match is the 5,000th candidate").hasSize(1);
    assertThat(within.incomplete()).isFalse();

    // now it is the 5,001st: not looked at, and said
    indicators(owner, decoy, 1);
    SearchResult.Group beyond = stix(search.search(fixtures.actor(owner), word, null));
    assertThat(beyond.hits()).isEmpty();
    assertThat(beyond.incomplete()).isTrue();
    Http api = http().bearer(fixtures.token(owner));
    String answer = SearchLeakIT.apiAnswer(api, word);
    assertThat(answer).contains("\"kind\":\"stix\",\"hits\":[],\"more\":false,\"incomplete\":true");
    var in = api.signIn(owner.login(), Fixtures.PASSWORD);
    assertThat(in.statusCode()).as(in.body()).isLessThan(400);
    assertThat(api.get("/search?q=" + SearchLeakIT.q(word)).body())
        .contains("search-incomplete", "5,000");

    // the same objects in a collection the stranger may not read: its answer is the one for a
    // word nobody holds
    Http theirs = http().bearer(fixtures.token(stranger));
    var signed = theirs.signIn(stranger.login(), Fixtures.PASSWORD);
    assertThat(signed.statusCode()).as(signed.body()).isLessThan(400);
    SearchLeakIT.sameAsNeverExisted(theirs, word, SearchLeakIT.kanji(3));
    assertThat(stix(search.search(fixtures.actor(stranger), word, null)).incomplete()).isFalse();
  }
}
