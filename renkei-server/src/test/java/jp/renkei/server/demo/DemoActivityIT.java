package jp.renkei.server.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import jp.renkei.server.support.Http;
import jp.renkei.server.support.RenkeiProcess;
import jp.renkei.server.support.TestFiles;
import org.junit.jupiter.api.Test;

/**
 * The README's {@code serve} on a fresh data directory, as a new user starts it: the demo's morning
 * of activity gives every demo role something on its home, the lists show it, nobody sees a report
 * outside its audience, and a second {@code serve} on the same data adds nothing.
 */
class DemoActivityIT {

  // the bank's report as lists show it: the title of its newest version, the 続報
  static final String BANK_REPORT = "続報:リスト型攻撃の送信元追加と利用者対応の状況";
  static final String POWER_REPORT = "制御系ネットワーク境界のファイアウォールで外部からの探索行為を検知";
  static final String HOSPITAL_REPORT = "電子カルテ端末の一部でランサムウェア感染の疑い";
  static final String TELECOM_REPORT = "キャッシュDNSサーバへのDDoS攻撃による名前解決の遅延";
  static final String FINANCE_ADVISORY = "インターネットバンキングを狙うリスト型攻撃に関する注意喚起";

  @Test
  void everyDemoRoleFindsWorkAtHomeAndNobodySeesOutsideTheAudience() throws Exception {
    Path data = TestFiles.directory("renkei-demo-activity-");
    Map<String, String> passwords;
    String nisclist;
    try (RenkeiProcess hub = RenkeiProcess.serveWithBanner(data)) {
      passwords = passwords(hub.banner());
      assertThat(passwords).containsKeys("nisc.analyst", "bank.analyst", "npa.member");

      // every role's home has something to act on, in the section it acts in
      home(hub, passwords, "nisc.analyst", "id=\"wl-report-", "id=\"wl-mine-");
      home(hub, passwords, "admin", "id=\"wl-report-");
      home(hub, passwords, "fsa.analyst", "id=\"wl-report-");
      home(hub, passwords, "ceptoar.bank", "id=\"wl-report-");
      home(hub, passwords, "bank.analyst", "id=\"wl-advisory-", "class=\"wl-comment\"");
      home(hub, passwords, "bank.admin", "id=\"wl-advisory-");
      home(hub, passwords, "bank.member", "id=\"wl-advisory-");
      home(hub, passwords, "power.analyst", "class=\"wl-comment\"");
      home(hub, passwords, "isp.analyst", "class=\"wl-comment\"");
      home(hub, passwords, "npa.member", "id=\"wl-advisory-");

      // the lists render for every role, and show what each may see
      for (String login : passwords.keySet()) {
        Http h = signIn(hub, passwords, login);
        for (String list : new String[] {"/reports", "/inbox", "/advisories"}) {
          assertThat(h.get(list).statusCode()).as(login + " " + list).isEqualTo(200);
        }
      }
      Http nisc = signIn(hub, passwords, "nisc.analyst");
      nisclist = nisc.get("/reports").body();
      assertThat(nisclist).contains(BANK_REPORT, POWER_REPORT, HOSPITAL_REPORT);
      assertThat(nisc.get("/advisories").body()).contains(FINANCE_ADVISORY);
      // the demo organisations have duty contacts (example.jp), all but one, which shows the hint
      String form = nisc.get("/advisories/new").body();
      assertThat(form).contains("id=\"org-op-sakura-bank\"");
      assertThat(Pattern.compile("class=\"warn-inline\"").matcher(form).results().count())
          .isEqualTo(1);
      int midori = form.indexOf("id=\"org-" + DemoActivity.WITHOUT_DUTY_CONTACT + "\"");
      assertThat(midori).isPositive();
      assertThat(form.substring(midori, form.indexOf("</label>", midori))).contains("当番連絡先なし");
      // the demo's ended run is an earlier run of the 2015 template, so its after-action report
      // has a run to compare with (it once took the simulated-report demo scenario instead)
      assertThat(nisc.get("/exercises").body())
          .containsPattern("分野横断的演習（デモ・前回）</a></td>\\s*<td[^>]*>分野横断的演習（2015年度シナリオに基づく）</td>");
      Http bank = signIn(hub, passwords, "bank.analyst");
      assertThat(bank.get("/reports").body()).contains(BANK_REPORT);
      assertThat(bank.get("/advisories").body()).contains(FINANCE_ADVISORY);

      // leaks: another sector's reports, by list, by id and by search, stay hidden
      long power = reportId(nisc, POWER_REPORT);
      long hospital = reportId(nisc, HOSPITAL_REPORT);
      String bankList = bank.get("/reports").body() + bank.get("/inbox").body();
      assertThat(bankList).doesNotContain(POWER_REPORT, HOSPITAL_REPORT, TELECOM_REPORT);
      assertThat(bank.get("/reports/" + power).statusCode()).isEqualTo(404);
      assertThat(bank.get("/reports/" + hospital).statusCode()).isEqualTo(404);
      assertThat(bank.get("/search?q=198.51.100.14").body()).doesNotContain(POWER_REPORT);
      Http powerCo = signIn(hub, passwords, "power.analyst");
      assertThat(powerCo.get("/reports").body() + powerCo.get("/advisories").body())
          .doesNotContain(BANK_REPORT, FINANCE_ADVISORY, HOSPITAL_REPORT);
      assertThat(powerCo.get("/reports/" + reportId(bank, BANK_REPORT)).statusCode())
          .isEqualTo(404);
      // the bank's report reads in order: its 第一報 (#1) is filed before its 続報 (#2) arrives,
      // though the demo writes both in one transaction (the walks saw 続報 #2 first)
      String steps = timeline(bank.get("/reports/" + reportId(bank, BANK_REPORT)).body());
      assertThat(steps).contains("第一報を送信 #1", "続報 #2");
      assertThat(steps.indexOf("第一報を送信 #1")).isLessThan(steps.indexOf("続報 #2"));
      // and NISC's comment on the power company's report comes after the report it answers
      String powerSteps = timeline(nisc.get("/reports/" + power).body());
      assertThat(powerSteps).contains("第一報を送信 #1", "コメント");
      assertThat(powerSteps.indexOf("第一報を送信 #1")).isLessThan(powerSteps.indexOf("コメント"));
      // the telecom report waits at T-CEPTOAR: NISC does not learn of it yet
      assertThat(nisclist).doesNotContain(TELECOM_REPORT);
      // the police see the advisory addressed to them, never a report or the finance advisory
      Http police = signIn(hub, passwords, "npa.member");
      assertThat(police.get("/reports").body() + police.get("/advisories").body())
          .doesNotContain(BANK_REPORT, POWER_REPORT, FINANCE_ADVISORY);

      // the anonymised relay: the FSA reads the CEPTOAR's copy without the shinkin bank's name
      Http fsa = signIn(hub, passwords, "fsa.analyst");
      String fsaInbox = fsa.get("/inbox").body();
      assertThat(fsaInbox).contains("職員宛てに請求書を装う不審メールを受信");
      long copy = reportId(fsa, "職員宛てに請求書を装う不審メールを受信");
      String relayed = fsa.get("/reports/" + copy).body();
      assertThat(relayed).contains("請求書送付のご案内");
      assertThat(relayed).doesNotContain("みどり架空信用金庫", "緑川", "midori-shinkin", "048-000-5678");

      // the demo's indicators: the sector's TLP:GREEN ones and their sightings and correlation are
      // there for the sector and NISC; the bank's TLP:AMBER one for the bank only — another
      // organisation learns nothing of it by id, by the indicator browser or by search
      assertThat(bank.get("/intel/objects/" + DemoActivity.BANK_DOMAIN).body())
          .contains("sakura-ib-login.example.net", "id=\"indicator-sightings\"");
      assertThat(nisc.get("/intel/correlations").body()).contains(DemoActivity.LURE_SHA256);
      assertThat(
              signIn(hub, passwords, "ceptoar.bank")
                  .get("/intel/objects/" + DemoActivity.TRUST_HASH)
                  .body())
          .contains("3f5a2c9e8b7d6a1f", "id=\"indicator-sightings\"");
      String amber = "/intel/objects/" + DemoActivity.BANK_AMBER;
      String amberName = "不審な更新サーバ";
      assertThat(bank.get(amber).body()).contains(DemoActivity.AMBER_DOMAIN, amberName);
      assertThat(bank.get("/search?q=" + DemoActivity.AMBER_DOMAIN).body())
          .contains(DemoActivity.BANK_AMBER);
      for (String login : passwords.keySet()) {
        if (login.startsWith("bank.")) {
          continue;
        }
        Http other = signIn(hub, passwords, login);
        assertThat(other.get(amber).statusCode()).as(login + " " + amber).isEqualTo(404);
        assertThat(
                other.get("/search?q=" + DemoActivity.AMBER_DOMAIN).body()
                    + other.get("/intel/objects?value=" + DemoActivity.AMBER_DOMAIN).body()
                    + other.get("/intel/sightings").body())
            .as(login + " searching for the AMBER indicator")
            .doesNotContain(DemoActivity.BANK_AMBER, amberName);
      }
    }

    // a second serve on the same data directory adds nothing
    try (RenkeiProcess again = RenkeiProcess.serveWithBanner(data)) {
      Http nisc = new Http(again.port());
      nisc.signIn("nisc.analyst", passwords.get("nisc.analyst"));
      String list = nisc.get("/reports").body();
      assertThat(count(list, BANK_REPORT)).isEqualTo(count(nisclist, BANK_REPORT));
      assertThat(count(list, HOSPITAL_REPORT)).isEqualTo(1);
    }
  }

