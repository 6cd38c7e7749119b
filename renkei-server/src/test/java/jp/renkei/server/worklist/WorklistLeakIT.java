package jp.renkei.server.worklist;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import jp.renkei.server.audit.Actor;
import jp.renkei.server.directory.DirectoryService;
import jp.renkei.server.directory.NewOrganisation;
import jp.renkei.server.directory.Organisation;
import jp.renkei.server.directory.Role;
import jp.renkei.server.support.Fixtures;
import jp.renkei.server.support.ServerTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * An adversary's test of the work queue: objects outside a person's audience — TLP:RED to named
 * people, another sector, a hotline report that leaves out the supervisory ministry, anonymised
 * originals (also at RED), others' drafts, another CEPTOAR's relays and advisories, and the failed
 * deliveries of an advisory the platform admin may not see — never appear in the queue nor change
 * any of its counts, for several roles; those in the audience do see them (so the test is not
 * vacuous). The polling endpoints need a sign-in and answer only for the signed-in person.
 */
class WorklistLeakIT extends ServerTest {

  @Autowired DirectoryService directory;
  @Autowired JdbcClient jdbc;

  Duty duty(Organisation org, Role role) {
    var u = fixtures.user(org, role);
    return new Duty(u, http().bearer(fixtures.token(u)), http());
  }

  Duty duty(String org, Role role) {
    return duty(directory.organisation(org), role);
  }

  Organisation member(String sector, String ceptoar) {
    String code = Fixtures.unique("wlleak");
    return directory.create(
        Actor.cli(),
        new NewOrganisation(
            code,
            "漏えい試験事業者 " + code,
            "Leak test operator " + code,
            "operator",
            sector,
            null,
            null,
            List.of(ceptoar)));
  }

  @Test
  void hiddenObjectsNeverReachAQueueNorMoveACount() {
    Organisation bankOrg = member("finance", "c-bank");
    Organisation powerOrg = member("electricity", "c-power");
    Duty bank = duty(bankOrg, Role.ANALYST);
    Duty power = duty(powerOrg, Role.ANALYST);
    Duty named = duty("c-bank", Role.ANALYST);
    Duty colleague = duty("c-bank", Role.ANALYST);
    Duty cpower = duty("c-power", Role.ANALYST);
    Duty fsa = duty("fsa", Role.ANALYST);
    Duty fsaAdmin = duty("fsa", Role.ORG_ADMIN);
    Duty nisc = duty("nisc", Role.ANALYST);
    Duty platform = duty("nisc", Role.PLATFORM_ADMIN);
    Duty sameSector = duty("op-midori-shinkin", Role.ORG_ADMIN);

    // an anonymised original relayed upstream: the ministry gets the copy, never the original
    long original =
        bank.file(
            "ceptoar",
            "amber",
            ",\"ceptoarCode\":\"c-bank\",\"anonymise\":true",
            Fixtures.unique("匿名化元"));
    long copy = named.relay(original, 1);
    String atFsa = fsa.queue();
    assertThat(atFsa).contains("wl-report-" + copy + "\"");
    assertThat(atFsa)
        .doesNotContain("wl-report-" + original + "\"", bankOrg.nameJa(), bankOrg.code());
    fsa.read(copy);
    fsa.forward(copy);
    named.read(original);

    Map<String, Map<String, Integer>> before = new LinkedHashMap<>();
    List<Duty> watchers = List.of(colleague, fsa, fsaAdmin, sameSector);
    for (Duty d : watchers) {
      before.put(d.login(), d.counts());
    }
    Map<String, Integer> platformBefore = platform.counts();
    Map<String, Integer> namedBefore = named.counts();
    Map<String, Integer> cpowerBefore = cpower.counts();

    String redTitle = Fixtures.unique("赤 指名者のみ");
    long red =
        bank.file(
            "ceptoar",
            "red",
            ",\"ceptoarCode\":\"c-bank\",\"recipientLogins\":[\"" + named.login() + "\"]",
            redTitle);
    String redAnonTitle = Fixtures.unique("赤 匿名化");
    long redAnon =
        bank.file(
            "ceptoar",
            "red",
            ",\"ceptoarCode\":\"c-bank\",\"anonymise\":true,\"recipientLogins\":[\""
                + named.login()
                + "\"]",
            redAnonTitle);
    named.comment(red, "指名者から: 受領しました");
    String hotlineTitle = Fixtures.unique("監督官庁除外");
    long hotline =
        bank.file("hotline", "amber", ",\"excludeSupervisoryMinistry\":true", hotlineTitle);
    nisc.read(hotline);
    nisc.comment(hotline, "NISCより: 監督官庁を除いて対応中");
    String draftTitle = Fixtures.unique("他組織の下書き");
    bank.draft(draftTitle);
    String powerTitle = Fixtures.unique("電力 他分野");
    long powerReport = power.file("ceptoar", "amber", ",\"ceptoarCode\":\"c-power\"", powerTitle);
    String powerAnonTitle = Fixtures.unique("電力 匿名化");
    long powerAnon =
        power.file(
            "ceptoar", "amber", ",\"ceptoarCode\":\"c-power\",\"anonymise\":true", powerAnonTitle);
    String adviceTitle = Fixtures.unique("電力セプター 限定");
    long advice = cpower.advise("amber_strict", adviceTitle, powerOrg.code());
    jdbc.sql(
            "insert into outbox (advisory_id, version_no, organisation_id, channel, target,"
                + " purpose, status, attempts, last_error) values (?, 1, ?, 'email',"
                + " 'duty@power.example', 'delivery', 'failed', 8, 'mailbox unavailable')")
        .params(advice, powerOrg.id())
        .update();

    // those in each audience see theirs: the test would catch a queue that shows nothing
    String namedQueue = named.queue();
    assertThat(namedQueue)
        .contains("wl-report-" + red + "\"", redTitle, "wl-report-" + redAnon + "\"", "wl-relay");
    assertThat(named.counts()).containsEntry("reports", namedBefore.get("reports") + 2);
    assertThat(cpower.queue())
        .contains("wl-report-" + powerReport + "\"", "wl-report-" + powerAnon + "\"");
    assertThat(cpower.counts()).containsEntry("reports", cpowerBefore.get("reports") + 2);
    assertThat(power.queue()).contains("wl-advisory-" + advice + "\"", adviceTitle);
    assertThat(bank.queue()).contains("受領しました", "監督官庁を除いて対応中");

    List<String> hidden =
        List.of(
            redTitle,
            redAnonTitle,
            hotlineTitle,
            draftTitle,
            powerTitle,
            powerAnonTitle,
            adviceTitle,
            "受領しました",
            "監督官庁を除いて対応中",
            "mailbox unavailable",
            "wl-report-" + red + "\"",
            "wl-report-" + redAnon + "\"",
            "wl-report-" + hotline + "\"",
            "wl-report-" + powerReport + "\"",
            "wl-report-" + powerAnon + "\"",
            "wl-advisory-" + advice + "\"",
            bankOrg.nameJa(),
            powerOrg.nameJa());
    for (Duty d : watchers) {
      String q = d.queue();
      String home = d.web.get("/").body();
      for (String h : hidden) {
        assertThat(q).as(d.login() + " queue: " + h).doesNotContain(h);
        assertThat(home).as(d.login() + " home: " + h).doesNotContain(h);
      }
      assertThat(d.counts()).as(d.login()).isEqualTo(before.get(d.login()));
    }
    String platformQueue = platform.queue();
    assertThat(platformQueue)
        .as("the platform admin runs the hub, not every audience")
        .doesNotContain(adviceTitle, "mailbox unavailable", powerOrg.nameJa());
    // the hotline report reached NISC, but NISC's analyst read it at once: nothing waits there
    assertThat(platform.counts()).isEqualTo(platformBefore);
  }

