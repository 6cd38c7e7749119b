package jp.renkei.server.exposure;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import jp.renkei.server.advisory.AdvisoryDrafts;
import jp.renkei.server.advisory.AdvisoryForm;
import jp.renkei.server.audit.Actor;
import jp.renkei.server.directory.DirectoryService;
import jp.renkei.server.directory.Organisation;
import jp.renkei.server.directory.Role;
import jp.renkei.server.directory.UserAccount;
import jp.renkei.server.failure.InvalidInput;
import jp.renkei.server.support.Fixtures;
import jp.renkei.server.support.Http;
import jp.renkei.server.support.ServerTest;
import jp.renkei.server.support.WebhookReceiver;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Issue 16, the hub's answer to a new KEV entry and the handling of findings, against a real
 * PostgreSQL, SMTP (GreenMail) and a loopback webhook receiver — each with an adversary: the notice
 * of a new match reaches the owning organisation alone (queue, e-mail, webhook; not another
 * operator, not its ministry, not NISC, not even when it shares its details); NISC's advisory from
 * the figures names no sector under k and addresses no operator; a finding's workflow is changed
 * only by its owner and read only by its audience.
 */
class ExposureNoticeIT extends ServerTest {

  @Autowired KnowledgeService knowledge;
  @Autowired ExposureService exposure;
  @Autowired ExposureAccess access;
  @Autowired ExposureWorkflow workflow;
  @Autowired AdvisoryDrafts drafts;
  @Autowired ExposureAdvisory advisory;
  @Autowired DirectoryService directory;
  @Autowired JdbcClient jdbc;

  WebhookReceiver receiver;

  @BeforeEach
  void webhookReceiver() throws Exception {
    receiver = WebhookReceiver.start();
  }

  @AfterEach
  void stop() {
    receiver.close();
  }

  String hookUrl() {
    return receiver.url("/hook");
  }

  Http session(UserAccount u) {
    Http h = http();
    HttpResponse<String> in = h.signIn(u.login(), Fixtures.PASSWORD);
    assertThat(in.statusCode()).as(in.body()).isLessThan(400);
    return h;
  }

  /** A product no other test has, and a CVE id no other test uses. */
  record Product(String name, String cve) {
    String inventory(String host) {
      return "kind,value,port,protocol,cpe,criticality\nservice,"
          + host
          + ",443,tcp,cpe:2.3:a:renkeinotice:"
          + name
          + ":1.0:*:*:*:*:*:*:*,high\n";
    }

    String kev(String due) {
      return "{\"catalogVersion\":\"notice-test\",\"vulnerabilities\":[{\"cveID\":\""
          + cve
          + "\",\"vendorProject\":\"renkeinotice\",\"product\":\""
          + name
          + "\",\"vulnerabilityName\":\"Renkei test gateway flaw\",\"dateAdded\":\"2026-11-01\","
          + "\"dueDate\":\""
          + due
          + "\",\"requiredAction\":\"Apply the vendor's update.\"}]}";
    }
  }

  static Product product() {
    String u = Fixtures.unique("p").replaceAll("[^a-z0-9]", "");
    return new Product("gw" + u, "CVE-2098-" + (100000 + (int) (Math.random() * 800000)));
  }

  void importInventory(Organisation org, String csv) {
    UserAccount u = fixtures.user(org, Role.ANALYST);
    ExposureService.ImportResult r =
        exposure.importInventory(
            fixtures.actor(u), "csv", "x.csv", new ByteArrayInputStream(csv.getBytes(UTF_8)));
    assertThat(r.ok()).as(r.problems().toString()).isTrue();
  }

  /** Imports the KEV entry and re-evaluates what it can affect (the CLI's and upload's path). */
  Map<Long, java.util.Set<String>> addToKev(Product p, String due) {
    KnowledgeService.Summary s =
        knowledge.importKev(Actor.cli(), new ByteArrayInputStream(p.kev(due).getBytes(UTF_8)));
    return exposure.afterImport(s);
  }

