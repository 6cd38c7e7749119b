package jp.renkei.server.worklist;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

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
 * The home page's work queue for each role on a report's route and an advisory's thread: what waits
 * appears with what to do and where, leaves once done, and the navigation's counts are the queue's
 * own sizes throughout (each {@link Duty#counts()} checks that).
 */
class WorklistIT extends ServerTest {

  @Autowired DirectoryService directory;
  @Autowired JdbcClient jdbc;
  @Autowired jp.renkei.server.advisory.AdvisoryService advisories;
  @Autowired org.springframework.transaction.support.TransactionTemplate tx;

  Duty duty(Organisation org, Role role) {
    var u = fixtures.user(org, role);
    return new Duty(u, http().bearer(fixtures.token(u)), http());
  }

  Duty duty(String org, Role role) {
    return duty(directory.organisation(org), role);
  }

  /** A bank of its own, member of 銀行等CEPTOAR, so its name appears only where it is shown. */
  Organisation bank() {
    String code = Fixtures.unique("wlbank");
    return directory.create(
        Actor.cli(),
        new NewOrganisation(
            code,
            "当番試験銀行 " + code,
            "Duty test bank " + code,
            "operator",
            "finance",
            null,
            null,
            List.of("c-bank")));
  }

  static String row(String html, String id) {
    int at = html.indexOf("id=\"" + id + "\"");
    assertThat(at).as(id + " in the queue").isNotNegative();
    int start = html.lastIndexOf("<tr", at);
    return html.substring(start, html.indexOf("</tr>", at));
  }

  @Test
  void eachHopSeesTheReportWaitingOnItAndTheCountsFollowItAlongTheRoute() {
    Organisation org = bank();
    Duty bank = duty(org, Role.ANALYST);
    Duty ceptoar = duty("c-bank", Role.ANALYST);
    Duty fsa = duty("fsa", Role.ANALYST);
    Duty nisc = duty("nisc", Role.MEMBER);
    Map<String, Integer> c0 = ceptoar.counts();
    Map<String, Integer> f0 = fsa.counts();
    Map<String, Integer> b0 = bank.counts();
    String title = Fixtures.unique("ネットバンキング障害");

    long id = bank.file("ceptoar", "amber", ",\"ceptoarCode\":\"c-bank\"", title);
    String mine = row(ceptoar.queue(), "wl-report-" + id);
    assertThat(mine).contains("wl-read", title, org.nameJa(), "/reports/" + id, "セプターとして受信");
    assertThat(ceptoar.counts()).containsEntry("reports", c0.get("reports") + 1);
    assertThat(ceptoar.counts()).containsEntry("nav", c0.get("nav") + 1);
    assertThat(fsa.queue()).as("not yet delivered to the ministry").doesNotContain(title);

    ceptoar.read(id);
    assertThat(row(ceptoar.queue(), "wl-report-" + id)).contains("wl-forward", "転送する");
    assertThat(ceptoar.counts()).containsEntry("reports", c0.get("reports") + 1);

    ceptoar.forward(id);
    assertThat(ceptoar.queue()).doesNotContain(title);
    assertThat(ceptoar.counts()).isEqualTo(c0);
    assertThat(row(fsa.queue(), "wl-report-" + id)).contains("wl-read", "所管省庁として受信");
    assertThat(fsa.counts()).containsEntry("inbox", f0.get("inbox") + 1);

    fsa.read(id);
    fsa.forward(id);
    assertThat(fsa.counts()).isEqualTo(f0);
    assertThat(row(nisc.queue(), "wl-report-" + id)).contains("wl-read", "NISCとして受信");
    nisc.read(id);
    assertThat(nisc.queue()).as("NISC, the last hop, passes nothing on").doesNotContain(title);

    fsa.comment(id, "所管省庁より: 影響範囲を続報でお知らせください");
    String comments = bank.queue();
    assertThat(comments).contains("影響範囲を続報でお知らせください", "/reports/" + id, "金融庁");
    assertThat(bank.counts()).containsEntry("comments", b0.get("comments") + 1);
    assertThat(fsa.queue())
        .as("one's own comment is not addressed to oneself")
        .doesNotContain("影響範囲を続報でお知らせください");
  }

  /**
   * An inbox item offers to pass its report on (canForward) exactly as the route says: to an
   * analyst, for a version awaiting its relay, or for a delivery not passed on yet of a report that
   * is not anonymised and whose route has a next hop. The next hop is looked up only for the items
   * that may need it (never NISC's, the route's last hop); every item of the CEPTOAR's, the
   * ministry's and NISC's inboxes, for an analyst and a member, is checked against the hops stored.
   */
  @Test
  void theInboxOffersToPassOnExactlyTheDeliveriesWithANextHop() {
    Organisation org = bank();
    Duty bank = duty(org, Role.ANALYST);
    Duty ceptoar = duty("c-bank", Role.ANALYST);
    Duty fsa = duty("fsa", Role.ANALYST);
    long waiting =
        bank.file("ceptoar", "amber", ",\"ceptoarCode\":\"c-bank\"", Fixtures.unique("次へ"));
    long passed =
        bank.file("ceptoar", "amber", ",\"ceptoarCode\":\"c-bank\"", Fixtures.unique("済み"));
    ceptoar.read(passed);
    ceptoar.forward(passed);
    fsa.read(passed);
    fsa.forward(passed);
    long anonymised =
        bank.file(
            "ceptoar",
            "amber",
            ",\"ceptoarCode\":\"c-bank\",\"anonymise\":true",
            Fixtures.unique("匿名"));
    long hotline = bank.file("hotline", "amber", "", Fixtures.unique("直接"));
    Map<String, Map<Long, Boolean>> offered = new java.util.HashMap<>();
    for (String code : List.of("c-bank", "fsa", "nisc")) {
      Organisation at = directory.organisation(code);
      for (Role role : List.of(Role.ANALYST, Role.MEMBER)) {
        var u = fixtures.user(at, role);
        String json = http().bearer(fixtures.token(u)).get("/api/v1/inbox?limit=500").body();
        Map<Long, Boolean> items = new java.util.HashMap<>();
        tools.jackson.databind.json.JsonMapper.builder()
            .build()
            .readTree(json)
            .forEach(
                i -> {
                  long report = i.path("reportId").asLong();
                  boolean awaiting = i.hasNonNull("awaitingRelay");
                  Map<String, Object> hop =
                      jdbc.sql(
                              "select h.forwarded_at is null as open, r.anonymise, exists (select 1"
                                  + " from report_hop n where n.report_id = h.report_id"
                                  + " and n.hop_order = h.hop_order + 1) as next from report_hop h"
                                  + " join report r on r.id = h.report_id where h.report_id = ?"
                                  + " and h.recipient_org_id = ?")
                          .params(report, at.id())
                          .query()
                          .singleRow();
                  boolean expected =
                      role == Role.ANALYST
                          && (awaiting
                              || ((Boolean) hop.get("open")
                                  && !(Boolean) hop.get("anonymise")
                                  && (Boolean) hop.get("next")));
                  assertThat(i.path("canForward").asBoolean())
                      .as(code + " " + role + " report " + report)
                      .isEqualTo(expected);
                  items.put(report, i.path("canForward").asBoolean());
                });
        offered.put(code + " " + role, items);
      }
    }
    assertThat(offered.get("c-bank ANALYST"))
        .containsEntry(waiting, true)
        .containsEntry(passed, false)
        .containsEntry(anonymised, true);
    assertThat(offered.get("c-bank MEMBER")).containsEntry(waiting, false);
    assertThat(offered.get("fsa ANALYST")).containsEntry(passed, false);
    assertThat(offered.get("nisc ANALYST"))
        .containsEntry(passed, false)
        .containsEntry(hotline, false);
  }

  @Test
  void anonymisedReportWaitsForItsRelayAndTheCopyUpstreamNamesNoReporter() {
    Organisation org = bank();
    Duty bank = duty(org, Role.ANALYST);
    Duty ceptoar = duty("c-bank", Role.ANALYST);
    Duty fsa = duty("fsa", Role.ANALYST);
    Duty nisc = duty("nisc", Role.ANALYST);
    String title = Fixtures.unique("不審メール");

    long id =
        bank.file("ceptoar", "amber", ",\"ceptoarCode\":\"c-bank\",\"anonymise\":true", title);
    assertThat(row(ceptoar.queue(), "wl-report-" + id))
        .contains("wl-relay", "/reports/" + id + "/anonymise", "第1版", org.nameJa());

    long copy = ceptoar.relay(id, 1);
    assertThat(ceptoar.queue()).doesNotContain("wl-report-" + id + "\"");
    String upstream = row(fsa.queue(), "wl-report-" + copy);
    assertThat(upstream).contains("wl-read").doesNotContain(org.nameJa(), org.code());
    assertThat(fsa.queue()).doesNotContain(org.nameJa());
    fsa.read(copy);
    fsa.forward(copy);
    assertThat(nisc.queue()).contains("wl-report-" + copy).doesNotContain(org.nameJa());

    nisc.comment(copy, "NISCより: 同種の通信を他分野でも確認");
    assertThat(bank.queue())
        .as("the reporter reads what was said upstream on its original")
        .contains("同種の通信を他分野でも確認", "/reports/" + id + "\"")
        .doesNotContain("/reports/" + copy + "\"");
    assertThat(ceptoar.queue()).contains("同種の通信を他分野でも確認", "/reports/" + copy + "\"");
  }

  @Test
  void advisoriesToConfirmCarryTheirDeadlineAndTheIssuerSeesWhoHasNotConfirmed() {
    Organisation one = bank();
    Organisation two = bank();
    Duty first = duty(one, Role.MEMBER);
    Duty second = duty(two, Role.ANALYST);
    Duty nisc = duty("nisc", Role.ANALYST);
    Map<String, Integer> n0 = nisc.counts();
    String title = Fixtures.unique("注意喚起 VPN 機器");

    long a = nisc.advise("amber", title, one.code(), two.code());
    String row = row(first.queue(), "wl-advisory-" + a);
    assertThat(row).contains(title, "国家サイバー統括室", "/advisories/" + a, "受信を確認");
    assertThat(row).doesNotContain("wl-overdue");
    assertThat(first.counts()).containsEntry("confirm", 1).containsEntry("nav", 1);
    assertThat(row(nisc.queue(), "wl-mine-" + a)).contains("2 組織中 2 組織が未確認");
    assertThat(nisc.counts()).containsEntry("mine", n0.get("mine") + 1);

    jdbc.sql(
            "update advisory_recipient set delivered_at = now() - interval '2 days'"
                + " where advisory_id = ? and organisation_id = ?")
        .params(a, one.id())
        .update();
    assertThat(row(first.queue(), "wl-advisory-" + a)).contains("wl-overdue", "期限超過");
    assertThat(first.queue()).contains("id=\"wl-overdue-count\"");

    first.acknowledge(a);
    assertThat(first.queue()).doesNotContain(title).contains("id=\"worklist-empty\"");
    assertThat(first.counts()).containsEntry("nav", 0);
    assertThat(row(nisc.queue(), "wl-mine-" + a)).contains("2 組織中 1 組織が未確認");
    second.acknowledge(a);
    assertThat(nisc.queue()).doesNotContain("wl-mine-" + a + "\"");
    assertThat(nisc.counts()).isEqualTo(n0);
  }

  /**
   * The new-user walk: an advisory issued with no deadline, or a deadline of its own, showed 「確認期限」
   * 24 hours after delivery on the recipient's home page (the hub's default), while its inbox and
   * page showed the issuer's.
   */
  @Test
  void theQueueShowsTheIssuersOwnDeadlineAndJudgesOverdueByIt() {
    Organisation one = bank();
    Duty first = duty(one, Role.ANALYST);
    Duty nisc = duty("nisc", Role.ANALYST);
    long a = nisc.advise("amber", Fixtures.unique("期限つき注意喚起"), one.code());
    jdbc.sql("update advisory_version set confirm_by = ? where advisory_id = ?")
        .params(java.sql.Timestamp.from(java.time.Instant.parse("2030-01-02T03:04:05Z")), a)
        .update();
    assertThat(row(first.queue(), "wl-advisory-" + a))
        .contains("2030-01-02 12:04 JST")
        .doesNotContain("wl-overdue");
    // delivered a minute ago, but the issuer's deadline has passed: overdue
    jdbc.sql(
            "update advisory_version set confirm_by = now() - interval '1 minute' where advisory_id = ?")
        .param(a)
        .update();
    assertThat(row(first.queue(), "wl-advisory-" + a)).contains("wl-overdue", "期限超過");
  }

  @Test
  void adminsSeeFailedDeliveriesOnlyOfTheirOwnOrEveryOrganisationAsTheyRunTheHub() {
    Organisation org = bank();
    Duty nisc = duty("nisc", Role.ANALYST);
    String title = Fixtures.unique("配信失敗の確認");
    long a = nisc.advise("amber", title, org.code());
    jdbc.sql(
            "insert into outbox (advisory_id, version_no, organisation_id, channel, target,"
                + " purpose, status, attempts, last_error) values (?, 1, ?, 'webhook',"
                + " 'https://duty.example/hook', 'delivery', 'failed', 8, 'HTTP 503')")
        .params(a, org.id())
        .update();
    Duty orgAdmin = duty(org, Role.ORG_ADMIN);
    Duty analyst = duty(org, Role.ANALYST);
    Duty otherAdmin = duty(bank(), Role.ORG_ADMIN);
    Duty platform = duty("nisc", Role.PLATFORM_ADMIN);

    assertThat(orgAdmin.queue()).contains("id=\"wl-deliveries\"", title, "HTTP 503");
    assertThat(platform.queue()).contains(title, "HTTP 503", org.nameJa(), "id=\"wl-feeds\"");
    assertThat(analyst.queue()).doesNotContain("id=\"wl-deliveries\"", "HTTP 503");
    assertThat(otherAdmin.queue()).contains("id=\"wl-deliveries\"").doesNotContain(title);
    assertThat(otherAdmin.queue()).doesNotContain("id=\"wl-feeds\"");
    orgAdmin.counts();
    platform.counts();
  }

  @Test
  void adminsSeeCancelledDeliveriesApartFromFailedOnesWithWhyOnlyOfAdvisoriesTheyMaySee() {
    Organisation org = bank();
    directory.setDelivery(
        Actor.cli(), org.id(), Fixtures.unique("duty") + "@cancelled.example", null);
    Actor nisc = fixtures.actor(fixtures.user("nisc", Role.ANALYST));
    String title = Fixtures.unique("誤って出した情報提供");
    // issued and withdrawn before the sender could send it: its mail and the withdrawal's are
    // cancelled by the real outbox
    long a =
        tx.execute(
            s -> {
              long id =
                  advisories.issue(
                      nisc,
                      new jp.renkei.server.advisory.NewAdvisory(
                          title,
                          "本文",
                          null,
                          List.of(),
                          List.of(),
                          "amber",
                          false,
                          List.of(),
                          List.of(),
                          List.of(org.code()),
                          "normal",
                          null,
                          null));
              advisories.addVersion(
                  nisc, id, "withdrawal", title + " 取消", "取り消します", null, List.of(), null);
              return id;
            });
    await()
        .atMost(java.time.Duration.ofSeconds(60))
        .until(
            () ->
                jdbc.sql("select count(*) from outbox where advisory_id = ? and status = 'pending'")
                        .param(a)
                        .query(Long.class)
                        .single()
                    == 0);
    // a row cancelled when its organisation was no longer in the audience: of an advisory
    // addressed to another bank only, which this bank's admin may not see at all
    Organisation other = bank();
    String hidden = Fixtures.unique("他行あての情報提供");
    long h = duty("nisc", Role.ANALYST).advise("amber", hidden, other.code());
    jdbc.sql(
            "insert into outbox (advisory_id, version_no, organisation_id, channel, target,"
                + " purpose, status, last_error, cancel_reason, cancelled_at) values (?, 1, ?,"
                + " 'email', 'x@cancelled.example', 'delivery', 'cancelled', 'outside',"
                + " 'outsideAudience', now())")
        .params(h, org.id())
        .update();
    Duty orgAdmin = duty(org, Role.ORG_ADMIN);
    Duty platform = duty("nisc", Role.PLATFORM_ADMIN);
    Duty analyst = duty(org, Role.ANALYST);

    String mine = orgAdmin.queue();
    String cancelled = mine.substring(mine.indexOf("id=\"wl-cancelled-count\""));
    assertThat(cancelled)
        .contains(title, "送信前に取り消された", "取消の通知は不要")
        .doesNotContain(hidden, "共有範囲の外");
    assertThat(Duty.number(mine, "wl-cancelled-count")).isEqualTo(2);
    // failed and cancelled apart: nothing failed
    assertThat(Duty.number(mine, "wl-deliveries-count")).isZero();
    assertThat(platform.queue()).contains(title, "送信前に取り消された", org.nameJa());
    // an analyst confirms the withdrawal in the inbox, and is not shown the deliveries
    assertThat(analyst.queue()).doesNotContain("wl-cancelled", "送信前に取り消された");
    // the issuer's reach page counts them and says why, apart from the failed ones
    String page = duty("nisc", Role.ANALYST).web.get("/advisories/" + a).body();
    assertThat(page).contains("取りやめ 2", "取消の通知は不要", "失敗 0");
    orgAdmin.counts();
    platform.counts();
  }

  /**
   * The cancelled deliveries go back {@code renkei.worklist.cancelled-within} (30 days), on the
   * queue and on their own list, which shows them 50 a page (session 24 left the list unbounded).
   */
  @Test
  void cancelledDeliveriesAreListedWithinTheirWindowAPageAtATime() {
    Organisation org = bank();
    long a = duty("nisc", Role.ANALYST).advise("amber", Fixtures.unique("窓の試験"), org.code());
    for (int i = 0; i < 51; i++) {
      jdbc.sql(
              "insert into outbox (advisory_id, version_no, organisation_id, channel, target,"
                  + " purpose, status, last_error, cancel_reason, cancelled_at) values (?, 1, ?,"
                  + " 'email', ?, 'delivery', 'cancelled', 'inactive',"
                  + " 'inactive', now() - make_interval(secs => ?))")
          .params(a, org.id(), "x" + i + "@cancelled.example", i)
          .update();
    }
    // one from before the window
    jdbc.sql(
            "insert into outbox (advisory_id, version_no, organisation_id, channel, target,"
                + " purpose, status, last_error, cancel_reason, cancelled_at) values (?, 1, ?,"
                + " 'webhook', 'https://old.example/', 'delivery', 'cancelled', 'old',"
                + " 'withdrawn', now() - interval '31 days')")
        .params(a, org.id())
        .update();
    Duty admin = duty(org, Role.ORG_ADMIN);
    assertThat(Duty.number(admin.queue(), "wl-cancelled-count")).isEqualTo(51);
    assertThat(admin.queue()).contains("href=\"/worklist/cancelled\"");

    String first = admin.web.get("/worklist/cancelled").body();
    assertThat(first.split("class=\"cancelled-row\"", -1)).hasSize(51);
    assertThat(first).contains("30日以内", "id=\"page-next\"").doesNotContain("id=\"page-prev\"");
    // the window in words; the configuration key is for the admin guide, not the page
    assertThat(first).doesNotContain("renkei.worklist", "cancelled-within");
    assertThat(first).doesNotContain("送信前に取り消された");
    String second = admin.web.get("/worklist/cancelled?page=2").body();
    assertThat(second.split("class=\"cancelled-row\"", -1)).hasSize(2);
    assertThat(second).contains("id=\"page-prev\"").doesNotContain("id=\"page-next\"");
    assertThat(second).doesNotContain("送信前に取り消された");
    assertThat(admin.web.get("/worklist/cancelled?page=0").statusCode()).isEqualTo(400);
    // not the admins': nothing listed
    Duty analyst = duty(org, Role.ANALYST);
    assertThat(analyst.web.get("/worklist/cancelled").body()).doesNotContain("cancelled-row");
  }

  @Test
  void aQuietOrganisationIsToldNothingWaitsAndSeesTheHubMode() {
    Duty quiet = duty(bank(), Role.MEMBER);
    String q = quiet.queue();
    assertThat(q).contains("id=\"worklist-empty\"", "待っている作業はありません", "通常時");
    assertThat(q).contains("確認・転送を待つ情報連絡はありません", "疎通確認を待つ情報提供はありません");
    assertThat(quiet.counts()).containsEntry("nav", 0).containsEntry("inbox", 0);
    String home = quiet.web.get("/").body();
    assertThat(home).contains("id=\"worklist\"", "hx-trigger=\"every 30s\"", "id=\"nav-work\"");
    assertThat(quiet.countsFragment()).contains("id=\"system-mode\"", "hx-swap-oob");
  }
}
