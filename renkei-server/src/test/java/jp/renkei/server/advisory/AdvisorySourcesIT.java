package jp.renkei.server.advisory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.icegreen.greenmail.util.GreenMailUtil;
import jakarta.mail.internet.MimeMessage;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import jp.renkei.server.audit.Actor;
import jp.renkei.server.directory.DirectoryService;
import jp.renkei.server.directory.Organisation;
import jp.renkei.server.directory.Role;
import jp.renkei.server.directory.UserAccount;
import jp.renkei.server.support.Fixtures;
import jp.renkei.server.support.Http;
import jp.renkei.server.support.ServerTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** An advisory cites a source report only to readers who may see that report. */
class AdvisorySourcesIT extends ServerTest {

  @Autowired DirectoryService directory;

  Http api(UserAccount u) {
    return http().bearer(fixtures.token(u));
  }

  static long id(HttpResponse<String> r) {
    Matcher m = Pattern.compile("\"id\":(\\d+)").matcher(r.body());
    assertThat(m.find()).as(r.body()).isTrue();
    return Long.parseLong(m.group(1));
  }

  static String report(String title) {
    return "{\"content\":{\"title\":\""
        + title
        + "\",\"summary\":\"不正ログインを検知。\",\"detectedAt\":\"2026-11-20T01:00:00Z\","
        + "\"incidentType\":\"intrusion\",\"causes\":[\"impersonation\"],\"serviceOutage\":\"no\","
        + "\"severity\":\"level3\",\"cascadePossibility\":\"no\",\"reportingCase\":\"case3\","
        + "\"observables\":[]},\"route\":\"hotline\",\"tlp\":\"amber_strict\"}";
  }

  /** Every way a report id could show: a link, a cited number, the JSON list. */
  static String[] traces(long report) {
    return new String[] {
      "/reports/" + report, "#" + report + " ", "\"sourceReportIds\":[" + report, "," + report + "]"
    };
  }

  @Test
  void aSourceReportTheReaderMayNotSeeLeavesNoTraceInPageJsonStixOrMail() throws Exception {
    UserAccount reporter = fixtures.user("op-sakura-bank", Role.ANALYST);
    String title = Fixtures.unique("出典");
    HttpResponse<String> filed =
        api(reporter).postJson("/api/v1/reports?submit=true", report(title));
    assertThat(filed.statusCode()).as(filed.body()).isEqualTo(201);
    long source = id(filed);
    UserAccount issuer = fixtures.user("nisc", Role.ANALYST);
    Http nisc = api(issuer);
    assertThat(nisc.get("/api/v1/reports/" + source).statusCode()).isEqualTo(200);
    // a second source, of another operator: the first one's organisation may not see it
    String otherTitle = Fixtures.unique("別の出典");
    HttpResponse<String> otherFiled =
        api(fixtures.user(fixtures.operator("finance"), Role.ANALYST))
            .postJson("/api/v1/reports?submit=true", report(otherTitle));
    assertThat(otherFiled.statusCode()).as(otherFiled.body()).isEqualTo(201);
    long otherSource = id(otherFiled);

    Organisation readerOrg = fixtures.operator("finance");
    String duty = "duty-" + readerOrg.code() + "@bank.example";
    directory.setDelivery(Actor.cli(), readerOrg.id(), duty, null);
    HttpResponse<String> issued =
        nisc.postJson(
            "/api/v1/advisories",
            "{\"title\":\"出典付きの注意喚起\",\"body\":\"本文\",\"observables\":[\"ipv4-addr 203.0.113.61\"],"
                + "\"sourceReportIds\":["
                + source
                + ","
                + otherSource
                + "],\"tlp\":\"amber\",\"sectors\":[\"finance\"]}");
    assertThat(issued.statusCode()).as(issued.body()).isEqualTo(201);
    long advisory = id(issued);

    UserAccount reader = fixtures.user(readerOrg, Role.ANALYST);
    assertThat(api(reader).get("/api/v1/reports/" + source).statusCode()).isEqualTo(404);
    HttpResponse<String> json = api(reader).get("/api/v1/advisories/" + advisory);
    assertThat(json.statusCode()).isEqualTo(200);
    assertThat(json.body()).contains("\"sourceReportIds\":[]", "203.0.113.61");
    Http browser = http();
    browser.signIn(reader.login(), Fixtures.PASSWORD);
    String page = browser.get("/advisories/" + advisory).body();
    assertThat(page).contains("203.0.113.61");
    String stix = api(reader).get("/api/v1/advisories/" + advisory + "/stix").body();
    assertThat(stix).contains("203.0.113.61");
    await().atMost(Duration.ofSeconds(20)).until(() -> mailTo(duty) != null);
    String mail = GreenMailUtil.getBody(mailTo(duty));
    for (String seen : new String[] {json.body(), page, stix, mail}) {
      assertThat(seen).doesNotContain(traces(source)).doesNotContain(title);
    }

    // the issuer, and the reporter's own organisation (a recipient too), still see the source
    assertThat(nisc.get("/api/v1/advisories/" + advisory).body())
        .contains("\"sourceReportIds\":[" + source + "," + otherSource + "]");
    Http niscWeb = http();
    niscWeb.signIn(issuer.login(), Fixtures.PASSWORD);
    assertThat(niscWeb.get("/advisories/" + advisory).body())
        .contains("元になった報告</h2>", ">" + title + "</a>", ">" + otherTitle + "</a>");
    // the view names the sources by title under its own heading (not the form's label), and
    // only those the reader may see: the reporter's organisation sees its own, never the other
    Http own = http();
    own.signIn(fixtures.user("op-sakura-bank", Role.MEMBER).login(), Fixtures.PASSWORD);
    String ownPage = own.get("/advisories/" + advisory).body();
    assertThat(ownPage)
        .contains("元になった報告</h2>")
        .contains("<a href=\"/reports/" + source + "\">" + title + "</a>")
        .doesNotContain("番号、カンマ区切り")
        .doesNotContain(traces(otherSource))
        .doesNotContain(otherTitle, String.valueOf(otherSource));
    // the observables read as kinds in words
    assertThat(ownPage).contains("title=\"ipv4-addr\">IPv4 アドレス</span> <code>203.0.113.61</code>");
    assertThat(page).doesNotContain("元になった報告", otherTitle, String.valueOf(otherSource));
  }

  MimeMessage mailTo(String address) throws Exception {
    for (MimeMessage m : MAIL.getReceivedMessages()) {
      if (m.getAllRecipients()[0].toString().equals(address)) {
        return m;
      }
    }
    return null;
  }
}