  static String queue(Http h) {
    return h.get("/worklist").body();
  }

  @Test
  void aNewKevMatchIsToldToTheOwnerAloneInItsQueueByMailAndWebhook() throws Exception {
    Product p = product();
    Organisation owner = fixtures.operator("water");
    Organisation other = fixtures.operator("water");
    String ownerMail = "duty-" + owner.code() + "@example.test";
    String otherMail = "duty-" + other.code() + "@example.test";
    directory.setDelivery(Actor.cli(), owner.id(), ownerMail, hookUrl());
    directory.setDelivery(Actor.cli(), other.id(), otherMail, hookUrl());
    importInventory(owner, p.inventory("gw." + owner.code() + ".example"));
    // the other operator runs something else; the owner shares its details with its coordinators
    importInventory(other, product().inventory("gw." + other.code() + ".example"));
    UserAccount ownerAnalyst = fixtures.user(owner, Role.ANALYST);
    Http ownerSession = session(ownerAnalyst);
    ownerSession.postForm("/exposure", "/exposure/sharing", Map.of("share", "true"));

    Map<Long, java.util.Set<String>> newly = addToKev(p, "2026-12-21");
    assertThat(newly).containsOnlyKeys(owner.id());

    List<Long> notices =
        jdbc.sql("select organisation_id from exposure_notice where cve_id = ?")
            .param(p.cve())
            .query(Long.class)
            .list();
    assertThat(notices).containsExactly(owner.id());
    List<String> deliveries =
        jdbc.sql(
                "select o.organisation_id || ' ' || o.channel || ' ' || o.target from outbox o"
                    + " join exposure_notice n on n.id = o.exposure_notice_id where n.cve_id = ?"
                    + " order by o.channel")
            .param(p.cve())
            .query(String.class)
            .list();
    assertThat(deliveries)
        .containsExactly(owner.id() + " email " + ownerMail, owner.id() + " webhook " + hookUrl());

    // the running outbox sends both: the mail to the owner's duty address, the webhook once
    MimeMessage mail = null;
    for (int i = 0; i < 100 && (mail == null || receiver.accepted().isEmpty()); i++) {
      Thread.sleep(100);
      mail = mailAbout(p.cve(), ownerMail);
    }
    assertThat(mail).as("mail to the owner").isNotNull();
    assertThat(mail.getSubject()).contains("TLP:AMBER+STRICT", "KEV", p.cve());
    assertThat((String) mail.getContent())
        .contains("Renkei test gateway flaw", "2026-12-21", "Apply the vendor's update.")
        .doesNotContain("gw." + owner.code());
    assertThat(receiver.accepted())
        .anyMatch(h -> h.contains("exposure.kev_match") && h.contains(p.cve()));
    for (MimeMessage m : MAIL.getReceivedMessages()) {
      if (m.getSubject() != null && m.getSubject().contains(p.cve())) {
        assertThat(m.getAllRecipients()[0].toString()).isEqualTo(ownerMail);
      }
    }

    // the owner's queue lists it; nobody else's does — not the other operator, not the sector's
    // ministry, not NISC, though the owner shares its details with them
    String mine = queue(ownerSession);
    assertThat(mine).contains("id=\"wl-exposure\"").contains(p.cve());
    UserAccount otherAnalyst = fixtures.user(other, Role.ANALYST);
    List<UserAccount> adversaries =
        List.of(
            otherAnalyst,
            fixtures.user("mhlw", Role.ANALYST),
            fixtures.user("nisc", Role.ANALYST),
            fixtures.user("c-water", Role.ANALYST));
    long noticeId =
        jdbc.sql("select id from exposure_notice where cve_id = ?")
            .param(p.cve())
            .query(Long.class)
            .single();
    long never = 4503599627370496L + 777;
    for (UserAccount a : adversaries) {
      Http h = session(a);
      assertThat(queue(h)).as(a.login()).doesNotContain(p.cve());
      HttpResponse<String> theirs =
          h.postForm("/exposure", "/exposure/notices/" + noticeId + "/read", Map.of());
      HttpResponse<String> none =
          h.postForm("/exposure", "/exposure/notices/" + never + "/read", Map.of());
      assertThat(theirs.statusCode()).as(a.login()).isEqualTo(404).isEqualTo(none.statusCode());
      assertThat(plain(theirs.body()).replace(String.valueOf(noticeId), "ID"))
          .isEqualTo(plain(none.body()).replace(String.valueOf(never), "ID"));
    }
    assertThat(
            jdbc.sql("select read_at is null from exposure_notice where id = ?")
                .param(noticeId)
                .query(Boolean.class)
                .single())
        .isTrue();

    // read by the owner: gone from its queue; a second match of the same CVE tells nobody again
    assertThat(
            ownerSession
                .postForm("/", "/exposure/notices/" + noticeId + "/read", Map.of())
                .statusCode())
        .isEqualTo(302);
    assertThat(queue(ownerSession)).doesNotContain(p.cve());
    // a colleague who opens it later is added to its readers; the notice keeps its first reader
    // beside its first time (the second read used to overwrite read_by with the colleague)
    UserAccount colleague = fixtures.user(owner, Role.ANALYST);
    assertThat(
            session(colleague)
                .postForm("/", "/exposure/notices/" + noticeId + "/read", Map.of())
                .statusCode())
        .isEqualTo(302);
    assertThat(
            jdbc.sql("select read_by from exposure_notice where id = ?")
                .param(noticeId)
                .query(Long.class)
                .single())
        .isEqualTo(ownerAnalyst.id());
    assertThat(
            jdbc.sql(
                    "select user_id from exposure_notice_reader where notice_id = ?"
                        + " order by read_at, user_id")
                .param(noticeId)
                .query(Long.class)
                .list())
        .containsExactly(ownerAnalyst.id(), colleague.id());
    assertThat(addToKev(p, "2026-12-21")).isEmpty();
    exposure.rematchAllAndNotify();
    assertThat(
            jdbc.sql("select count(*) from exposure_notice where cve_id = ?")
                .param(p.cve())
                .query(Integer.class)
                .single())
        .isEqualTo(1);
  }

