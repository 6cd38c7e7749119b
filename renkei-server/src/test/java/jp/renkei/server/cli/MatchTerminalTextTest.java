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
 * {@code renkei match} writes to the analyst's terminal what a feed and a log wrote: an indicator's
 * id and the pattern it could not use, a refused line of an indicator list, a log's client field in
 * each hit and the per-host summary. A feed is another organisation's (or a compromised hub's), a
 * log's fields are outsiders' bytes: an escape sequence in them would rewrite the lines above (hide
 * a hit), set the window title or write the clipboard. Every such character is written by its code,
 * as {@code renkei mail analyze} does (attack32).
 */
class MatchTerminalTextTest {

  @TempDir Path dir;

  private static final String ESC = "\u001b";

  /** Erase the line above and write something else in its place. */
  private static final String REWRITE = ESC + "[1A" + ESC + "[2K";

  private static final String CLIPBOARD = ESC + "]52;c;cm0gLXJmIH4=\u0007";

  /** The JSON escape of a string (a bundle's text is JSON). */
  private static String j(String s) {
    StringBuilder b = new StringBuilder();
    for (char c : s.toCharArray()) {
      b.append(c < 0x20 || c == 0x9b ? String.format("\\u%04x", (int) c) : String.valueOf(c));
    }
    return b.toString();
  }

  private record Run(int exit, String out, String err) {}

  private static Run run(String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    PrintStream outBefore = System.out;
    PrintStream errBefore = System.err;
    System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
    System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
    try {
      CommandLine cl = RenkeiCli.commandLine(args);
      cl.setErr(new PrintWriter(err, true, StandardCharsets.UTF_8));
      int exit = cl.execute(args);
      return new Run(
          exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    } finally {
      System.setOut(outBefore);
      System.setErr(errBefore);
    }
  }

  @Test
  void aFeedsAndALogsEscapeSequencesReachTheTerminalOnlyAsCodes() throws Exception {
    Path bundle = dir.resolve("feed.json");
    Files.writeString(
        bundle,
        "{\"type\":\"bundle\",\"id\":\"bundle--1\",\"objects\":["
            + "{\"type\":\"indicator\",\"id\":\"indicator--1"
            + j(REWRITE)
            + "\",\"pattern_type\":\"stix\","
            + "\"pattern\":\"[domain-name:value = 'evil.example']\"},"
            + "{\"type\":\"indicator\",\"id\":\"indicator--2"
            + j(CLIPBOARD)
            + "\",\"pattern_type\":\"stix\","
            + "\"pattern\":\"[process:name = 'x"
            + j(REWRITE + "\u009b2J")
            + ".exe']\"}]}",
        StandardCharsets.UTF_8);
    Path list = dir.resolve("iocs.txt");
    Files.writeString(list, "bad.example\nnot" + REWRITE + " an indicator\n");
    Path log = dir.resolve("access.json");
    Files.writeString(
        log,
        "{\"ts\":\"2026-11-16T09:12:03Z\",\"client\":\"pc-7"
            + j(REWRITE + CLIPBOARD)
            + "\",\"host\":\"a.evil.example\"}\n",
        StandardCharsets.UTF_8);
    for (String format : new String[] {"jsonl", "csv"}) {
      Run r =
          run(
              "match",
              "--format",
              format,
              "--fields",
              "host=host,client=client,time=ts",
              "-i",
              bundle.toString(),
              "-i",
              list.toString(),
              log.toString());
      assertThat(r.exit()).as(r.err()).isZero();
      String all = r.out() + r.err();
      assertThat(all).as(all).doesNotContain(ESC).doesNotContain("\u0007").doesNotContain("\u009b");
      // the hit and every refusal are still there to read, each control character by its code
      assertThat(r.out()).contains("indicator--1\\u001b[1A").contains("pc-7\\u001b[1A");
      assertThat(r.err())
          .contains("indicator--2\\u001b]52;c;")
          .contains("not\\u001b[1A\\u001b[2K an indicator")
          .contains("pc-7\\u001b[1A");
    }
  }

  @Test
  void aPrintableLineIsWrittenAsItIsAndACharacterPastTheBmpByItsTwoCodes() {
    assertThat(Terminal.printable("さくら銀行 evil.example")).isEqualTo("さくら銀行 evil.example");
    // U+E0001 (a language tag, a format character) as JSON writes it
    assertThat(Terminal.printable("a\uDB40\uDC01b")).isEqualTo("a\\udb40\\udc01b");
    assertThat(Terminal.printable("a\u202Egnp.exe")).isEqualTo("a\\u202egnp.exe");
  }
}
