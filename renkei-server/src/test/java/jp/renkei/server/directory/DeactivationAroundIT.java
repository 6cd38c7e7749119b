package jp.renkei.server.directory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import jp.renkei.server.advisory.AdvisoryService;
import jp.renkei.server.advisory.NewAdvisory;
import jp.renkei.server.audit.Actor;
import jp.renkei.server.failure.InvalidInput;
import jp.renkei.server.failure.InvalidInputs;
import jp.renkei.server.report.NewReport;
import jp.renkei.server.report.ReportContent;
import jp.renkei.server.report.ReportFilingService;
import jp.renkei.server.support.Fixtures;
import jp.renkei.server.support.Http;
import jp.renkei.server.support.OutboxAudit;
import jp.renkei.server.support.ServerTest;
import jp.renkei.server.support.WebhookReceiver;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * What happens around an organisation a platform admin deactivates (deact28): deliveries queued to
 * it, and deliveries of advisories it issued, are cancelled (not held) and audited; a sender who
 * names it as an advisory's recipient or as a report's CEPTOAR is told it is inactive, and the
 * report form no longer offers it; the shell names it by id, code or name, and refuses an unknown
 * or ambiguous one. The real sender against GreenMail and an HTTP receiver on 127.0.0.1.
 */
class DeactivationAroundIT extends ServerTest {

  @Autowired DirectoryService directory;
  @Autowired AdvisoryService advisories;
  @Autowired ReportFilingService filing;
  @Autowired JdbcClient jdbc;
  @Autowired TransactionTemplate tx;
  @Autowired OrganisationNames names;

  WebhookReceiver receiver;

  @BeforeEach
  void receiver() throws Exception {
    receiver = WebhookReceiver.start();
  }

  @AfterEach
  void stop() {
    receiver.close();
  }

  /** A CEPTOAR of the finance sector with one operator member that has a duty address and hook. */
  record Community(Organisation ceptoar, Organisation member, String duty) {}

  Community community() {
    String code = Fixtures.unique("c-deact");
    Organisation ceptoar =
        directory.create(
            Actor.cli(),
            new NewOrganisation(
                code,
                "無効化試験セプター " + code,
                "Deactivation test CEPTOAR " + code,
                "ceptoar",
                "finance",
                null,
                null,
                List.of()));
    String memberCode = Fixtures.unique("op-deact");
    Organisation member =
        directory.create(
            Actor.cli(),
            new NewOrganisation(
                memberCode,
                "無効化試験事業者 " + memberCode,
                "Deactivation test operator " + memberCode,
                "operator",
                "finance",
                null,
                null,
                List.of(code)));
    String duty = memberCode + "@deact.example";
    directory.setDelivery(Actor.cli(), member.id(), duty, receiver.url("/hook?" + memberCode));
    return new Community(ceptoar, member, duty);
  }

  static NewAdvisory advisory(String title, Organisation... to) {
    return new NewAdvisory(
        title,
        "本文 DEACT-BODY " + title,
        null,
        List.of(),
        List.of(),
        "amber",
        false,
        List.of(),
        List.of(),
        List.of(to).stream().map(Organisation::code).toList(),
        "normal",
        null,
        null);
  }

  record Row(long id, String channel, String status, String code, String error) {}

  List<Row> rows(long advisory) {
    return jdbc.sql(
            "select id, channel, status, cancel_reason, last_error from outbox"
                + " where advisory_id = ? order by channel")
        .param(advisory)
        .query(
            (rs, i) ->
                new Row(
                    rs.getLong(1),
                    rs.getString(2),
                    rs.getString(3),
                    rs.getString(4),
                    rs.getString(5)))
        .list();
  }

  List<Row> awaitEnded(long advisory) {
    await()
        .atMost(Duration.ofSeconds(60))
        .until(
            () -> {
              List<Row> rows = rows(advisory);
              return !rows.isEmpty() && rows.stream().noneMatch(r -> r.status().equals("pending"));
            });
    return rows(advisory);
  }

