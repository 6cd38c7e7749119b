package jp.renkei.engine.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class SearchQueryTest {

  @Test
  void recognisesObservablesInTheirNormalForm() {
    assertThat(SearchQuery.parse("203.0.113[.]7"))
        .isEqualTo(new SearchQuery(SearchQuery.Kind.IPV4, "203.0.113.7", List.of("203.0.113.7")));
    assertThat(SearchQuery.parse("hxxp://Evil[.]Example/a").kind()).isEqualTo(SearchQuery.Kind.URL);
    assertThat(SearchQuery.parse("hxxp://Evil[.]Example/a").value())
        .isEqualTo("http://evil.example/a");
    assertThat(SearchQuery.parse("2001:DB8::1").value()).isEqualTo("2001:db8::1");
    assertThat(SearchQuery.parse("192.0.2.0/24").kind()).isEqualTo(SearchQuery.Kind.CIDR);
    assertThat(SearchQuery.parse("Mail.Example.JP").value()).isEqualTo("mail.example.jp");
    assertThat(SearchQuery.parse("a@b[.]example").kind()).isEqualTo(SearchQuery.Kind.EMAIL);
    assertThat(SearchQuery.parse("D41D8CD98F00B204E9800998ECF8427E").kind())
        .isEqualTo(SearchQuery.Kind.MD5);
    assertThat(SearchQuery.parse("da39a3ee5e6b4b0d3255bfef95601890afd80709").kind())
        .isEqualTo(SearchQuery.Kind.SHA1);
    assertThat(
            SearchQuery.parse("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
                .kind())
        .isEqualTo(SearchQuery.Kind.SHA256);
  }

  @Test
  void recognisesCveIdsInAnyCaseAndWidth() {
    SearchQuery q = SearchQuery.parse("ｃｖｅ-2024-3400");
    assertThat(q.kind()).isEqualTo(SearchQuery.Kind.CVE);
    assertThat(q.value()).isEqualTo("CVE-2024-3400");
    assertThat(q.words()).containsExactly("cve-2024-3400");
  }

  @Test
  void treatsEverythingElseAsWordsInNormalForm() {
    SearchQuery q = SearchQuery.parse("  制御システム　停止  ＶＰＮ ");
    assertThat(q.kind()).isEqualTo(SearchQuery.Kind.TEXT);
    assertThat(q.words()).containsExactly("制御システム", "停止", "vpn");
    assertThat(SearchQuery.parse("ﾗﾝｻﾑｳｪｱ").words()).containsExactly("ランサムウェア");
  }

  @Test
  void refusesEmptyOrOversizedQueries() {
    assertThatThrownBy(() -> SearchQuery.parse(" ")).hasMessage("empty");
    assertThatThrownBy(() -> SearchQuery.parse("x".repeat(201)))
        .hasMessage("longer than 200 characters");
    assertThatThrownBy(() -> SearchQuery.parse("a b c d e f g h i"))
        .hasMessage("more than 8 words");
  }

  @Test
  void aRefusalSaysWhichProblemItIsWithTheLimitAndWhatWasTyped() {
    assertThatThrownBy(() -> SearchQuery.parse("x".repeat(250)))
        .isInstanceOfSatisfying(
            SearchQuery.InvalidSearch.class,
            e -> {
              assertThat(e.problem()).isEqualTo(SearchQuery.InvalidSearch.Problem.TOO_LONG);
              assertThat(e.limit()).isEqualTo(200);
              assertThat(e.actual()).isEqualTo(250);
            });
    assertThatThrownBy(() -> SearchQuery.parse("a b c d e f g h i a"))
        .isInstanceOfSatisfying(
            SearchQuery.InvalidSearch.class,
            e -> {
              assertThat(e.problem()).isEqualTo(SearchQuery.InvalidSearch.Problem.TOO_MANY_WORDS);
              assertThat(e.limit()).isEqualTo(8);
              assertThat(e.actual()).as("a repeated word counts once").isEqualTo(9);
            });
    assertThatThrownBy(() -> SearchQuery.parse(""))
        .isInstanceOfSatisfying(
            SearchQuery.InvalidSearch.class,
            e -> assertThat(e.problem()).isEqualTo(SearchQuery.InvalidSearch.Problem.EMPTY));
  }

  @Test
  void snippetCutsAroundTheFirstWordAndKeepsTheTextAsWritten() {
    String text = "前文。" + "あ".repeat(100) + "制御システムが停止した。" + "い".repeat(100);
    Snippets.Snippet s = Snippets.of(text, List.of("停止"));
    assertThat(s.match()).isEqualTo("停止");
    assertThat(s.before()).startsWith("…").endsWith("制御システムが");
    assertThat(s.after()).startsWith("した。").endsWith("…");
    assertThat(Snippets.of("VPN 装置", List.of("vpn")).match()).isEqualTo("VPN");
    assertThat(Snippets.of("短い", List.of("無い"))).isEqualTo(new Snippets.Snippet("短い", "", ""));
  }
}