  /** A page without its per-request tokens. */
  static String plain(String body) {
    return body.replaceAll("name=\"_csrf\" value=\"[^\"]*\"", "_csrf")
        .replaceAll("content=\"[A-Za-z0-9_-]{20,}\"", "token");
  }

  static MimeMessage mailAbout(String cve, String to) throws Exception {
    for (MimeMessage m : MAIL.getReceivedMessages()) {
      if (m.getSubject() != null
          && m.getSubject().contains(cve)
          && m.getAllRecipients()[0].toString().equals(to)) {
        return m;
      }
    }
    return null;
  }

  @Test
  void aCveFoundEarlierAndOnlyNowAddedToKevIsToldToItsOwner() {
    Product p = product();
    Organisation owner = fixtures.operator("water");
    importInventory(owner, p.inventory("gw." + owner.code() + ".example"));
    String record =
        "{\"dataType\":\"CVE_RECORD\",\"dataVersion\":\"5.1\",\"cveMetadata\":{\"cveId\":\""
            + p.cve()
            + "\",\"state\":\"PUBLISHED\"},\"containers\":{\"cna\":{\"affected\":[{\"vendor\":"
            + "\"renkeinotice\",\"product\":\""
            + p.name()
            + "\",\"cpes\":[\"cpe:2.3:a:renkeinotice:"
            + p.name()
            + ":*:*:*:*:*:*:*:*\"],\"defaultStatus\":\"unaffected\",\"versions\":[{\"version\":"
            + "\"1.0\",\"status\":\"affected\"}]}]}}}\n";
    exposure.afterImport(
        knowledge.importCve(Actor.cli(), new ByteArrayInputStream(record.getBytes(UTF_8))));
    // found but not known exploited: a finding and no notice
    assertThat(
            jdbc.sql(
                    "select count(*) from exposure_finding where organisation_id = ? and cve_id = ?"
                        + " and not in_kev")
                .param(owner.id())
                .param(p.cve())
                .query(Integer.class)
                .single())
        .isPositive();
    assertThat(noticesAbout(p)).isEmpty();

    // KEV adds it later: the owner is told once, as for a CVE never found before
    assertThat(addToKev(p, "2026-12-21")).containsOnlyKeys(owner.id());
    assertThat(noticesAbout(p)).containsExactly(owner.id());
    addToKev(p, "2026-12-21");
    assertThat(noticesAbout(p)).containsExactly(owner.id());
  }

