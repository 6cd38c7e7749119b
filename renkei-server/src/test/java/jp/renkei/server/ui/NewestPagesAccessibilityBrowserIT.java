package jp.renkei.server.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import jp.renkei.server.audit.Actor;
import jp.renkei.server.directory.Organisation;
import jp.renkei.server.directory.Role;
import jp.renkei.server.directory.UserAccount;
import jp.renkei.server.intel.IntelService;
import jp.renkei.server.intel.MisnamedIdentities;
import jp.renkei.server.intel.StoredRows;
import jp.renkei.server.support.Axe;
import jp.renkei.server.support.BrowserSignIn;
import jp.renkei.server.support.Chromium;
import jp.renkei.server.support.ServerTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The pages session 27 changed, as a new analyst and a platform admin meet them on a 1,280-px
 * window, in Japanese and in English: the mail analysis with a verdict, its signs and the held
 * C4TAP share form; a report; the audit list; the organisations page and one organisation's page;
 * the misnamed identities with a row; the cancelled deliveries with a row. Each has no serious or
 * critical axe-core violation, says its language, has its landmarks (one h1, main, footer), does
 * not scroll sideways and breaks no short header or cell over lines ('結/果', '成/功' in the audit
 * list's outcome column). {@link AccessibilityBrowserIT} walks every demo role's pages in Japanese.
 */
class NewestPagesAccessibilityBrowserIT extends ServerTest {

  /** A lure with a Reply-To elsewhere, a login pretext, a deadline and a look-alike link. */
  private static final String LURE =
      "From: Sakura Card <info@sakura-card-verify.example>\r\n"
          + "Reply-To: sakura.card.desk@gmail.com\r\n"
          + "To: tanaka@bank.example.jp\r\n"
          + "Subject: =?UTF-8?B?"
          + java.util.Base64.getEncoder()
              .encodeToString("【重要】ご利用確認のお願い".getBytes(StandardCharsets.UTF_8))
          + "?=\r\n"
          + "Date: Wed, 2 Dec 2026 09:00:00 +0900\r\n"
          + "Received: from mx.sakura-card-verify.example (mx.sakura-card-verify.example"
          + " [203.0.113.9]) by mail.bank.example.jp; Wed, 2 Dec 2026 09:00:01 +0900\r\n"
          + "Received: from pc (unknown [198.51.100.7]) by mx.sakura-card-verify.example;"
          + " Wed, 2 Dec 2026 09:00:00 +0900\r\n"
          + "MIME-Version: 1.0\r\n"
          + "Content-Type: text/html; charset=UTF-8\r\n\r\n"
          + "<p>お客様のアカウントで不正なログインを検知しました。24時間以内に本人確認を行わない場合、"
          + "アカウントを停止します。</p><p><a href=\"http://sakura-card.login-verify.example/auth\">"
          + "https://www.sakura-card.example/login</a> からログインしてください。</p>\r\n";

  private static final Path SHOTS = Path.of("target", "screenshots");

  @Autowired JdbcClient jdbc;
  @Autowired IntelService intel;
  @Autowired MisnamedIdentities misnamedIdentities;

  private ChromeDriver browser;
  private WebDriverWait wait;

  @BeforeEach
  void startBrowser() {
    browser = Chromium.start(1280, 900, "--hide-scrollbars");
    wait = new WebDriverWait(browser, Duration.ofSeconds(60));
    browser.manage().timeouts().scriptTimeout(Duration.ofSeconds(60));
  }

  @AfterEach
  void stopBrowser() {
    if (browser != null) {
      browser.quit();
    }
  }

  @Test
  void theNewestPagesHaveNoSeriousViolationsInEitherLanguage() throws Exception {
    Organisation bank = fixtures.operator("finance");
    Organisation other = fixtures.operator("gas");
    UserAccount analyst = fixtures.user(bank, Role.ANALYST);
    UserAccount admin = fixtures.user("nisc", Role.PLATFORM_ADMIN);
    // a misnamed identity (stored before the name checks) and a cancelled delivery to list
    String misnamed =
        StoredRows.identity(
            jdbc,
            StoredRows.sectorCollection(intel, "gas"),
            other,
            bank.nameEn() + " CSIRT",
            "organization");
    // one withheld (its row says so and offers a release), one withheld and then corrected by its
    // storer (listed apart, with its own release)
    String withheld =
        StoredRows.identity(
            jdbc,
            StoredRows.sectorCollection(intel, "gas"),
            other,
            bank.nameJa() + " SOC",
            "organization");
    String corrected =
        StoredRows.identity(
            jdbc, StoredRows.sectorCollection(intel, "gas"), other, bank.nameEn(), "organization");
    assertThat(misnamedIdentities.withhold(Actor.cli(), withheld)).isTrue();
    assertThat(misnamedIdentities.withhold(Actor.cli(), corrected)).isTrue();
    jdbc.sql("update stix_object set body = replace(body, ?, ?) where stix_id = ?")
        .params(
            "\"name\":\"" + bank.nameEn() + "\"",
            "\"name\":\"" + other.nameEn() + " SOC\"",
            corrected)
        .update();
    var issued =
        http()
            .bearer(fixtures.token(fixtures.user("nisc", Role.ANALYST)))
            .postJson(
                "/api/v1/advisories",
                // AMBER to this bank alone: other browser tests of the same JVM never list it
                "{\"title\":\"Cancelled delivery check\",\"body\":\"For the check.\","
                    + "\"tlp\":\"amber\","
                    + "\"organisations\":[\""
                    + bank.code()
                    + "\"]}");
    assertThat(issued.statusCode()).as(issued.body()).isEqualTo(201);
    long advisory = Long.parseLong(issued.body().replaceFirst("(?s).*?\"id\":(\\d+).*", "$1"));
    jdbc.sql(
            "insert into outbox (advisory_id, version_no, organisation_id, channel, target,"
                + " purpose, status, last_error, cancel_reason, cancelled_at) values (?, 1, ?,"
                + " 'email', 'x@cancelled.example', 'delivery', 'cancelled', 'outside',"
                + " 'outsideAudience', now())")
        .params(advisory, bank.id())
        .update();
    // an ingest, audited with its collection's long id as the target
    fixtures.ingest(
        analyst,
        intel.collectionOfOrganisation(bank.id()).orElseThrow(),
        "{\"type\":\"indicator\",\"spec_version\":\"2.1\",\"id\":\"indicator--"
            + java.util.UUID.randomUUID()
            + "\",\"created\":\"2026-11-20T00:00:00.000Z\",\"modified\":\"2026-11-20T00:00:00.000Z\","
            + "\"name\":\"不審な通信先\",\"pattern\":\"[ipv4-addr:value = '203.0.113.78']\","
            + "\"pattern_type\":\"stix\",\"valid_from\":\"2026-11-20T00:00:00Z\"}");
    // a report filed without contact details: the page says "-" instead of an empty value
    var filed =
        http()
            .bearer(fixtures.token(analyst))
            .postJson(
                "/api/v1/reports?submit=true",
                "{\"content\":{\"title\":\"連絡先なしの報告\",\"summary\":\"確認用。\","
                    + "\"detectedAt\":\"2026-11-20T00:30:00Z\",\"incidentType\":\"unavailability\","
                    + "\"causes\":[\"ddos\"],\"serviceOutage\":\"yes\",\"severity\":\"level3\","
                    + "\"cascadePossibility\":\"unknown\",\"reportingCase\":\"case2\","
                    + "\"observables\":[]},\"route\":\"hotline\",\"tlp\":\"amber\"}");
    assertThat(filed.statusCode()).as(filed.body()).isEqualTo(201);
    long report = Long.parseLong(filed.body().replaceFirst("(?s).*?\"id\":(\\d+).*", "$1"));
    Path eml = Files.createTempFile("ux30-lure", ".eml");
    Files.writeString(eml, LURE, StandardCharsets.UTF_8);

    List<String> problems = new ArrayList<>();
    for (String lang : List.of("ja", "en")) {
      signIn(analyst, lang);
      browser.get(url("/mail"));
      browser.findElement(By.id("message")).sendKeys(eml.toString());
      browser.findElement(By.cssSelector("#mail-form button[type=submit]")).click();
      wait.until(ExpectedConditions.presenceOfElementLocated(By.id("verdict")));
      assertThat(browser.findElements(By.id("share-held"))).as("the held share form").hasSize(1);
      problems.addAll(check(lang, "/mail (analysed)"));
      browser.get(url("/reports/" + report));
      wait.until(ExpectedConditions.presenceOfElementLocated(By.id("report-contact")));
      assertThat(browser.findElement(By.id("report-contact")).getText()).isEqualTo("-");
      problems.addAll(check(lang, "/reports/{id}"));

      signIn(admin, lang);
      for (String page :
          List.of(
              "/admin/audit",
              "/admin/organisations",
              "/admin/organisations/" + bank.id(),
              "/admin/misnamed-identities",
              "/worklist/cancelled")) {
        browser.get(url(page));
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("mainnav")));
        problems.addAll(check(lang, page));
      }
      assertThat(browser.findElements(By.id("cancelled-list"))).hasSize(1);
      // the organisations page adds one; it says where the registered ones are edited
      browser.get(url("/admin/organisations"));
      browser.findElement(By.id("org-existing-link")).click();
      wait.until(ExpectedConditions.urlMatches("/directory$"));
      browser.get(url("/admin/misnamed-identities"));
      assertThat(browser.findElement(By.id("misnamed")).getText()).contains(misnamed, withheld);
      assertThat(browser.findElement(By.id("withheld-corrected")).getText()).contains(corrected);
      // each row's buttons say which identity they act on (the labels are the same on every row)
      for (var button :
          browser.findElements(By.cssSelector("#misnamed button, #withheld-corrected button"))) {
        String described = button.getDomAttribute("aria-describedby");
        assertThat(described).as(button.getText()).isNotNull();
        assertThat(browser.findElement(By.id(described)).getText()).startsWith("identity--");
      }
    }
    Files.deleteIfExists(eml);
    assertThat(problems).as(String.join("\n", problems)).isEmpty();
  }

  private List<String> check(String lang, String page) throws IOException {
    List<String> problems = new ArrayList<>();
    Files.createDirectories(SHOTS);
    Files.copy(
        browser.getScreenshotAs(OutputType.FILE).toPath(),
        SHOTS.resolve("newest-" + lang + page.replaceAll("[^a-z0-9]+", "-") + ".png"),
        StandardCopyOption.REPLACE_EXISTING);
    for (String v : Axe.seriousViolations(browser)) {
      problems.add(lang + " " + page + ": " + v);
    }
    Object said = browser.executeScript("return document.documentElement.lang;");
    if (!lang.equals(said)) {
      problems.add(lang + " " + page + ": <html lang> is " + said);
    }
    Object landmarks =
        browser.executeScript(
            "return document.querySelectorAll('h1').length + ' h1, '"
                + " + document.querySelectorAll('main').length + ' main, '"
                + " + document.querySelectorAll('body > footer').length + ' footer';");
    if (!"1 h1, 1 main, 1 footer".equals(landmarks)) {
      problems.add(lang + " " + page + ": landmarks " + landmarks);
    }
    Object sideways =
        browser.executeScript("return document.scrollingElement.scrollWidth - window.innerWidth;");
    if (((Number) sideways).intValue() > 0) {
      problems.add(lang + " " + page + ": scrolls sideways by " + sideways + " px at 1,280 px");
    }
    // a word of up to six letters in a table's header or cell, or of up to eight on a button
    // ('差し止めを解除', 'Withhold'), is never broken over lines
    Object broken =
        browser.executeScript(
            "return Array.from(document.querySelectorAll('table th, table td, button')).filter(c"
                + " => { const t = c.innerText.trim(); const most = c.tagName === 'BUTTON' ? 8 : 6;"
                + " if (t.length < 2 || t.length > most || /\\s/.test(t)) return false;"
                + " const r = document.createRange(); r.selectNodeContents(c);"
                + " return new Set(Array.from(r.getClientRects()).filter(x => x.width > 0)"
                + ".map(x => Math.round(x.top))).size > 1; }).map(c => c.innerText.trim())"
                + ".slice(0, 5).join(' | ');");
    if (!String.valueOf(broken).isEmpty()) {
      problems.add(lang + " " + page + ": broken over lines at 1,280 px: " + broken);
    }
    return problems;
  }

  private void signIn(UserAccount u, String lang) {
    BrowserSignIn.signIn(browser, port, u.login());
    if (!lang.equals(browser.executeScript("return document.documentElement.lang;"))) {
      browser.findElement(By.id("lang-" + lang)).click();
      wait.ignoring(StaleElementReferenceException.class)
          .until(ExpectedConditions.attributeToBe(By.tagName("html"), "lang", lang));
    }
  }

  private String url(String path) {
    return "http://127.0.0.1:" + port + path;
  }
}