  void assertCancelledUnsent(long advisory, Community c, String code, String reason)
      throws Exception {
    List<Row> rows = awaitEnded(advisory);
    assertThat(rows).extracting(Row::channel).containsExactly("email", "webhook");
    for (Row r : rows) {
      assertThat(r.status()).as("row %s", r).isEqualTo("cancelled");
      assertThat(r.code()).as("row %s", r).isEqualTo(code);
      assertThat(r.error()).contains(reason).doesNotContain("@", "127.0.0.1");
      assertThat(OutboxAudit.cancellationAudited(jdbc, r.id())).as("audited %s", r).isTrue();
    }
    assertThat(mailTextsTo(c.duty())).isEmpty();
    assertThat(receiver.requests()).isEmpty();
  }

  @Test
  void anAdvisoryWhoseIssuerIsDeactivatedBeforeItWentIsCancelledNotSent() throws Exception {
    Community c = community();
    Actor secretariat = fixtures.actor(fixtures.user(c.ceptoar(), Role.ANALYST));
    String title = Fixtures.unique("無効化前の発信");
    // issued and the issuer deactivated in one transaction: the sender cannot send in between
    long id =
        tx.execute(
            s -> {
              long a = advisories.issue(secretariat, advisory(title, c.member()));
              directory.setActive(Actor.cli(), c.ceptoar().id(), false);
              return a;
            });
    assertCancelledUnsent(id, c, "issuerInactive", "the issuing organisation is no longer active");

    // active again: what was cancelled stays cancelled, and a new advisory goes
    directory.setActive(Actor.cli(), c.ceptoar().id(), true);
    long next = advisories.issue(secretariat, advisory(title + " 再開後", c.member()));
    assertThat(awaitEnded(next)).extracting(Row::status).containsExactly("sent", "sent");
    assertThat(rows(id)).extracting(Row::status).containsOnly("cancelled");
  }

  @Test
  void anAdvisoryToARecipientDeactivatedBeforeItWentIsCancelledNotSent() throws Exception {
    Community c = community();
    Actor secretariat = fixtures.actor(fixtures.user(c.ceptoar(), Role.ANALYST));
    String title = Fixtures.unique("受信側の無効化");
    long id =
        tx.execute(
            s -> {
              long a = advisories.issue(secretariat, advisory(title, c.member()));
              directory.setActive(Actor.cli(), c.member().id(), false);
              return a;
            });
    assertCancelledUnsent(id, c, "inactive", "the organisation is no longer active");
  }

  @Test
  void anAdvisoryNamingAnInactiveOrganisationIsRefusedSayingSo() {
    Community c = community();
    Actor secretariat = fixtures.actor(fixtures.user(c.ceptoar(), Role.ANALYST));
    directory.setActive(Actor.cli(), c.member().id(), false);
    assertThatThrownBy(
            () -> advisories.issue(secretariat, advisory(Fixtures.unique("宛先無効"), c.member())))
        .isInstanceOfSatisfying(
            InvalidInput.class,
            e ->
                assertThat(InvalidInputs.of(e))
                    .anySatisfy(
                        i -> {
                          assertThat(i.field()).isEqualTo("organisations");
                          assertThat(i.messageKey()).isEqualTo("validation.organisation.inactive");
                          assertThat(i.args()).containsExactly(c.member().code());
                        }));
    // over the API the sender reads it in words, with the code it gave
    Http api = http().bearer(fixtures.token(fixtures.user(c.ceptoar(), Role.ANALYST)));
    var refused =
        api.postJson(
            "/api/v1/advisories",
            """
            {"title":"宛先無効 API","body":"本文","tlp":"amber","organisations":["%s"],
             "urgency":"normal"}
            """
                .formatted(c.member().code()));
    assertThat(refused.statusCode()).as(refused.body()).isEqualTo(400);
    assertThat(refused.body()).contains(c.member().code(), "inactive");
  }

