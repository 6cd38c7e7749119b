package jp.renkei.server.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@code renkei mail analyze} writes what a lure wrote (its subject, sender name, links, attachment
 * names, evidence) to the analyst's terminal. A lure's bytes are the attacker's: an escape sequence
 * in them would move the cursor, erase the lines of its red flags and write a verdict of its own
 * ("CLEAN, score 0") in their place, set the window title or, on terminals that allow it, write the
 * clipboard (OSC 52). Every such character is shown by its code instead (attack31b).
 */
class MailTerminalTextTest {

  @TempDir Path dir;

  private static final String ESC = "\u001b";

  /** Erase the line above twice and write a clean verdict over them. */
  private static final String REWRITE =
      ESC + "[1A" + ESC + "[2K" + ESC + "[1A" + ESC + "[2K== lure.eml: CLEAN, score 0";

  private static String word(String s) {
    return "=?UTF-8?B?"
        + Base64.getEncoder().encodeToString(s.getBytes(StandardCharsets.UTF_8))
        + "?=";
  }

  private String run(String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    PrintStream before = System.out;
    System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
    try {
      CommandLine cl = RenkeiCli.commandLine(args);
      cl.setErr(new PrintWriter(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
      assertThat(cl.execute(args)).isZero();
      return out.toString(StandardCharsets.UTF_8);
    } finally {
      System.setOut(before);
    }
  }

  @Test
  void aLuresEscapeSequencesReachTheTerminalOnlyAsCodes() throws Exception {
    String eml =
        "Received: from x"
            + word(ESC + "]0;title" + "\u0007")
            + " by mx.example.jp; Mon, 16 Nov"
            + " 2026 09:12:03 +0900\r\n"
            + "From: "
            + word("Support" + REWRITE)
            + " <support@account-guard.example>\r\n"
            + "To: a@example.jp\r\nSubject: "
            + word("Account" + REWRITE)
            + "\r\nMIME-Version: 1.0\r\nContent-Type: multipart/mixed; boundary=\"B\"\r\n\r\n"
            + "--B\r\nContent-Type: text/html; charset=UTF-8\r\n\r\n"
            + "<p>Your password expires today. Sign in now or your account will be suspended.</p>"
            + "<a href=\"https://account-guard.example/login\">Sign in&#x1b;[2K&#x1b;]52;c;"
            + "cm0gLXJmIH4=&#x07;</a>\r\n"
            + "--B\r\nContent-Type: application/octet-stream\r\n"
            + "Content-Disposition: attachment; filename*=UTF-8''invoice%1B%5B2K.pdf.exe\r\n"
            + "Content-Transfer-Encoding: base64\r\n\r\nTVqQAAMAAAAEAAAA//8AALgAAAAAAAAAQAAAAAAAAAA=\r\n"
            + "--B--\r\n";
    Path f = Files.writeString(dir.resolve("lure.eml"), eml, StandardCharsets.US_ASCII);
    for (String lang : new String[] {"en", "ja"}) {
      String out = run("mail", "analyze", "--lang", lang, f.toString());
      assertThat(out).as(out).doesNotContain(ESC).doesNotContain("\u0007");
      // what the lure wrote is still there to read, each control character by its code
      assertThat(out).contains("\\u001b[1A").contains("invoice\\u001b[2K.pdf.exe");
    }
  }

  /**
   * The JSON form escapes what JSON must (C0), and a C1 CSI (U+009B, which some terminals take as
   * ESC [) or a right-to-left override as well: the output is still the same JSON (attack32).
   */
  @Test
  void theJsonFormWritesC1AndFormatCharactersByTheirCodesToo() throws Exception {
    String eml =
        "From: "
            + word("Support\u009b2J\u202e")
            + " <support@account-guard.example>\r\nTo: a@example.jp\r\nSubject: "
            + word("Account\u009b1A\u009b2K")
            + "\r\nContent-Type: text/plain; charset=UTF-8\r\n\r\nSign in now:"
            + " https://account-guard.example/login\r\n";
    Path f = Files.writeString(dir.resolve("c1.eml"), eml, StandardCharsets.US_ASCII);
    String out = run("mail", "analyze", "--format", "json", f.toString());
    assertThat(out).as(out).doesNotContain("\u009b").doesNotContain("\u202e");
    assertThat(out).contains("Account\\u009b1A\\u009b2K");
    assertThat(
            tools.jackson.databind.json.JsonMapper.builder()
                .build()
                .readTree(out)
                .path("subject")
                .asString())
        .isEqualTo("Account\u009b1A\u009b2K");
  }
}
