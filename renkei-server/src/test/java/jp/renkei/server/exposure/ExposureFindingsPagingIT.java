package jp.renkei.server.exposure;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import jp.renkei.server.audit.Actor;
import jp.renkei.server.directory.Organisation;
import jp.renkei.server.directory.Role;
import jp.renkei.server.directory.UserAccount;
import jp.renkei.server.support.Fixtures;
import jp.renkei.server.support.Http;
import jp.renkei.server.support.ServerTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The findings list pages like the report list (it stopped at 2,000 rows, seen on a walk): the
 * count and the page's place are shown, the order and filters are kept from page to page, a filter
 * narrows the count; and the count is of the organisation's findings only, shown only to whoever
 * may read them — an outsider asking for another organisation's findings, paged or filtered, learns
 * nothing (the same 404 as for an organisation that does not exist).
 */
class ExposureFindingsPagingIT extends ServerTest {

  @Autowired KnowledgeService knowledge;

  /**
   * 60 web servers running the Apache HTTP Server 2.4.49 of CVE-2021-41773: 60 findings that apply
   * for certain (the record's range decides), besides any "possible" ones by name that the KEV
   * catalogue other tests loaded may add.
   */
  static String inventory(String prefix) {
    StringBuilder csv =
        new StringBuilder(
            "kind,value,port,protocol,product,version,cpe,purl,owner,criticality,public\n");
    for (int i = 1; i <= 60; i++) {
      csv.append("service,")
          .append(prefix)
          .append(String.format("%02d", i))
          .append(".bank.example,443,tcp,Apache httpd,,")
          .append("cpe:2.3:a:apache:http_server:2.4.49:*:*:*:*:*:*:*,,Web 担当,high,yes\n");
    }
    return csv.toString();
  }

  Http session(UserAccount u) {
    Http h = http();
    HttpResponse<String> in = h.signIn(u.login(), Fixtures.PASSWORD);
    assertThat(in.statusCode()).as(in.body()).isLessThan(400);
    return h;
  }

  static List<String> hosts(String page) {
    Matcher m = Pattern.compile("(w\\d\\d-[a-z0-9]+\\.bank\\.example):443").matcher(page);
    List<String> out = new ArrayList<>();
    while (m.find()) {
      out.add(m.group(1));
    }
    return out;
  }

  @Test
  void ownFindingsArePagedWithTheirCountAndKeepOrderAndFiltersAcrossPages() {
    knowledge.importCve(Actor.cli(), new ByteArrayInputStream(ExposureIT.CVES.getBytes(UTF_8)));
    Organisation bank = fixtures.operator("finance");
    UserAccount analyst = fixtures.user(bank, Role.ANALYST);
    Http h = session(analyst);
    String prefix = "w";
    // digits only after the letter, so that the filter "w1" matches the host names' w10-w19 only
    String tag = "t" + Math.floorMod(Fixtures.unique("p").hashCode(), 1_000_000_000);
    String csv = inventory(prefix).replaceAll("(w\\d\\d)\\.bank", "$1-" + tag + ".bank");
    HttpResponse<String> r = ExposureIT.importCsv(h, csv);
    assertThat(r.body()).contains("id=\"import-ok\"");

    // the first page: 25 of 60, the count and the place
    String first = h.get("/exposure?match=affected&sort=service&dir=asc").body();
    assertThat(first).contains("id=\"list-total\"").contains("全60件");
    assertThat(hosts(first)).hasSize(25).startsWith("w01-" + tag + ".bank.example");
    assertThat(first).containsPattern("id=\"page-position\"[^>]*>1〜25件目 \\(1/3ページ\\)");
    // the next page keeps the order
    Matcher next = Pattern.compile("id=\"page-next\" href=\"([^\"]+)\"").matcher(first);
    assertThat(next.find()).isTrue();
    String nextLink = next.group(1).replace("&amp;", "&");
    assertThat(nextLink).contains("match=affected", "sort=service", "dir=asc", "page=2");
    String second = h.get(nextLink).body();
    assertThat(hosts(second)).hasSize(25).startsWith("w26-" + tag + ".bank.example");
    String third = h.get("/exposure?match=affected&sort=service&dir=asc&page=3").body();
    assertThat(hosts(third)).hasSize(10).endsWith("w60-" + tag + ".bank.example");
    assertThat(third).doesNotContain("id=\"page-next\"");
    // the other way round
    assertThat(hosts(h.get("/exposure?match=affected&sort=service&dir=desc").body()))
        .startsWith("w60-" + tag + ".bank.example");

    // a filter narrows the count and is kept by the pager
    String filtered = h.get("/exposure?match=affected&q=w1&sort=service&dir=asc").body();
    assertThat(filtered).contains("全10件");
    assertThat(hosts(filtered)).hasSize(10).allMatch(x -> x.startsWith("w1"));
    String handled = h.get("/exposure?match=affected&handling=open&size=50").body();
    assertThat(hosts(handled)).hasSize(50);
    assertThat(handled).containsPattern("id=\"page-next\" href=\"[^\"]*handling=open[^\"]*size=50");
    assertThat(h.get("/exposure?handling=mitigated").body()).contains("id=\"list-empty\"");

    // bad parameters say what is wrong and list nothing (never a wider list, never a 500)
    HttpResponse<String> bad = h.get("/exposure?sort=owner&ssvc=urgent");
    assertThat(bad.statusCode()).isEqualTo(400);
    assertThat(bad.body()).contains("id=\"list-problems\"").contains("owner").contains("urgent");
    assertThat(hosts(bad.body())).isEmpty();

    // an outsider learns nothing: another operator, paged and filtered, reads the same 404 as
    // for an organisation that does not exist, and its own list counts its own findings only
    UserAccount outsider = fixtures.user(fixtures.operator("finance"), Role.ANALYST);
    Http o = session(outsider);
    long never = Long.MAX_VALUE - 7;
    for (String query :
        List.of("", "?page=2", "?q=w1", "?match=affected&sort=service&dir=asc&size=100")) {
      HttpResponse<String> victim = o.get("/exposure/organisations/" + bank.id() + query);
      HttpResponse<String> nothing = o.get("/exposure/organisations/" + never + query);
      assertThat(victim.statusCode()).as(query).isEqualTo(404).isEqualTo(nothing.statusCode());
      assertThat(victim.body()).doesNotContain(tag);
    }
    String own = o.get("/exposure").body();
    assertThat(own).doesNotContain(tag).doesNotContain("全60件").doesNotContain("id=\"list-total\"");

    // NISC, once the bank shares its details, pages through them on the bank's page
    h.postForm("/exposure", "/exposure/sharing", Map.of("share", "true"));
    Http nisc = session(fixtures.user("nisc", Role.ANALYST));
    String shared =
        nisc.get("/exposure/organisations/" + bank.id() + "?match=affected&page=2").body();
    assertThat(shared).contains("全60件");
    assertThat(hosts(shared)).hasSize(25);
    assertThat(shared)
        .contains("id=\"page-prev\"")
        .contains("/exposure/organisations/" + bank.id());
  }
}