  static ReportContent content(String title) {
    return Fixtures.reportContent(title);
  }

  static NewReport viaCeptoar(String title, String ceptoarCode) {
    return Fixtures.amberReport(title, "ceptoar", ceptoarCode, null);
  }

  /** The form's choice of the CEPTOAR route, offered only when there is an active CEPTOAR. */
  static final String CEPTOAR_ROUTE = "name=\"route\" value=\"ceptoar\"";

  @Test
  void aReportViaAnInactiveCeptoarIsRefusedAndTheFormNoLongerOffersIt() {
    Community c = community();
    UserAccount analyst = fixtures.user(c.member(), Role.ANALYST);
    Actor reporter = fixtures.actor(analyst);
    // a draft saved while the CEPTOAR was active
    long draft =
        filing.create(reporter, viaCeptoar(Fixtures.unique("下書き"), c.ceptoar().code()), false);
    Http browser = http();
    browser.signIn(analyst.login(), Fixtures.PASSWORD);
    assertThat(browser.get("/reports/new").body()).contains(CEPTOAR_ROUTE);

    directory.setActive(Actor.cli(), c.ceptoar().id(), false);
    assertThatThrownBy(
            () ->
                filing.create(
                    reporter, viaCeptoar(Fixtures.unique("新規"), c.ceptoar().code()), true))
        .isInstanceOfSatisfying(
            InvalidInput.class,
            e -> {
              assertThat(e.field()).isEqualTo("ceptoarCode");
              assertThat(e.messageKey()).isEqualTo("validation.organisation.inactive");
            });
    // its only CEPTOAR is inactive: without a code, there is none to choose
    assertThatThrownBy(
            () -> filing.create(reporter, viaCeptoar(Fixtures.unique("無指定"), null), true))
        .isInstanceOfSatisfying(
            InvalidInput.class,
            e -> assertThat(e.messageKey()).isEqualTo("validation.report.noCeptoar"));
    assertThatThrownBy(() -> filing.submit(reporter, draft))
        .isInstanceOfSatisfying(
            InvalidInput.class,
            e -> assertThat(e.messageKey()).isEqualTo("validation.organisation.inactive"));
    assertThat(
            jdbc.sql("select count(*) from report_hop where report_id = ?")
                .param(draft)
                .query(Integer.class)
                .single())
        .isZero();
    assertThat(browser.get("/reports/new").body()).doesNotContain(CEPTOAR_ROUTE);
  }

  /**
   * The route's other hops are judged as the CEPTOAR is (attack28c): a report whose route passes an
   * inactive ministry or an inactive NISC is refused naming it, and nothing is delivered; the route
   * that avoids the inactive hop still works.
   */
  @Test
  void aReportWhoseRoutePassesAnInactiveMinistryOrNiscIsRefused() {
    Community c = community();
    Actor reporter = fixtures.actor(fixtures.user(c.member(), Role.ANALYST));
    Organisation ministry = directory.ministryOrganisation("fsa").orElseThrow();
    Organisation nisc = directory.nationalCoordinator().orElseThrow();
    long draft =
        filing.create(reporter, viaCeptoar(Fixtures.unique("下書き"), c.ceptoar().code()), false);
    directory.setActive(Actor.cli(), ministry.id(), false);
    try {
      for (ThrowingCallable filed :
          List.<ThrowingCallable>of(
              () ->
                  filing.create(
                      reporter, viaCeptoar(Fixtures.unique("省庁経由"), c.ceptoar().code()), true),
              () -> filing.submit(reporter, draft))) {
        assertThatThrownBy(filed)
            .isInstanceOfSatisfying(
                InvalidInput.class,
                e -> {
                  assertThat(e.field()).isEqualTo("route");
                  assertThat(e.messageKey()).isEqualTo("validation.organisation.inactive");
                  assertThat(e.args()).containsExactly(ministry.code());
                });
      }
      assertThat(hops(draft)).isZero();
      // the hotline passes no ministry
      filing.create(reporter, hotline(Fixtures.unique("直接")), true);
    } finally {
      directory.setActive(Actor.cli(), ministry.id(), true);
    }
    directory.setActive(Actor.cli(), nisc.id(), false);
    try {
      assertThatThrownBy(() -> filing.create(reporter, hotline(Fixtures.unique("直接")), true))
          .isInstanceOfSatisfying(
              InvalidInput.class,
              e -> {
                assertThat(e.field()).isEqualTo("route");
                assertThat(e.args()).containsExactly(nisc.code());
              });
      assertThatThrownBy(() -> filing.submit(reporter, draft))
          .isInstanceOfSatisfying(
              InvalidInput.class, e -> assertThat(e.args()).containsExactly(nisc.code()));
      assertThat(hops(draft)).isZero();
    } finally {
      directory.setActive(Actor.cli(), nisc.id(), true);
    }
    filing.submit(reporter, draft);
    assertThat(hops(draft)).isEqualTo(3);
  }