  List<Long> noticesAbout(Product p) {
    return jdbc.sql("select organisation_id from exposure_notice where cve_id = ?")
        .param(p.cve())
        .query(Long.class)
        .list();
  }

  @Test
  void niscDraftsAnAdvisoryFromFiguresThatNeverSingleOutAnOperator() {
    Product p = product();
    UserAccount niscAnalyst = fixtures.user("nisc", Role.ANALYST);
    Actor nisc = fixtures.actor(niscAnalyst);
    // enough unexposed operators in the sector whatever other tests left there
    for (int i = 0; i < 3; i++) {
      fixtures.operator("finance");
    }
    Organisation a = fixtures.operator("finance");
    Organisation b = fixtures.operator("finance");
    importInventory(a, p.inventory("a.example"));
    importInventory(b, p.inventory("b.example"));
    addToKev(p, "2026-12-21");

    // two exposed operators: the figure is withheld, the CVE not listed, nothing to draft from
    assertThat(sector(access.sectorFigures(nisc, p.cve()), "finance").withheld()).isTrue();
    assertThat(access.figures(nisc).cves())
        .extracting(ExposureAccess.CveFigure::cveId)
        .doesNotContain(p.cve());
    Http niscSession = session(niscAnalyst);
    HttpResponse<String> refused =
        niscSession.postForm("/exposure", "/exposure/advisory", Map.of("cve", p.cve()));
    assertThat(refused.statusCode()).isEqualTo(400);
    assertThat(refused.body()).doesNotContain("Exception").contains(p.cve());

    Organisation c = fixtures.operator("finance");
    importInventory(c, p.inventory("c.example"));
    exposure.rematchAllAndNotify();
    ExposureAccess.SectorFigure shown = sector(access.sectorFigures(nisc, p.cve()), "finance");
    assertThat(shown.withheld()).isFalse();
    assertThat(shown.exposed()).isEqualTo(3);

    HttpResponse<String> drafted =
        niscSession.postForm("/exposure", "/exposure/advisory", Map.of("cve", p.cve()));
    assertThat(drafted.statusCode()).as(drafted.body()).isEqualTo(302);
    String location = drafted.headers().firstValue("Location").orElseThrow();
    assertThat(location).contains("/advisories/new?draft=");
    long draftId = Long.parseLong(location.replaceAll(".*draft=", ""));
    AdvisoryForm form = drafts.form(nisc, draftId);
    assertThat(form.getTitle()).contains(p.cve());
    assertThat(form.getBody())
        .contains(p.cve(), "Renkei test gateway flaw", "2026-12-21", "金融")
        .contains("事業者中 3")
        .doesNotContain(a.code())
        .doesNotContain("a.example");
    assertThat(form.getActions()).isEqualTo("Apply the vendor's update.");
    // the sector's ministry and every CEPTOAR of the sector: chosen by sector, never by operator
    assertThat(form.getOrganisations())
        .contains("fsa", "c-bank", "c-securities", "c-life", "c-nonlife")
        .doesNotContain(a.code(), b.code(), c.code());
    for (String code : form.getOrganisations()) {
      assertThat(directory.organisation(code).typeCode()).isIn("ministry", "ceptoar");
    }
    // the form opens on the draft, through the advisory pages as any other draft
    assertThat(niscSession.get("/advisories/new?draft=" + draftId).body()).contains(p.cve());

    // a ministry of another sector sees no finance figure: nothing to draft from
    Actor mhlw = fixtures.actor(fixtures.user("mhlw", Role.ANALYST));
    assertThatThrownBy(() -> advisory.draft(mhlw, p.cve())).isInstanceOf(InvalidInput.class);

    // secondary suppression: one water operator exposed too. The national figure (4) minus the
    // finance figure of the draft (3) would name water's one operator: the national figure is
    // withheld, the CVE stays listed (finance's figure shows) and the advisory can be drafted
    assertThat(figureOf(access.figures(nisc), p.cve())).isEqualTo(3);
    Organisation w = fixtures.operator("water");
    importInventory(w, p.inventory("w.example"));
    exposure.rematchAllAndNotify();
    assertThat(sector(access.sectorFigures(nisc, p.cve()), "water").withheld()).isTrue();
    assertThat(sector(access.sectorFigures(nisc, p.cve()), "finance").exposed()).isEqualTo(3);
    ExposureAccess.Figures figures = access.figures(nisc);
    assertThat(figures.cves()).contains(new ExposureAccess.CveFigure(p.cve(), null));
    String overview = niscSession.get("/exposure").body();
    String row = overview.substring(overview.indexOf("<td>" + p.cve() + "</td>"));
    assertThat(row.substring(0, row.indexOf("</tr>"))).contains("秘匿").doesNotContain(">4<");
    assertThat(advisory.draft(nisc, p.cve())).isPositive();
    // and for every CVE NISC sees nationally, what the national figure leaves over the sectors
    // shown is itself a figure the small-number rule would show
    jp.renkei.engine.policy.SmallCounts rule = new jp.renkei.engine.policy.SmallCounts(figures.k());
    for (ExposureAccess.CveFigure f : figures.cves()) {
      if (f.exposed() == null) {
        continue;
      }
      int having = f.exposed();
      int population = 0;
      for (ExposureAccess.SectorFigure s : access.sectorFigures(nisc, f.cveId())) {
        if (s.withheld()) {
          population += s.operators();
        } else {
          having -= s.exposed();
        }
      }
      assertThat(population == 0 || rule.shows(having, population))
          .as(f.cveId() + ": " + having + " of " + population + " left over")
          .isTrue();
    }
  }

