package jp.renkei.server.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import jp.renkei.server.directory.Role;
import jp.renkei.server.directory.UserAccount;
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
import org.openqa.selenium.WebElement;

/**
 * Buttons as a CEPTOAR secretariat and NISC see them at 1,366 px (ux36's walk): on a received
 * report the "advisory from this report" link was a box as tall as the forward form beside it with
 * its words at the top, and the comment button ran across the whole page; on the advisory form the
 * button that clears the chosen organisations was as tall as the search box and its label together.
 * Each keeps its own size now. Screenshot: {@code target/screenshots/report-actions.png}.
 */
class ButtonSizesBrowserIT extends ServerTest {

  WebDriver browser;

  @BeforeEach
  void startBrowser() {
    browser = Chromium.start(1366, 1000);
  }

  @AfterEach
  void stopBrowser() {
    if (browser != null) {
      browser.quit();
    }
  }

  @Test
  void aReceivedReportsButtonsKeepTheirOwnSize() throws Exception {
    UserAccount analyst = fixtures.user("op-sakura-bank", Role.ANALYST);
    String title = Fixtures.unique("不審なログイン試行の増加");
    String body =
        "{\"content\":{\"title\":\""
            + title
            + "\",\"summary\":\"s\",\"detectedAt\":\"2026-11-20T00:30:00Z\","
            + "\"incidentType\":\"unavailability\",\"causes\":[\"ddos\"],\"serviceOutage\":\"no\","
            + "\"severity\":\"level2\",\"cascadePossibility\":\"no\",\"reportingCase\":\"case3\","
            + "\"observables\":[]},\"route\":\"ceptoar\",\"tlp\":\"amber\",\"scopeSectors\":[\"finance\"]}";
    var created =
        http().bearer(fixtures.token(analyst)).postJson("/api/v1/reports?submit=true", body);
    assertThat(created.statusCode()).isEqualTo(201);
    String id =
        tools.jackson.databind.json.JsonMapper.builder()
            .build()
            .readTree(created.body())
            .get("id")
            .asString();

    // the bank's CEPTOAR secretariat: it forwards, and may advise its own sector
    BrowserSignIn.signIn(browser, port, fixtures.user("c-bank", Role.ANALYST).login());
    browser.get("http://127.0.0.1:" + port + "/reports/" + id);
    WebElement advisory = browser.findElement(By.id("advisory-from-report"));
    WebElement forward = browser.findElement(By.id("forward"));
    assertThat(advisory.getRect().getHeight())
        .as("the advisory link is a button's height, not the forward form's")
        .isLessThanOrEqualTo(forward.getRect().getHeight() + 4);
    assertThat(advisory.getRect().getY() + advisory.getRect().getHeight())
        .as("the row's buttons line up on their bottom edge")
        .isBetween(
            forward.getRect().getY() + forward.getRect().getHeight() - 2,
            forward.getRect().getY() + forward.getRect().getHeight() + 2);
    WebElement comment = browser.findElement(By.id("add-comment"));
    WebElement text = browser.findElement(By.id("body"));
    assertThat(comment.getRect().getWidth())
        .as("the comment button has its words' width, not the page's")
        .isLessThan(text.getRect().getWidth() / 2);
    Path shots = Path.of("target", "screenshots");
    Files.createDirectories(shots);
    Files.write(
        shots.resolve("report-actions.png"),
        ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
  }

  @Test
  void theAdvisoryPickersClearButtonIsAButtonsHeight() {
    BrowserSignIn.signIn(browser, port, fixtures.user("nisc", Role.ANALYST).login());
    browser.get("http://127.0.0.1:" + port + "/advisories/new");
    WebElement clear = browser.findElement(By.id("picker-clear"));
    WebElement search = browser.findElement(By.id("picker-search"));
    assertThat(clear.getRect().getHeight())
        .as("the clear button is not stretched to the search label's height")
        .isLessThanOrEqualTo(search.getRect().getHeight() + 8);
  }
}
