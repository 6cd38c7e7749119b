package jp.renkei.server.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import jp.renkei.server.advisory.AdvisoryService;
import jp.renkei.server.advisory.NewAdvisory;
import jp.renkei.server.audit.Actor;
import jp.renkei.server.directory.DirectoryService;
import jp.renkei.server.directory.NewOrganisation;
import jp.renkei.server.directory.Organisation;
import jp.renkei.server.directory.Role;
import jp.renkei.server.directory.UserAccount;
import jp.renkei.server.mail.C4tapService;
import jp.renkei.server.report.NewReport;
import jp.renkei.server.report.ReportFilingService;
import jp.renkei.server.support.BrowserSignIn;
import jp.renkei.server.support.Chromium;
import jp.renkei.server.support.Fixtures;
import jp.renkei.server.support.ServerTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Stored markup, in a real headless Chromium, as another organisation reads it: an organisation
 * whose names carry tags (typed in full-width forms, which NFKC makes ASCII), a person named with a
 * tag, a TLP:GREEN report whose title and summary carry an {@code <img>} with {@code onerror}, an
 * htmx element that would fire on load and a markdown link to {@code javascript:}, a comment, a
 * GREEN advisory and a GREEN C4TAP share whose subject and attachment name do the same. An analyst
 * of another sector opens every page that shows them (lists, the report, the advisory, the share,
 * search, the home page, the directory, each also as htmx swaps it) and none of the planted
 * elements exists in the page (so neither the browser nor htmx acts on them), no planted script
 * ran, and the text is shown as text. Skipped, saying why, where Chromium is not installed.
 */
class StoredMarkupBrowserIT extends ServerTest {

  @Autowired DirectoryService directory;
  @Autowired ReportFilingService filing;
  @Autowired AdvisoryService advisories;
  @Autowired C4tapService c4tap;

  WebDriver browser;

  @BeforeEach
  void startBrowser() {
    browser = Chromium.start(1280, 1000);
  }

  @AfterEach
  void stopBrowser() {
    if (browser != null) {
      browser.quit();
    }
  }

  /**
   * Markup planted under a marker (each element's id starts with it), short enough for a title: an
   * image whose error would rename the page, an htmx element that would fire on load, a markdown
   * link to {@code javascript:}.
   */
  static String markup(String marker, String where) {
    return "<img id=\""
        + marker
        + where
        + "\" src=\"x\" onerror=\"document.title=this.id\"><b id=\""
        + marker
        + where
        + "h\" hx-get=\"/reports\" hx-trigger=\"load\">x</b>[l](javascript:alert(1))";
  }

  @Test
  void markupStoredByOneOrganisationIsTextOnEveryPageAnotherReads() throws Exception {
    String marker = "pwn" + UUID.randomUUID().toString().substring(0, 6);
    String code = Fixtures.unique("op");
    Organisation hostile =
        directory.create(
            Actor.cli(),
            new NewOrganisation(
                code,
                "悪意＜b id＝\"" + marker + "-orgja\"＞事業者 " + code,
                "Hostile <b id=\"" + marker + "-orgen\">operator</b> " + code,
                "operator",
                "gas",
                null,
                null,
                List.of()));
    UserAccount author =
        fixtures.user(hostile.code(), Role.ANALYST, "<i id=\"" + marker + "-person\">氏名</i>");
    Actor actor = fixtures.actor(author);
    long report =
        filing.create(
            actor,
            new NewReport(
                RouteSweepLeakIT.content(marker + " " + markup(marker, "report")),
                "hotline",
                null,
                false,
                "green",
                List.of(),
                List.of(),
                false,
                List.of(),
                null),
            true);
    UserAccount niscUser = fixtures.user("nisc", Role.ANALYST);
    var comment =
        http()
            .bearer(fixtures.token(niscUser))
            .postJson(
                "/api/v1/reports/" + report + "/comments",
                "{\"body\":\"" + json(markup(marker, "comment")) + "\"}");
    assertThat(comment.statusCode()).as(comment.body()).isBetween(200, 201);
    long advisory =
        advisories.issue(
            fixtures.actor(niscUser),
            new NewAdvisory(
                marker + " " + markup(marker, "advtitle"),
                markup(marker, "advbody"),
                markup(marker, "advactions"),
                List.of(),
                List.of(),
                "green",
                true,
                List.of(),
                List.of(),
                List.of(),
                null,
                null,
                null));
    String eml =
        "From: attacker@lure.example\r\nTo: staff@hostile.example\r\nSubject: "
            + marker
            + " <img id=\""
            + marker
            + "-subject\" src=x>\r\nMessage-ID: <"
            + UUID.randomUUID()
            + "@lure.example>\r\nDate: Tue, 1 Dec 2026 09:00:00 +0900\r\nMIME-Version: 1.0\r\n"
            + "Content-Type: multipart/mixed; boundary=b\r\n\r\n--b\r\n"
            + "Content-Type: text/plain; charset=UTF-8\r\n\r\nhttp://login.lure.example/\r\n--b\r\n"
            + "Content-Type: application/octet-stream\r\nContent-Disposition: attachment;"
            + " filename=\"<img id='"
            + marker
            + "-file' src=x>.pdf.exe\"\r\n\r\nMZ\r\n--b--\r\n";
    var share =
        c4tap.draft(actor, new ByteArrayInputStream(eml.getBytes(StandardCharsets.UTF_8)), "green");
    c4tap.send(actor, share.id());

    UserAccount reader = fixtures.user(fixtures.operator("water"), Role.ANALYST);
    BrowserSignIn.signIn(browser, port, reader.login());
    List<String> pages =
        List.of(
            "/",
            "/reports",
            "/reports?q=" + marker,
            "/reports/" + report,
            "/advisories",
            "/inbox/advisories",
            "/advisories/" + advisory,
            "/c4tap",
            "/c4tap/" + share.id(),
            "/search?q=" + marker,
            "/directory",
            "/directory/" + hostile.id(),
            "/worklist");
    List<String> problems = new ArrayList<>();
    JavascriptExecutor js = (JavascriptExecutor) browser;
    String shown = "";
    List<String> showing = new ArrayList<>();
    for (String p : pages) {
      browser.get("http://127.0.0.1:" + port + p);
      new WebDriverWait(browser, Duration.ofSeconds(30))
          .until(d -> "complete".equals(js.executeScript("return document.readyState")));
      // give htmx its load triggers and the images their errors
      Thread.sleep(300);
      Object planted =
          js.executeScript(
              "return Array.from(document.querySelectorAll('[id^=\"' + arguments[0] + '\"]'))"
                  + ".map(e => e.id).join(',')",
              marker);
      if (!"".equals(planted)) {
        problems.add(p + ": planted elements in the page: " + planted);
      }
      // the page's title shows the object's title as text; a planted script makes it an id
      if (browser.getTitle().matches(marker + "[a-z-]+")) {
        problems.add(p + ": a planted script ran (title " + browser.getTitle() + ")");
      }
      String text = browser.findElement(By.tagName("body")).getText();
      if (text.contains(marker)) {
        showing.add(p);
      }
      shown += text;
    }
    // the reader did read them: the pages of the report, the advisory and the share show them
    assertThat(showing)
        .contains("/reports/" + report, "/advisories/" + advisory, "/search?q=" + marker);
    assertThat(problems).isEmpty();
    // and what was typed is there to read, as text
    assertThat(shown).contains("<img id=\"" + marker + "report\"", "事業者 " + code);
  }

  private static String json(String s) {
    return s.replace("\\", "\\\\").replace("\"", "\\\"");
  }
}