  static NewReport hotline(String title) {
    return Fixtures.amberReport(title, "hotline", null, null);
  }

  int hops(long report) {
    return jdbc.sql("select count(*) from report_hop where report_id = ?")
        .param(report)
        .query(Integer.class)
        .single();
  }

  /**
   * An engineer may know an organisation only by a name it had (attack28c): the shell finds it by a
   * former name, Japanese or English, and refuses a name that is one organisation's former name and
   * another's current one.
   */
  @Test
  void theShellFindsAnOrganisationByAFormerNameAndRefusesOneTwoAnswerTo() {
    Organisation m = community().member();
    String oldJa = m.nameJa();
    String oldEn = m.nameEn();
    names.rename(
        platformAdmin(),
        m.id(),
        "改称後の事業者 " + Fixtures.unique("r"),
        "Renamed operator " + Fixtures.unique("r"),
        null,
        null);
    assertThat(directory.resolve(oldJa).id()).isEqualTo(m.id());
    assertThat(directory.resolve(" " + oldEn.toLowerCase(java.util.Locale.ROOT)).id())
        .isEqualTo(m.id());

    // another organisation takes the old name: it answers to it, and so does m
    Organisation other = community().member();
    names.rename(platformAdmin(), other.id(), oldJa, oldEn + " 2", null, null);
    assertThatThrownBy(() -> directory.resolve(oldJa))
        .isInstanceOfSatisfying(
            InvalidInput.class,
            e -> {
              assertThat(e.messageKey()).isEqualTo("validation.organisation.ambiguous");
              assertThat(e.args()[1].toString()).contains(m.code(), other.code());
            });
    assertThat(directory.resolve(oldEn).id()).isEqualTo(m.id());
  }

  /**
   * A rename is judged as a creation is (attack29b): a name that looks like another organisation's
   * current name — capitals with a Greek Nu for each N, another case — is refused naming it, so the
   * directory never shows two that look alike and the shell's exact names stay apart; an
   * organisation may keep looking like itself, and may take a name another organisation had before.
   */
  @Test
  void aRenameToANameThatLooksLikeAnotherOrganisationsIsRefused() {
    Organisation a = community().member();
    Organisation b = community().member();
    // capitals, every N a Greek Nu
    String nu = a.nameEn().toUpperCase(java.util.Locale.ROOT).replace('N', '\u039d');
    for (String[] names :
        List.of(
            new String[] {"別名の事業者 " + Fixtures.unique("r"), nu},
            new String[] {a.nameJa().toUpperCase(java.util.Locale.ROOT), "Other " + b.nameEn()},
            new String[] {"別名の事業者 " + Fixtures.unique("r"), a.nameEn().toLowerCase()})) {
      assertThatThrownBy(
              () -> this.names.rename(platformAdmin(), b.id(), names[0], names[1], null, null))
          .as(String.join(" / ", names))
          .isInstanceOfSatisfying(
              InvalidInput.class,
              e -> assertThat(e.messageKey()).isEqualTo("validation.name.confusable"));
    }
    assertThat(directory.organisation(b.id()).nameEn()).isEqualTo(b.nameEn());
    // its own name in another case is still its own
    this.names.rename(
        platformAdmin(),
        b.id(),
        b.nameJa(),
        b.nameEn().toUpperCase(java.util.Locale.ROOT),
        null,
        null);
    assertThat(directory.organisation(b.id()).nameEn())
        .isEqualTo(b.nameEn().toUpperCase(java.util.Locale.ROOT));
  }