  static Integer figureOf(ExposureAccess.Figures figures, String cve) {
    return figures.cves().stream()
        .filter(f -> f.cveId().equals(cve))
        .findFirst()
        .orElseThrow()
        .exposed();
  }

  static ExposureAccess.SectorFigure sector(List<ExposureAccess.SectorFigure> all, String s) {
    return all.stream().filter(f -> f.sector().equals(s)).findFirst().orElseThrow();
  }

  @Test
  void aFindingsWorkflowIsChangedByItsOwnerAloneAndSurvivesAReimport() {
    Product p = product();
    Organisation org = fixtures.operator("water");
    UserAccount analyst = fixtures.user(org, Role.ANALYST);
    String csv = p.inventory("gw." + org.code() + ".example");
    importInventory(org, csv);
    // KEV due date already past: overdue while open
    addToKev(p, "2026-11-02");
    ExposureRepository.FindingRow f = only(analyst, org, p);
    assertThat(f.workflow()).isEqualTo("open");
    assertThat(f.overdue()).isTrue();
    Http owner = session(analyst);
    String page = "/exposure/findings/" + f.id();
    assertThat(owner.get("/exposure").body()).contains("exposure-overdue-row");

    // risk accepted without reason and expiry: both errors at once, nothing changed
    HttpResponse<String> bad =
        owner.postForm(
            page,
            page + "/workflow",
            Map.of("status", "risk_accepted", "owner", "", "reason", "", "acceptedUntil", "soon"));
    assertThat(bad.statusCode()).isEqualTo(200);
    assertThat(bad.body())
        .contains("id=\"form-error\"")
        .contains("リスク受容の理由は必須です")
        .contains("受容の期限は YYYY-MM-DD の日付で指定してください: soon")
        .doesNotContain("Exception");
    assertThat(only(analyst, org, p).workflow()).isEqualTo("open");

    LocalDate until = LocalDate.now(ZoneId.of("Asia/Tokyo")).plusDays(30);
    HttpResponse<String> ok =
        owner.postForm(
            page,
            page + "/workflow",
            Map.of(
                "status",
                "risk_accepted",
                "owner",
                "",
                "reason",
                "閉域網内でのみ使用",
                "acceptedUntil",
                until.toString()));
    assertThat(ok.statusCode()).as(ok.body()).isEqualTo(302);
    ExposureRepository.FindingRow accepted = only(analyst, org, p);
    assertThat(accepted.workflow()).isEqualTo("risk_accepted");
    assertThat(accepted.acceptedUntil()).isEqualTo(until);
    assertThat(accepted.overdue()).isFalse();

    // the API: status and owner, a comment, the history
    Http api = http().bearer(fixtures.token(analyst));
    HttpResponse<String> changed =
        api.postJson(
            "/api/v1/exposure/findings/" + f.id() + "/workflow",
            "{\"status\":\"in_progress\",\"owner\":\"Web 担当\"}");
    assertThat(changed.statusCode()).as(changed.body()).isEqualTo(200);
    assertThat(changed.body())
        .contains("\"workflow\":\"in_progress\"", "\"owner\":\"Web 担当\"", "\"overdue\":true");
    assertThat(
            api.postJson(
                    "/api/v1/exposure/findings/" + f.id() + "/comments", "{\"text\":\"更新は来週\"}")
                .statusCode())
        .isEqualTo(201);
    HttpResponse<String> wrong =
        api.postJson(
            "/api/v1/exposure/findings/" + f.id() + "/workflow",
            "{\"status\":\"closed\",\"owner\":\"" + "x".repeat(201) + "\"}");
    assertThat(wrong.statusCode()).isEqualTo(400);
    assertThat(wrong.body()).contains("closed").contains("200").doesNotContain("Exception");
    String history = api.get("/api/v1/exposure/findings/" + f.id() + "/history").body();
    assertThat(history)
        .contains("\"status\":\"risk_accepted\"", "閉域網内でのみ使用", "\"kind\":\"owner\"", "更新は来週")
        .contains(analyst.login());

    // a re-import gives the finding a new id; its handling stays
    importInventory(org, csv);
    ExposureRepository.FindingRow again = only(analyst, org, p);
    assertThat(again.id()).isNotEqualTo(f.id());
    assertThat(again.workflow()).isEqualTo("in_progress");
    assertThat(again.assignee()).isEqualTo("Web 担当");
    String shownPage = owner.get("/exposure/findings/" + again.id()).body();
    assertThat(shownPage).contains("更新は来週").contains("id=\"finding-overdue\"");

    // adversaries: another operator learns nothing (404 as for no finding); a member of the
    // owner may read but not change; NISC, once shared with, reads the history but cannot change
    long never = 4503599627370496L + 4242;
    Http stranger =
        http().bearer(fixtures.token(fixtures.user(fixtures.operator("water"), Role.ANALYST)));
    for (String path : List.of("/workflow", "/comments")) {
      HttpResponse<String> theirs =
          stranger.postJson("/api/v1/exposure/findings/" + again.id() + path, "{\"text\":\"x\"}");
      HttpResponse<String> none =
          stranger.postJson("/api/v1/exposure/findings/" + never + path, "{\"text\":\"x\"}");
      assertThat(theirs.statusCode()).isEqualTo(404).isEqualTo(none.statusCode());
    }
    assertThat(stranger.get("/api/v1/exposure/findings/" + again.id() + "/history").statusCode())
        .isEqualTo(404);
    Http member = http().bearer(fixtures.token(fixtures.user(org, Role.MEMBER)));
    assertThat(
            member
                .postJson(
                    "/api/v1/exposure/findings/" + again.id() + "/workflow",
                    "{\"status\":\"mitigated\"}")
                .statusCode())
        .isEqualTo(403);
    // shared per recipient: with NISC only — the sector's ministry still learns nothing
    assertThat(
            owner.postForm("/exposure", "/exposure/sharing", Map.of("nisc", "true")).statusCode())
        .isEqualTo(302);
    assertThat(owner.get("/exposure").body()).contains("id=\"share-nisc\" checked");
    Http nisc = http().bearer(fixtures.token(fixtures.user("nisc", Role.ANALYST)));
    assertThat(nisc.get("/api/v1/exposure/findings/" + again.id() + "/history").body())
        .contains("更新は来週");
    String ministryCode =
        jdbc.sql(
                "select m.code from organisation m join sector s on s.ministry_code = m.ministry_code"
                    + " where m.type_code = 'ministry' and s.code = 'water' limit 1")
            .query(String.class)
            .single();
    Http ministry = http().bearer(fixtures.token(fixtures.user(ministryCode, Role.ANALYST)));
    assertThat(
            ExposureIT.answer(ministry, "/api/v1/exposure/findings/" + again.id() + "/history")
                .replace(String.valueOf(again.id()), "ID"))
        .startsWith("404")
        .isEqualTo(
            ExposureIT.answer(ministry, "/api/v1/exposure/findings/" + never + "/history")
                .replace(String.valueOf(never), "ID"));
    assertThat(
            nisc.postJson(
                    "/api/v1/exposure/findings/" + again.id() + "/workflow",
                    "{\"status\":\"false_positive\"}")
                .statusCode())
        .isEqualTo(403);
    assertThat(only(analyst, org, p).workflow()).isEqualTo("in_progress");
  }