  /**
   * A section longer than the page shows its first 50 and counts the rest: 60 reports the CEPTOAR
   * may see and 60 it may not (TLP:RED naming nobody there, delivered to it all the same) waiting
   * on it. The count, the "more" line and the navigation move by the 60 visible ones only, and no
   * hidden one is listed. They are the newest waiting (milliseconds before now): the queue lists
   * newest first, and other ITs in the same JVM leave c-bank's queue with more than 50 of their
   * own.
   */
  @Test
  void longSectionsCountOnlyWhatThePersonMaySee() {
    Organisation bankOrg = member("finance", "c-bank");
    Duty watcher = duty("c-bank", Role.ANALYST);
    Map<String, Integer> before = watcher.counts();
    long cbank = directory.organisation("c-bank").id();
    String visible = Fixtures.unique("長い列 見える");
    String hidden = Fixtures.unique("長い列 赤");
    for (String[] kind : List.of(new String[] {"amber", visible}, new String[] {"red", hidden})) {
      jdbc.sql(
              "with r as (insert into report (originator_org_id, sector_code, route, ceptoar_id,"
                  + " tlp, status, created_at, submitted_at) select ?, 'finance', 'ceptoar', ?, ?,"
                  + " 'submitted', now() - g * interval '1 millisecond',"
                  + " now() - g * interval '1 millisecond'"
                  + " from generate_series(1, 60) g returning id, created_at),"
                  + " v as (insert into report_version (report_id, version_no, kind, title, summary,"
                  + " detected_at, incident_type_code, service_outage, severity_code,"
                  + " cascade_possibility, reporting_case_code) select id, 1, 'first', ?, '概要',"
                  + " created_at, 'malware', 'no', 'level2', 'unknown', 'case3' from r)"
                  + " insert into report_hop (report_id, hop_order, kind, recipient_org_id,"
                  + " delivered_at) select id, 1, 'ceptoar', ?, created_at from r")
          .params(bankOrg.id(), cbank, kind[0], kind[1], cbank)
          .update();
    }
    Map<String, Integer> after = watcher.counts();
    assertThat(after.get("reports")).isEqualTo(before.get("reports") + 60);
    assertThat(after.get("nav")).isEqualTo(before.get("nav") + 60);
    String queue = watcher.queue();
    assertThat(queue).contains(visible).doesNotContain(hidden);
    assertThat(queue).contains("ほか " + (after.get("reports") - 50) + " 件");
  }

