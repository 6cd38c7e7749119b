package jp.renkei.server.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import jp.renkei.server.directory.Role;
import jp.renkei.server.directory.UserAccount;
import jp.renkei.server.support.BrowserSignIn;
import jp.renkei.server.support.Chromium;
import jp.renkei.server.support.ServerTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The whole sharing path in a real browser: an operator reports through its CEPTOAR asking for
 * anonymisation, the secretariat checks the redaction and relays, the ministry forwards, NISC
 * receives it and issues an advisory to the sector, and the operator confirms receipt.
 */
class SharingPathBrowserIT extends ServerTest {

  WebDriver browser;
  WebDriverWait wait;

  @BeforeEach
  void startBrowser() throws Exception {
    browser = Chromium.start(1280, 1600);
    wait = new WebDriverWait(browser, Duration.ofSeconds(20));
  }

  @AfterEach
  void stopBrowser() {
    if (browser != null) {
      browser.quit();
    }
  }

  void as(UserAccount u) {
    BrowserSignIn.signIn(browser, port, u.login());
  }

  void open(String path) {
    browser.get("http://127.0.0.1:" + port + path);
  }

  void click(String id) {
    WebElement e = wait.until(ExpectedConditions.elementToBeClickable(By.id(id)));
    ((org.openqa.selenium.JavascriptExecutor) browser)
        .executeScript("arguments[0].scrollIntoView(true);", e);
    e.click();
  }

  void type(String id, String text) {
    WebElement e = browser.findElement(By.id(id));
    e.clear();
    e.sendKeys(text);
  }

  @Test
  void operatorToCeptoarToMinistryToNiscAndAnAdvisoryBack() {
    UserAccount operator = fixtures.user("op-tsubaki-life", Role.ANALYST);
    UserAccount secretariat = fixtures.user("c-life", Role.ANALYST);
    UserAccount ministry = fixtures.user("fsa", Role.ANALYST);
    UserAccount nisc = fixtures.user("nisc", Role.ANALYST);

    // 1. the operator's duty officer files a first report, asking for anonymisation
    as(operator);
    open("/reports/new");
    type("title", "つばき架空生命保険 契約者ポータルへの不正ログイン");
    type("summary", "契約者ポータル (tsubaki-life.example) に海外からの不正ログイン試行を多数検知。");
    new Select(browser.findElement(By.id("incidentType"))).selectByValue("intrusion");
    click("cause-impersonation");
    new Select(browser.findElement(By.id("severity"))).selectByValue("level3");
    type("observables", "198.51.100.77\nhxxps://tsubaki-life-login[.]example/");
    click("anonymise");
    click("send-report");
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("report-title")));
    String originalPath = browser.getCurrentUrl().replaceFirst("^https?://[^/]+", "");
    assertThat(browser.findElement(By.id("route")).getText()).contains("生命保険CEPTOAR");

    // 2. the CEPTOAR secretariat checks the redaction and relays it
    as(secretariat);
    open("/inbox");
    assertThat(browser.findElement(By.id("inbox")).getText()).contains("契約者ポータル");
    open(originalPath);
    click("relay");
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("redaction")));
    assertThat(browser.findElement(By.id("redaction")).getText())
        .contains("〔組織名〕", "〔ドメイン〕", "要確認", "tsubaki-life-login.example");
    // the lookalike domain names the victim: the secretariat hides it and checks again
    type("extraTerms", "tsubaki");
    click("recheck");
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("redaction")));
    assertThat(browser.findElement(By.id("redaction")).getText()).doesNotContain("要確認");
    click("relay-send");
    wait.until(ExpectedConditions.urlToBe("http://127.0.0.1:" + port + originalPath));

    // 3. the ministry receives the anonymised copy and forwards it to NISC
    as(ministry);
    open("/inbox");
    WebElement inbox = browser.findElement(By.id("inbox"));
    assertThat(inbox.getText()).contains("〔組織名〕 契約者ポータル", "金融分野の重要インフラ事業者").doesNotContain("つばき");
    inbox.findElement(By.partialLinkText("契約者ポータル")).click();
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("report-title")));
    String copyPath = browser.getCurrentUrl().replaceFirst("^https?://[^/]+", "");
    assertThat(browser.findElement(By.tagName("main")).getText()).doesNotContain("つばき", "tsubaki");
    click("forward");
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("route")));

    // 4. NISC receives it (and cannot open the original), then issues an advisory to the sector
    as(nisc);
    open(originalPath);
    assertThat(browser.findElement(By.id("error-message")).isDisplayed()).isTrue();
    open(copyPath);
    // #to-nisc is on the page before it is read (the copy was delivered): wait for the page
    // after the POST, or the next open() races with it and may land on the report again
    WebElement read = wait.until(ExpectedConditions.elementToBeClickable(By.id("mark-read")));
    click("mark-read");
    wait.until(Chromium.gone(read));
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("to-nisc")));
    open("/advisories/new");
    type("title", "生命保険分野の契約者ポータルを狙う不正ログイン");
    type("body", "海外からのパスワードリスト攻撃が確認されています。");
    type("actions", "多要素認証の強制と、該当 IP からのアクセス遮断を検討してください。");
    type("observables", "198.51.100.77");
    type("sourceReports", copyPath.substring(copyPath.lastIndexOf('/') + 1));
    browser.findElements(By.name("sectors")).stream()
        .filter(e -> "finance".equals(e.getAttribute("value")))
        .findFirst()
        .orElseThrow()
        .click();
    click("issue-advisory");
    // the confirmation step names the exact recipients before 発信
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("recipient-list")));
    assertThat(browser.findElement(By.id("recipient-list")).getText()).contains("つばき架空生命保険株式会社");
    click("confirm-issue");
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("reach")));
    String advisoryPath = browser.getCurrentUrl().replaceFirst("^https?://[^/]+", "");
    assertThat(browser.findElement(By.id("not-confirmed")).getText()).contains("つばき架空生命保険株式会社");

    // 5. the operator confirms receipt; NISC sees it confirmed
    as(operator);
    open("/inbox");
    assertThat(browser.findElement(By.id("advisory-inbox")).getText()).contains("生命保険分野の契約者ポータル");
    open(advisoryPath);
    click("acknowledge");
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("confirmed")));
    as(nisc);
    open(advisoryPath);
    assertThat(browser.findElement(By.id("not-confirmed")).getText())
        .doesNotContain("つばき架空生命保険株式会社");
  }
}