  /**
   * A former name is matched exactly as a current name is (accounts29): one normalisation, NFKC and
   * Java's case rule, for both. A former name recorded in full-width letters, or with a capital the
   * database's {@code lower()} left as it was, used to be missed by the shell, and a name that was
   * one organisation's former name and another's current one named the other alone.
   */
  @Test
  void aFormerNameIsMatchedExactlyAsACurrentNameIs() {
    Organisation m = community().member();
    String u = Fixtures.unique("f");
    names.recordFormer(
        platformAdmin(),
        m.id(),
        new OrganisationNames.FormerName(
            wide("旧称TEST " + u),
            "ÉCOLE " + wide("DU PORT " + u),
            java.time.Instant.parse("2001-04-01T00:00:00Z"),
            null));
    assertThat(directory.resolve("旧称test " + u).id()).isEqualTo(m.id());
    assertThat(directory.resolve(" école du port " + u).id()).isEqualTo(m.id());
    assertThat(directory.resolve(wide("旧称TEST " + u)).id()).isEqualTo(m.id());
    // kept in the form every current name has
    assertThat(names.formerNames(m.id()))
        .extracting(OrganisationNames.FormerName::nameJa)
        .containsExactly("旧称TEST " + u);

    // another organisation now has that name: both answer to it
    Organisation other = community().member();
    names.rename(
        platformAdmin(),
        other.id(),
        "別名 " + Fixtures.unique("r"),
        "École du Port " + u,
        null,
        null);
    assertThatThrownBy(() -> directory.resolve("ecole du port " + u))
        .isInstanceOf(InvalidInput.class);
    assertThatThrownBy(() -> directory.resolve("École du port " + u))
        .isInstanceOfSatisfying(
            InvalidInput.class,
            e -> {
              assertThat(e.messageKey()).isEqualTo("validation.organisation.ambiguous");
              assertThat(e.args()[1].toString()).contains(m.code(), other.code());
            });
  }

  /**
   * A person who tried to sign in while the organisation was inactive (refused and counted, as a
   * disabled account's right password is since accounts29) is not held by those tries once it is
   * made active again (identity30): it was up to the lockout (15 minutes) after the reactivation.
   */
  @Test
  void aReactivatedOrganisationsPeopleAreNotLockedByTheirTriesWhileItWasInactive() {
    Organisation m = community().member();
    UserAccount person = fixtures.user(m, Role.ANALYST);
    directory.setActive(Actor.cli(), m.id(), false);
    for (int i = 0; i < 6; i++) {
      assertThat(signInAt(person)).contains("error");
    }
    directory.setActive(Actor.cli(), m.id(), true);
    assertThat(signInAt(person)).doesNotContain("error");
  }

  private String signInAt(UserAccount u) {
    return http()
        .signIn(u.login(), Fixtures.PASSWORD)
        .headers()
        .firstValue("Location")
        .orElseThrow();
  }

