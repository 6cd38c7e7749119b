package jp.renkei.engine.mail;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

class MailEvasionTest {

  static final String HEAD =
      "From: \"Microsoft 365 Admin\" <admin@m365-notice-center.com>\r\n"
          + "To: staff@example-corp.co.jp\r\n"
          + "Subject: Your mailbox password expires today\r\n"
          + "Date: Tue, 01 Dec 2026 09:00:00 +0900\r\n"
          + "Message-ID: <x1@m365-notice-center.com>\r\n"
          + "MIME-Version: 1.0\r\n";

  static final String WORDS =
      "Your Microsoft 365 password expires within 24 hours. Verify your account now to keep"
          + " your mailbox, or it will be suspended.";

  static final String LURE_HTML =
      "<html><body><p>"
          + WORDS
          + "</p><p><a href=\"https://m365-login.verify-portal.top/auth\">"
          + "Keep my password</a></p></body></html>";

  static MailReport analyze(String eml) {
    return new MailAnalyzer()
        .analyze(new ByteArrayInputStream(eml.getBytes(StandardCharsets.ISO_8859_1)));
  }

  static String html(String body) {
    return HEAD
        + "Content-Type: text/html; charset=utf-8\r\nContent-Transfer-Encoding: 8bit\r\n\r\n"
        + new String(body.getBytes(StandardCharsets.UTF_8), StandardCharsets.ISO_8859_1)
        + "\r\n";
  }

  static Map<String, String> variants() {
    Map<String, String> v = new LinkedHashMap<>();
    v.put("baseline", html(LURE_HTML));
    v.put(
        "html lure, harmless text alternative",
        HEAD
            + "Content-Type: multipart/alternative; boundary=\"alt\"\r\n\r\n--alt\r\n"
            + "Content-Type: text/plain\r\n\r\nHello, see you at the meeting tomorrow.\r\n"
            + "--alt\r\nContent-Type: text/html\r\n\r\n"
            + LURE_HTML
            + "\r\n--alt--\r\n");
    v.put(
        "text lure, harmless html alternative",
        HEAD
            + "Content-Type: multipart/alternative; boundary=\"alt\"\r\n\r\n--alt\r\n"
            + "Content-Type: text/plain\r\n\r\n"
            + WORDS
            + "\r\nhttps://m365-login.verify-portal.top/auth\r\n"
            + "--alt\r\nContent-Type: text/html\r\n\r\n<p>Hello, see you tomorrow.</p>\r\n--alt--\r\n");
    String inner = html(LURE_HTML);
    v.put(
        "forwarded message/rfc822",
        "From: colleague@example-corp.co.jp\r\nTo: staff@example-corp.co.jp\r\nSubject: Fwd: fyi\r\n"
            + "MIME-Version: 1.0\r\nContent-Type: multipart/mixed; boundary=\"m\"\r\n\r\n--m\r\n"
            + "Content-Type: text/plain\r\n\r\nfyi\r\n--m\r\nContent-Type: message/rfc822\r\n"
            + "Content-Disposition: attachment; filename=\"fwd.eml\"\r\n\r\n"
            + inner
            + "\r\n--m--\r\n");
    StringBuilder nest = new StringBuilder(HEAD);
    for (int i = 0; i < 20; i++) {
      nest.append("Content-Type: multipart/mixed; boundary=\"n")
          .append(i)
          .append("\"\r\n\r\n--n")
          .append(i)
          .append("\r\n");
    }
    nest.append("Content-Type: text/html\r\n\r\n").append(LURE_HTML).append("\r\n");
    for (int i = 19; i >= 0; i--) {
      nest.append("--n").append(i).append("--\r\n");
    }
    v.put("nested 20 deep", nest.toString());
    v.put(
        "utf-7",
        HEAD
            + "Content-Type: text/html; charset=utf-7\r\n\r\n"
            + LURE_HTML.replace("<", "+ADw-").replace(">", "+AD4-").replace("\"", "+ACI-")
            + "\r\n");
    String b64 = Base64.getMimeEncoder().encodeToString(LURE_HTML.getBytes(StandardCharsets.UTF_8));
    StringBuilder spaced = new StringBuilder();
    for (int i = 0; i < b64.length(); i++) {
      spaced.append(b64.charAt(i));
      if (i % 7 == 6) {
        spaced.append(i % 2 == 0 ? " " : "\t");
      }
    }
    v.put(
        "base64 with whitespace",
        HEAD
            + "Content-Type: text/html; charset=utf-8\r\nContent-Transfer-Encoding: base64\r\n\r\n"
            + spaced
            + "\r\n");
    v.put(
        "zero-width in words",
        html(
            LURE_HTML
                .replace("password", "pass\u200Bword")
                .replace("Verify", "Ver\u00ADify")
                .replace("Microsoft", "Micro\u200Dsoft")
                .replace("expires", "ex\u2060pires")
                .replace("suspended", "sus\uFEFFpended")));
    v.put(
        "homoglyphs in words",
        html(
            LURE_HTML
                .replace("password", "pаssword")
                .replace("Verify", "Vеrify")
                .replace("Microsoft", "Micrоsoft")
                .replace("suspended", "suspеnded")
                .replace("expires", "еxpires")));
    v.put(
        "entities in words",
        html(
            LURE_HTML
                .replace("password", "pass&#119;ord")
                .replace("Verify", "Ver&#x69;fy")
                .replace("Microsoft", "Micro&shy;soft")
                .replace("suspended", "suspen&#100;ed")
                .replace("expires", "exp&#105;res")));
    v.put(
        "comments in words",
        html(
            LURE_HTML
                .replace("password", "pass<!-- x -->word")
                .replace("Verify", "Ver<!---->ify")
                .replace("Microsoft", "Micro<!-- -->soft")
                .replace("suspended", "sus<span></span>pended")
                .replace("expires", "ex<b></b>pires")));
    v.put(
        "base href",
        html(
            LURE_HTML
                .replace(
                    "<html>",
                    "<html><head><base href=\"https://m365-login.verify-portal.top/\"></head>")
                .replace("https://m365-login.verify-portal.top/auth", "auth")));
    v.put(
        "area only",
        html(
            LURE_HTML.replace(
                "<a href=\"https://m365-login.verify-portal.top/auth\">" + "Keep my password</a>",
                "<img src=\"cid:b\" usemap=\"#m\"><map name=\"m\"><area shape=\"rect\""
                    + " coords=\"0,0,200,40\" href=\"https://m365-login.verify-portal.top/auth\"></map>")));
    v.put(
        "svg xlink",
        html(
            LURE_HTML.replace(
                "<a href=\"https://m365-login.verify-portal.top/auth\">" + "Keep my password</a>",
                "<svg><a xlink:href=\"https://m365-login.verify-portal.top/auth\">"
                    + "<text>Keep my password</text></a></svg>")));
    v.put(
        "meta refresh",
        html(
            LURE_HTML
                .replace(
                    "<a href=\"https://m365-login.verify-portal.top/auth\">"
                        + "Keep my password</a>",
                    "")
                .replace(
                    "<html>",
                    "<html><head><meta http-equiv=\"refresh\""
                        + " content=\"0; url=https://m365-login.verify-portal.top/auth\"></head>")));
    v.put(
        "text a brand url, href cased",
        html(
            LURE_HTML.replace(
                "<a href=\"https://m365-login.verify-portal.top/auth\">Keep my password</a>",
                "<a href=\"HTTPS://LOGIN.MICROSOFTONLINE.COM.VERIFY-PORTAL.TOP/auth\">"
                    + "https://login.microsoftonline.com/</a>")));
    v.put(
        "text a brand url, href percent",
        html(
            LURE_HTML.replace(
                "<a href=\"https://m365-login.verify-portal.top/auth\">Keep my password</a>",
                "<a href=\"https://%6c%6f%67%69%6e.verify-portal.top/auth\">"
                    + "https://login.microsoftonline.com/</a>")));
    v.put(
        "text a brand url, href backslash",
        html(
            LURE_HTML.replace(
                "<a href=\"https://m365-login.verify-portal.top/auth\">Keep my password</a>",
                "<a href=\"https:\\\\verify-portal.top\\auth\">"
                    + "https://login.microsoftonline.com/</a>")));
    v.put(
        "text a brand url, href userinfo",
        html(
            LURE_HTML.replace(
                "<a href=\"https://m365-login.verify-portal.top/auth\">Keep my password</a>",
                "<a href=\"https://login.microsoftonline.com@verify-portal.top/auth\">"
                    + "https://login.microsoftonline.com/</a>")));
    v.put(
        "entity-encoded href",
        html(
            LURE_HTML.replace(
                "https://m365-login.verify-portal.top/auth",
                "&#104;ttps&#58;//m365-login.verify-portal&#46;top/auth")));
    v.put(
        "href with tab and newline",
        html(
            LURE_HTML.replace(
                "https://m365-login.verify-portal.top/auth",
                "ht\ttps://m365-login.verify-\nportal.top/auth")));
    return v;
  }

