package jp.renkei.server.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@code renkei mail analyze --members FILE}: a command-line run knows the community's
 * organisations by name as the hub does (a lure in a member's name is member impersonation), and a
 * bad members file is one line on stderr saying where, exit 1, no stack trace.
 */
class MailMembersOptionTest {

  @TempDir Path dir;

  private record Run(int code, String out, String err) {}

  private Run run(String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    PrintStream before = System.out;
    System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
    try {
      CommandLine cl = RenkeiCli.commandLine(args);
      cl.setErr(new PrintWriter(err, true, StandardCharsets.UTF_8));
      int code = cl.execute(args);
      return new Run(
          code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    } finally {
      System.setOut(before);
    }
  }

  private Path lure() throws Exception {
    return Files.writeString(
        dir.resolve("lure.eml"),
        "From: =?UTF-8?B?44GV44GP44KJ5p6256m66YqA6KGM?= <info@sakura-secure.example>\r\n"
            + "To: tanaka@partner.example\r\nSubject: Password update\r\n"
            + "Content-Type: text/plain; charset=UTF-8\r\n\r\n"
            + "Please update your password at https://sakura-secure.example/login today.\r\n",
        StandardCharsets.US_ASCII);
  }

  @Test
  void aLureInAMembersNameIsMemberImpersonation() throws Exception {
    Path members =
        Files.writeString(
            dir.resolve("members.tsv"),
            "さくら架空銀行\tSakura Fictional Bank\tsakura-bank.co.jp\n",
            StandardCharsets.UTF_8);
    Path eml = lure();
    Run without = run("mail", "analyze", "--lang", "en", eml.toString());
    Run with =
        run("mail", "analyze", "--lang", "en", "--members", members.toString(), eml.toString());
    assertThat(without.code()).isZero();
    assertThat(with.code()).isZero();
    assertThat(without.out()).doesNotContain("member organisation");
    assertThat(with.out())
        .contains("claims member organisation Sakura Fictional Bank")
        .doesNotContain("sakura-bank.co.jp");
  }

  @Test
  void aBadMembersFileSaysWhereAndStops() throws Exception {
    Path members =
        Files.writeString(
            dir.resolve("members.tsv"),
            "# ok\nさくら架空銀行\tSakura Fictional Bank\tsakura bank\n",
            StandardCharsets.UTF_8);
    Run r = run("mail", "analyze", "--members", members.toString(), lure().toString());
    assertThat(r.code()).isEqualTo(CliFailures.REFUSED);
    assertThat(r.err().strip())
        .isEqualTo(
            "renkei: --members " + members + " line 2: \"sakura\" is not a domain name (column 3)");
    assertThat(r.out()).isEmpty();
  }
}