  /**
   * A former name keeps the rules of a current name (identity30): present, at most 200 characters,
   * no invisible or direction-changing character; nothing is recorded otherwise.
   */
  @Test
  void aFormerNameIsRefusedAsACurrentNameWouldBe() {
    Organisation m = community().member();
    java.time.Instant until = java.time.Instant.parse("2002-04-01T00:00:00Z");
    ThrowingCallable tooLong =
        () ->
            names.recordFormer(
                platformAdmin(),
                m.id(),
                new OrganisationNames.FormerName("長".repeat(201), "Long", until, null));
    assertThatThrownBy(tooLong)
        .isInstanceOfSatisfying(
            InvalidInput.class,
            e ->
                assertThat(InvalidInputs.of(e))
                    .anySatisfy(
                        i -> {
                          assertThat(i.field()).isEqualTo("nameJa");
                          assertThat(i.messageKey()).isEqualTo("validation.required.max");
                        }));
    assertThatThrownBy(
            () ->
                names.recordFormer(
                    platformAdmin(),
                    m.id(),
                    new OrganisationNames.FormerName("旧称", "Old\u202Egnp.exe", until, null)))
        .isInstanceOfSatisfying(
            InvalidInput.class,
            e -> assertThat(e.messageKey()).isEqualTo("validation.name.invisible"));
    assertThatThrownBy(
            () ->
                names.recordFormer(
                    platformAdmin(),
                    m.id(),
                    new OrganisationNames.FormerName(" ", "Blank", until, null)))
        .isInstanceOf(InvalidInput.class);
    assertThat(names.formerNames(m.id())).isEmpty();
  }

  /** The full-width form of printable ASCII (a space becomes the ideographic space). */
  private static String wide(String s) {
    StringBuilder b = new StringBuilder();
    s.chars()
        .forEach(
            c ->
                b.append(
                    c == ' ' ? '\u3000' : c > 0x20 && c < 0x7f ? (char) (c + 0xfee0) : (char) c));
    return b.toString();
  }

  Actor platformAdmin() {
    return fixtures.actor(fixtures.user("nisc", Role.PLATFORM_ADMIN));
  }

  @Test
  void theShellNamesAnOrganisationByIdCodeOrNameAndRefusesUnknownAndAmbiguousOnes() {
    Community c = community();
    Organisation m = c.member();
    assertThat(directory.resolve(String.valueOf(m.id())).id()).isEqualTo(m.id());
    assertThat(directory.resolve(m.code()).id()).isEqualTo(m.id());
    assertThat(directory.resolve("  " + m.nameJa() + " ").id()).isEqualTo(m.id());
    assertThat(directory.resolve(m.nameEn().toUpperCase(java.util.Locale.ROOT)).id())
        .isEqualTo(m.id());

    String nowhere = Fixtures.unique("どこにもない組織");
    assertThatThrownBy(() -> directory.resolve(nowhere))
        .isInstanceOfSatisfying(
            InvalidInput.class,
            e -> {
              assertThat(e.messageKey()).isEqualTo("validation.organisation.notFound");
              assertThat(e.args()).containsExactly(nowhere);
            });
    assertThatThrownBy(() -> directory.resolve(" "))
        .isInstanceOfSatisfying(
            InvalidInput.class, e -> assertThat(e.messageKey()).isEqualTo("validation.required"));

    // a code made of digits that is another organisation's id names two
    String digits = String.valueOf(m.id());
    Organisation numeric =
        jdbc.sql("select count(*) from organisation where code = ?")
                    .param(digits)
                    .query(Integer.class)
                    .single()
                > 0
            ? directory.organisation(digits)
            : directory.create(
                Actor.cli(),
                new NewOrganisation(
                    digits,
                    "数字コードの事業者 " + Fixtures.unique("n"),
                    "Digit-coded operator " + Fixtures.unique("n"),
                    "operator",
                    "finance",
                    null,
                    null,
                    List.of()));
    assertThatThrownBy(() -> directory.resolve(digits))
        .isInstanceOfSatisfying(
            InvalidInput.class,
            e -> {
              assertThat(e.messageKey()).isEqualTo("validation.organisation.ambiguous");
              assertThat(e.args()[1].toString()).contains(m.code(), numeric.code());
            });
  }
}