  /**
   * Each variant keeps what the plain lure is judged by: the link to the lure's domain is read and
   * judged (LOGIN_LINK_ELSEWHERE, or for a link dressed as the brand's URL a mismatch or a
   * disguised host), and the lure is not clean.
   */
  @TestFactory
  Stream<DynamicTest> evasions() {
    return variants().entrySet().stream()
        .map(
            e ->
                DynamicTest.dynamicTest(
                    e.getKey(),
                    () -> {
                      MailReport r = analyze(e.getValue());
                      List<RedFlag> flags =
                          r.findings().stream().map(MailReport.Finding::flag).toList();
                      String name = e.getKey();
                      assertThat(r.verdict()).as(name).isEqualTo(MailReport.Verdict.MALICIOUS);
                      if (name.startsWith("nested")) {
                        // past the depth the walk reads: the nesting is the sign
                        assertThat(flags).as(name).contains(RedFlag.BEYOND_LIMITS);
                        return;
                      }
                      // a host in percent-codes is DISGUISED_LINK_HOST's (its evidence decodes it)
                      if (!name.endsWith("percent")) {
                        assertThat(r.links())
                            .as(name)
                            .extracting(l -> MailState.linkDomain(l.url()))
                            .contains("verify-portal.top");
                      }
                      if (name.startsWith("text a brand url")) {
                        assertThat(flags)
                            .as(name)
                            .containsAnyOf(RedFlag.LINK_TEXT_MISMATCH, RedFlag.DISGUISED_LINK_HOST);
                      } else {
                        assertThat(flags).as(name).contains(RedFlag.LOGIN_LINK_ELSEWHERE);
                      }
                    }));
  }
}
