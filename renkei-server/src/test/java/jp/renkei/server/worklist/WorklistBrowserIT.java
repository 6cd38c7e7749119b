package jp.renkei.server.worklist;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import jp.renkei.engine.policy.SystemMode;
import jp.renkei.server.audit.Actor;
import jp.renkei.server.directory.DirectoryService;
import jp.renkei.server.directory.NewOrganisation;
import jp.renkei.server.directory.Organisation;
import jp.renkei.server.directory.Role;
import jp.renkei.server.directory.UserAccount;
import jp.renkei.server.sharing.ModeService;
import jp.renkei.server.support.BrowserSignIn;
import jp.renkei.server.support.Chromium;
import jp.renkei.server.support.Fixtures;
import jp.renkei.server.support.ServerTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The work queue and the mode page in a real headless Chromium, on one server for every role: each
 * role's home page shows its queue with the navigation's count equal to the queue's items, an open
 * page picks up new work by itself (htmx polling, no reload), and a mode switch shows the new mode
 * at once in the badge, the message and the button. Screenshots for people to review go to {@code
 * target/screenshots/}. Skipped, saying why, where Chromium is not installed.
 */
class WorklistBrowserIT extends ServerTest {

  static final Path SHOTS = Path.of("target", "screenshots");

  @Autowired DirectoryService directory;
  @Autowired JdbcClient jdbc;
  @Autowired ModeService modes;

  WebDriver browser;
  WebDriverWait wait;

  @BeforeEach
  void startBrowser() throws Exception {
    browser = Chromium.start(1280, 1400);
    wait = new WebDriverWait(browser, Duration.ofSeconds(20));
    Files.createDirectories(SHOTS);
  }

  @AfterEach
  void stopBrowser() {
    if (browser != null) {
      browser.quit();
    }
    if (modes.current() != SystemMode.NORMAL) {
      modes.switchTo(Actor.cli(), "normal", "test cleanup");
    }
  }