  private static void home(
      RenkeiProcess hub, Map<String, String> passwords, String login, String... expected) {
    HttpResponse<String> r = signIn(hub, passwords, login).get("/");
    assertThat(r.statusCode()).as(login).isEqualTo(200);
    assertThat(r.body()).as(login + "'s home").contains(expected).doesNotContain("worklist-empty");
  }

  private static Http signIn(RenkeiProcess hub, Map<String, String> passwords, String login) {
    Http h = new Http(hub.port());
    HttpResponse<String> r = h.signIn(login, passwords.get(login));
    assertThat(r.statusCode()).as(login + " signs in").isIn(302, 303);
    assertThat(r.headers().firstValue("Location").orElse("")).doesNotContain("error");
    return h;
  }

  /** The id of the report titled so, among the report links of the viewer's lists. */
  private static long reportId(Http viewer, String title) {
    Set<Long> ids = new LinkedHashSet<>();
    Matcher m =
        Pattern.compile("href=\"/reports/(\\d+)\"")
            .matcher(viewer.get("/reports").body() + viewer.get("/inbox").body());
    while (m.find()) {
      ids.add(Long.parseLong(m.group(1)));
    }
    for (long id : ids) {
      if (viewer.get("/reports/" + id).body().contains(title)) {
        return id;
      }
    }
    throw new AssertionError("no report titled " + title + " among " + ids);
  }

  /** The report page's timeline as text, one step a line, tags removed. */
  private static String timeline(String page) {
    int from = page.indexOf("id=\"timeline\"");
    assertThat(from).as("the report page has a timeline").isPositive();
    String list = page.substring(from, page.indexOf("</ol>", from));
    return list.replaceAll("(?s)<li[^>]*>", "\n")
        .replaceAll("(?s)<[^>]+>", "")
        .replaceAll("[ \t]+", " ");
  }

  private static int count(String text, String part) {
    int n = 0;
    for (int i = text.indexOf(part); i >= 0; i = text.indexOf(part, i + 1)) {
      n++;
    }
    return n;
  }

  /** login → password from the banner's lines " login password role / organisation". */
  static Map<String, String> passwords(String banner) {
    Map<String, String> out = new HashMap<>();
    Matcher m = Pattern.compile("(?m)^ {4}(\\S+)\\s+(\\S+)\\s+\\S+ / ").matcher(banner);
    while (m.find()) {
      out.put(m.group(1), m.group(2));
    }
    return out;
  }
}