  /**
   * A section counts at most {@link WorkQueueService#COUNT_LIMIT} items and says "n+" beyond. It
   * read the candidates (here the comments on reports the organisation received) with that limit
   * before the policy judged them, and said "+" whenever the read was full: a colleague of a
   * TLP:RED report's named recipient read 「0+」 once more than the limit of comments were written on
   * it, and so learnt that they exist. "+" now means more than the limit the reader may see.
   */
  @Test
  void commentsBeyondTheCountLimitOnAReportOneMayNotSeeAddNoPlus() {
    Organisation bankOrg = member("finance", "c-bank");
    Duty bank = duty(bankOrg, Role.ANALYST);
    Duty named = duty("c-bank", Role.ANALYST);
    Duty colleague = duty("c-bank", Role.ANALYST);
    long red =
        bank.file(
            "ceptoar",
            "red",
            ",\"ceptoarCode\":\"c-bank\",\"recipientLogins\":[\"" + named.login() + "\"]",
            Fixtures.unique("赤 コメント多数"));
    String before = text(colleague.queue(), "wl-comments-count");
    String navBefore = text(colleague.countsFragment(), "nav-work-count");
    // the reporter's comments, more than the limit (written in one statement: a thousand API calls
    // would add nothing but time)
    jdbc.sql(
            "insert into report_comment (report_id, org_id, user_id, body)"
                + " select ?, ?, ?, 'コメント ' || g from generate_series(1, ?) g")
        .params(red, bankOrg.id(), bank.person.id(), WorkQueueService.COUNT_LIMIT + 1)
        .update();
    assertThat(text(named.queue(), "wl-comments-count"))
        .isEqualTo(WorkQueueService.COUNT_LIMIT + "+");
    // the CEPTOAR received the report, it did not write it: the heading says both
    assertThat(named.queue()).contains("自組織が連絡・受信した情報連絡への他組織からのコメント");
    assertThat(text(named.countsFragment(), "nav-work-count")).endsWith("+");
    assertThat(text(colleague.queue(), "wl-comments-count")).isEqualTo(before).doesNotContain("+");
    assertThat(text(colleague.countsFragment(), "nav-work-count"))
        .isEqualTo(navBefore)
        .doesNotContain("+");
    assertThat(colleague.queue()).doesNotContain("worklist-capped");
  }

  /** The text of the element with {@code id}. */
  static String text(String html, String id) {
    java.util.regex.Matcher m =
        java.util.regex.Pattern.compile("id=\"" + id + "\"[^>]*>([^<]*)<").matcher(html);
    assertThat(m.find()).as(id + " in " + html).isTrue();
    return m.group(1).strip();
  }

  @Test
  void thePollingEndpointsNeedASignInAndAnswerOnlyForTheSignedInPerson() {
    Organisation one = member("finance", "c-bank");
    Organisation two = member("finance", "c-bank");
    Duty nisc = duty("nisc", Role.ANALYST);
    Duty a = duty(one, Role.ANALYST);
    Duty b = duty(two, Role.ANALYST);
    String forB = Fixtures.unique("Bあて");
    long adv = nisc.advise("amber", forB, two.code());

    for (String path : List.of("/worklist", "/worklist/counts")) {
      HttpResponse<String> anonymous = http().get(path);
      assertThat(anonymous.statusCode()).as(path).isEqualTo(302);
      assertThat(anonymous.headers().firstValue("Location").orElse("")).endsWith("/login");
      assertThat(anonymous.body()).doesNotContain(forB);
      HttpResponse<String> tokenOnly = http().bearer(fixtures.token(b.person)).get(path);
      assertThat(tokenOnly.statusCode()).as(path + " with a bearer token").isNotEqualTo(200);
      assertThat(tokenOnly.body()).doesNotContain(forB);
    }

    // whatever the request names, the answer is the signed-in person's queue
    String bId = String.valueOf(b.person.id());
    String bOrg = String.valueOf(two.id());
    for (String path :
        List.of(
            "/worklist?userId=" + bId + "&organisationId=" + bOrg + "&login=" + b.login(),
            "/worklist/counts?userId=" + bId + "&organisationId=" + bOrg)) {
      HttpResponse<String> r = a.web.get(path);
      assertThat(r.statusCode()).isEqualTo(200);
      assertThat(r.body()).doesNotContain(forB, "wl-advisory-" + adv);
    }
    assertThat(
            Duty.number(
                a.web.get("/worklist/counts?organisationId=" + bOrg).body(), "nav-work-count"))
        .isZero();
    assertThat(b.queue()).contains(forB);
    assertThat(b.counts()).containsEntry("confirm", 1);
  }
}