  void as(UserAccount u) {
    BrowserSignIn.signIn(browser, port, u.login(), By.id("worklist"));
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("nav-work-count")));
  }

  void shot(String name) throws IOException {
    File f = ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE);
    Files.copy(f.toPath(), SHOTS.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
  }

  int number(String id) {
    return Integer.parseInt(browser.findElement(By.id(id)).getText().replace("+", "").strip());
  }

  /** The navigation counts what the page's queue lists, section by section. */
  int assertNavCountsTheQueue() {
    int sum = 0;
    for (String s : Duty.SECTIONS) {
      List<org.openqa.selenium.WebElement> c = browser.findElements(By.id("wl-" + s + "-count"));
      if (!c.isEmpty()) {
        sum += Integer.parseInt(c.get(0).getText());
      }
    }
    assertThat(number("nav-work-count")).isEqualTo(sum);
    assertThat(number("nav-inbox-count"))
        .isEqualTo(number("wl-reports-count") + number("wl-confirm-count"));
    return sum;
  }

  /**
   * The header's mode badge says {@code mode}; read afresh, as the counts' poll may swap it (with
   * the same mode) while it is read.
   */
  void badge(String mode) {
    new WebDriverWait(browser, Duration.ofSeconds(20))
        .ignoring(org.openqa.selenium.StaleElementReferenceException.class)
        .until(ExpectedConditions.attributeContains(By.id("system-mode"), "class", mode));
  }

  Duty duty(Organisation org, Role role) {
    var u = fixtures.user(org, role);
    return new Duty(u, http().bearer(fixtures.token(u)), http());
  }

  Duty duty(String org, Role role) {
    return duty(directory.organisation(org), role);
  }

  /** A new bank of its own in the banks' CEPTOAR, so that its queue holds only this test's work. */
  Organisation bankOfTheBanksCeptoar(String prefix, String nameJa, String nameEn) {
    String code = Fixtures.unique(prefix);
    return directory.create(
        Actor.cli(),
        new NewOrganisation(
            code,
            nameJa + " " + code,
            nameEn + " " + code,
            "operator",
            "finance",
            null,
            null,
            List.of("c-bank")));
  }

  @Test
  void eachRoleSeesItsQueueAndAnOpenPageTakesNewWorkWithoutAReload() throws Exception {
    Organisation bankOrg = bankOfTheBanksCeptoar("wlb", "はやぶさ架空銀行", "Hayabusa Fictional Bank");
    Duty bank = duty(bankOrg, Role.ANALYST);
    Duty bankAdmin = duty(bankOrg, Role.ORG_ADMIN);
    Duty ceptoar = duty("c-bank", Role.ANALYST);
    Duty fsa = duty("fsa", Role.ANALYST);
    Duty nisc = duty("nisc", Role.ANALYST);
    Duty platform = duty("nisc", Role.PLATFORM_ADMIN);

    bank.file("ceptoar", "amber", ",\"ceptoarCode\":\"c-bank\"", "インターネットバンキングへの大量アクセス");
    bank.file(
        "ceptoar", "amber", ",\"ceptoarCode\":\"c-bank\",\"anonymise\":true", "不審メールによるマルウェア感染");
    long forwarded = bank.file("ceptoar", "green", ",\"ceptoarCode\":\"c-bank\"", "勘定系システムの応答遅延");
    ceptoar.read(forwarded);
    ceptoar.forward(forwarded);
    fsa.comment(forwarded, "金融庁より: 復旧見込みを続報でお知らせください。");
    bank.file("hotline", "amber", "", "ATM 網への不正アクセスの疑い");
    long overdue = nisc.advise("amber", "VPN 装置の脆弱性に関する注意喚起", bankOrg.code(), "op-sakura-bank");
    jdbc.sql(
            "update advisory_recipient set delivered_at = now() - interval '30 hours'"
                + " where advisory_id = ?")
        .param(overdue)
        .update();
    nisc.advise("green", "フィッシングサイトの観測について", bankOrg.code());
    jdbc.sql(
            "insert into outbox (advisory_id, version_no, organisation_id, channel, target,"
                + " purpose, status, attempts, last_error) values (?, 1, ?, 'webhook',"
                + " 'https://soc.hayabusa.example/hook', 'delivery', 'failed', 8, 'HTTP 503')")
        .params(overdue, bankOrg.id())
        .update();

    record Seen(String name, Duty duty, String expect) {}
    for (Seen r :
        List.of(
            new Seen("operator-analyst", bank, "復旧見込みを続報で"),
            new Seen("ceptoar-secretariat", ceptoar, "匿名化して転送"),
            new Seen("ministry", fsa, "勘定系システムの応答遅延"),
            new Seen("nisc", nisc, "VPN 装置の脆弱性に関する注意喚起"),
            new Seen("org-admin", bankAdmin, "HTTP 503"),
            new Seen("platform-admin", platform, "HTTP 503"))) {
      as(r.duty().person);
      assertThat(browser.findElement(By.id("worklist")).getText())
          .as(r.name())
          .contains(r.expect());
      assertNavCountsTheQueue();
      shot("worklist-" + r.name());
    }
    as(bank.person);
    assertThat(browser.findElement(By.id("wl-confirm")).getText()).contains("期限超過");

    // the open page picks up new work by itself (htmx every 30 s), no reload
    int before = number("nav-work-count");
    nisc.advise("amber", "深夜の緊急注意喚起", bankOrg.code());
    // the poll swaps the elements while they are read: read them afresh until they say it
    new WebDriverWait(browser, Duration.ofSeconds(45))
        .ignoring(org.openqa.selenium.StaleElementReferenceException.class)
        .until(d -> d.findElement(By.id("worklist")).getText().contains("深夜の緊急注意喚起"));
    new WebDriverWait(browser, Duration.ofSeconds(45))
        .ignoring(org.openqa.selenium.StaleElementReferenceException.class)
        .until(d -> number("nav-work-count") == before + 1);
    assertNavCountsTheQueue();
    shot("worklist-operator-analyst-updated");
  }

  /**
   * On a phone (390 px) the queue was a table scrolling inside itself: a subject squeezed to four
   * characters a line and the TLP, sender and times past the right edge (ux35). Each item is a card
   * now: nothing hidden sideways, and the subject has the card's width.
   */
  @Test
  void onAPhoneEachItemReadsWholeWithoutScrollingSideways() throws Exception {
    Organisation org = bankOfTheBanksCeptoar("wlp", "つばめ架空銀行", "Tsubame Fictional Bank");
    String code = org.code();
    Duty bank = duty(org, Role.ANALYST);
    Duty nisc = duty("nisc", Role.ANALYST);
    String title = "インターネットバンキングを狙うリスト型攻撃に関する注意喚起 " + code;
    nisc.advise("amber", title, org.code());

    Chromium.viewport(browser, 390, 844);
    as(bank.person);
    org.openqa.selenium.JavascriptExecutor js = (org.openqa.selenium.JavascriptExecutor) browser;
    org.openqa.selenium.WebElement row =
        browser.findElement(
            By.xpath("//section[@id='worklist']//tr[.//a[text()='" + title + "']]"));
    org.openqa.selenium.WebElement subject = row.findElement(By.linkText(title));
    org.openqa.selenium.WebElement table = row.findElement(By.xpath("ancestor::table"));
    assertThat(
            ((Number)
                    js.executeScript(
                        "return document.scrollingElement.scrollWidth - window.innerWidth;"))
                .intValue())
        .as("the page does not scroll sideways")
        .isLessThanOrEqualTo(0);
    assertThat(
            ((Number)
                    js.executeScript(
                        "return arguments[0].scrollWidth - arguments[0].clientWidth;", table))
                .intValue())
        .as("nothing of the queue is hidden past its right edge")
        .isLessThanOrEqualTo(0);
    assertThat(subject.getRect().getWidth())
        .as("the subject runs across the card, not four characters a line")
        .isGreaterThan(250);
    assertThat(row.getText()).as("the TLP is on the card").contains("TLP:AMBER");
    shot("worklist-390");
  }

  @Test
  void theModePageShowsTheNewModeAtOnceAndItsButtonSwitchesBack() throws Exception {
    UserAccount nisc = fixtures.user("nisc", Role.ANALYST);
    as(nisc);
    browser.get("http://127.0.0.1:" + port + "/mode");
    badge("mode-normal");

    browser.findElement(By.id("reason")).sendKeys("電力広域停止の机上演習");
    browser.findElement(By.id("mode-switch")).click();
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("mode-switched")));
    badge("mode-large_scale");
    assertThat(browser.findElement(By.id("mode-switched")).getText())
        .contains("大規模重要インフラサービス障害対応時");
    assertThat(browser.findElement(By.id("current-mode")).getText())
        .isEqualTo("大規模重要インフラサービス障害対応時");
    assertThat(browser.findElement(By.id("mode-switch")).getText()).isEqualTo("通常時に戻す");
    shot("mode-after-switch");
    browser.get("http://127.0.0.1:" + port + "/");
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("wl-mode-value")));
    badge("mode-large_scale");
    assertThat(browser.findElement(By.id("wl-mode-value")).getText())
        .isEqualTo("大規模重要インフラサービス障害対応時");

    browser.get("http://127.0.0.1:" + port + "/mode");
    browser.findElement(By.id("reason")).sendKeys("演習終了");
    browser.findElement(By.id("mode-switch")).click();
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("mode-switched")));
    badge("mode-normal");
    assertThat(browser.findElement(By.id("current-mode")).getText()).isEqualTo("通常時");
    assertThat(modes.current()).isEqualTo(SystemMode.NORMAL);
    shot("mode-after-switch-back");

    // a refresh after the switch does not post it again
    browser.navigate().refresh();
    assertThat(browser.findElements(By.id("mode-switched"))).isEmpty();
    assertThat(modes.history(2).get(0).reason()).isEqualTo("演習終了");
  }
}