  ExposureRepository.FindingRow only(UserAccount u, Organisation org, Product p) {
    return access.findings(fixtures.actor(u), org.id()).stream()
        .filter(x -> x.cveId().equals(p.cve()))
        .reduce(
            (x, y) -> {
              throw new AssertionError("two findings of " + p.cve());
            })
        .orElseThrow();
  }

  @Test
  void anAdminUploadsKevRefusedRecordsAreListedAndTheMatchedOwnerIsTold() {
    Product p = product();
    Organisation org = fixtures.operator("water");
    importInventory(org, p.inventory("up." + org.code() + ".example"));
    String kev =
        p.kev("2026-12-21")
            .replace(
                "]}",
                ",{\"cveID\":\"CVE-BAD\",\"vendorProject\":\"x\",\"product\":\"y\","
                    + "\"dateAdded\":\"2026-11-01\"}]}");
    Http admin = session(fixtures.user("nisc", Role.PLATFORM_ADMIN));
    HttpResponse<String> r =
        admin.uploadWith(
            "/admin/exposure",
            "/admin/exposure",
            "file",
            "kev.json",
            kev.getBytes(UTF_8),
            Map.of("source", "kev"));
    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    assertThat(r.body())
        .contains("id=\"upload-ok\"", "id=\"upload-refused\"", "CVE-BAD")
        .doesNotContain("Exception");
    assertThat(
            jdbc.sql("select organisation_id from exposure_notice where cve_id = ?")
                .param(p.cve())
                .query(Long.class)
                .list())
        .containsExactly(org.id());
    // not JSON at all: refused with the reason, nothing else happens
    String broken =
        admin
            .uploadWith(
                "/admin/exposure",
                "/admin/exposure",
                "file",
                "kev.json",
                "{\"vulnerabilities\":[".getBytes(UTF_8),
                Map.of("source", "kev"))
            .body();
    assertThat(broken).contains("id=\"form-error\"").doesNotContain("Exception");
    // an analyst, even of NISC, may not upload
    Http analyst = session(fixtures.user("nisc", Role.ANALYST));
    assertThat(analyst.get("/admin/exposure").statusCode()).isEqualTo(403);
  }
}
