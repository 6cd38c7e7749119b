package jp.renkei.server.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.lang.reflect.Field;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import jp.renkei.server.support.TestFiles;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** {@code renkei match}'s own argument reader against picocli's reading of the same arguments. */
class MatchArgsTest {

  /** Every field picocli sets on {@link MatchCommand}, by name, as picocli set it up. */
  private static Map<String, Object> picocli(String... args) throws Exception {
    CommandLine.ParseResult parsed = RenkeiCli.commandLine(args).parseArgs(args);
    return fields((MatchCommand) parsed.subcommand().commandSpec().userObject());
  }

  private static Map<String, Object> fields(MatchCommand m) throws Exception {
    Map<String, Object> out = new LinkedHashMap<>();
    for (Field f : MatchCommand.class.getDeclaredFields()) {
      if (f.isAnnotationPresent(CommandLine.Option.class)
          || f.isAnnotationPresent(CommandLine.Parameters.class)) {
        f.setAccessible(true);
        out.put(f.getName(), f.get(m));
      }
    }
    return out;
  }

  private static void readAsPicocli(String... args) throws Exception {
    MatchCommand fast = MatchArgs.read(args);
    assertThat(fast).as(String.join(" ", args)).isNotNull();
    assertThat(fields(fast)).as(String.join(" ", args)).isEqualTo(picocli(args));
  }

  @Test
  void plainArgumentsAreReadAsPicocliReadsThemDefaultsIncluded() throws Exception {
    readAsPicocli("match", "-i", "iocs.txt", "access.log");
    readAsPicocli("match", "--indicators", "a.txt", "-i", "b.txt", "x.log", "y.log.gz", "-");
    readAsPicocli("match", "--format", "none", "--threads", "2", "-i", "iocs.txt", "x.log");
    readAsPicocli("match", "x.log", "-i", "iocs.txt", "--format=csv", "--log-format", "squid");
    readAsPicocli(
        "match",
        "--taxii",
        "https://hub.example.jp/taxii2/api/",
        "--collection",
        "c-1",
        "--taxii-user",
        "ops",
        "--taxii-cache",
        "/tmp/cache dir",
        "--report-sightings",
        "s-1",
        "--sighting-identity",
        "某 電力 株式会社",
        "--sighting-tlp",
        "green",
        "--follow",
        "--taxii-refresh",
        "0",
        "x.log");
    readAsPicocli("match", "--fields=host=dest_host,client=src", "-i", "a.txt", "e.jsonl");
    readAsPicocli("match", "--index-snapshot", "off", "-i", "指標.txt", "ログ.log");
    readAsPicocli("match", "-i", "a.txt", "match", "help", "serve");
    readAsPicocli("match", "--threads", "0", "--follow", "-i", "a.txt", "x.log");
  }

  @Test
  void everyOptionOfTheCommandIsReadHereAsPicocliReadsIt() throws Exception {
    CommandLine.Model.CommandSpec spec =
        CommandLine.Model.CommandSpec.forAnnotatedObject(new MatchCommand());
    for (CommandLine.Model.OptionSpec o : spec.options()) {
      if (o.usageHelp() || o.versionHelp()) {
        continue;
      }
      for (String name : o.names()) {
        List<String> args = new ArrayList<>(List.of("match", name));
        if (o.arity().max() > 0) {
          Class<?> type = o.type();
          args.add(type == Integer.class || type == int.class ? "7" : "value.txt");
        }
        if (!name.equals("-i") && !name.equals("--indicators")) {
          args.addAll(List.of("-i", "iocs.txt"));
        }
        args.add("x.log");
        readAsPicocli(args.toArray(String[]::new));
      }
    }
  }

  @Test
  void anythingPicocliMightReadOtherwiseIsLeftToPicocli() {
    List<List<String>> cases =
        List.of(
            List.of("match"),
            List.of("match", "--help"),
            List.of("match", "-h", "-i", "a.txt", "x.log"),
            List.of("match", "-V"),
            List.of("match", "--version"),
            List.of("match", "-i", "a.txt"),
            List.of("match", "--frmat", "none", "-i", "a.txt", "x.log"),
            List.of("match", "--format", "csv", "--format", "none", "-i", "a.txt", "x.log"),
            List.of("match", "--follow", "--follow", "-i", "a.txt", "x.log"),
            List.of("match", "--follow=true", "-i", "a.txt", "x.log"),
            List.of("match", "x.log", "-i"),
            List.of("match", "-i", "-x", "x.log"),
            List.of("match", "-i", "", "x.log"),
            List.of("match", "--threads", "two", "-i", "a.txt", "x.log"),
            List.of("match", "--threads", "010", "-i", "a.txt", "x.log"),
            List.of("match", "--threads", "+2", "-i", "a.txt", "x.log"),
            List.of("match", "--threads", "99999999999", "-i", "a.txt", "x.log"),
            List.of("match", "@args.txt"),
            List.of("match", "-i", "@a.txt", "x.log"),
            List.of("match", "-i", "a.txt", "--", "x.log"),
            List.of("match", "-ia.txt", "x.log"),
            List.of("match", "-i=a.txt", "x.log"),
            List.of("match", "-i", "a.txt", "-x.log"),
            List.of("serve", "-i", "a.txt", "x.log"));
    for (List<String> args : cases) {
      assertThat(MatchArgs.read(args.toArray(String[]::new))).as(args.toString()).isNull();
    }
  }

  record Outcome(int exit, String out, String err) {}

  private static Outcome run(Callable<Integer> command) throws Exception {
    PrintStream out = System.out;
    PrintStream err = System.err;
    ByteArrayOutputStream o = new ByteArrayOutputStream();
    ByteArrayOutputStream e = new ByteArrayOutputStream();
    try {
      System.setOut(new PrintStream(o, true, StandardCharsets.UTF_8));
      System.setErr(new PrintStream(e, true, StandardCharsets.UTF_8));
      int exit = command.call();
      System.out.flush();
      System.err.flush();
      return new Outcome(
          exit, o.toString(StandardCharsets.UTF_8), e.toString(StandardCharsets.UTF_8));
    } finally {
      System.setOut(out);
      System.setErr(err);
    }
  }

  @Test
  void aRunWithoutPicocliAnswersAndFailsAsOneThroughIt() throws Exception {
    Path dir = TestFiles.directory("renkei-match-args-");
    Path iocs = dir.resolve("iocs.txt");
    Files.writeString(iocs, "evil.example\n198.51.100.0/24\n");
    Path log = dir.resolve("access.log");
    Files.writeString(
        log,
        "1732252800.1 12 10.0.0.7 TCP_MISS/200 512 GET http://a.evil.example/x - HIER_DIRECT/"
            + "192.0.2.1 text/html\n"
            + "1732252801.1 12 10.0.0.8 TCP_MISS/200 512 GET http://ok.example/ - HIER_DIRECT/"
            + "198.51.100.9 text/html\n");
    String[] hits = {
      "match", "--format", "csv", "--index-snapshot", "off", "-i", iocs.toString(), log.toString()
    };
    // the figures on stderr hold timings; the hits and the exit code must be the same
    Outcome fast = run(() -> Main.execute(hits));
    Outcome slow = run(() -> RenkeiCli.commandLine(hits).execute(hits));
    assertThat(fast.exit()).as(fast.err()).isZero();
    assertThat(fast.out())
        .contains("domain-name,evil.example", "cidr,198.51.100.0/24")
        .isEqualTo(slow.out());
    // refusals of the command itself, and an exception reported by picocli's handler
    String missing = dir.resolve("no-such-list.txt").toString();
    List<String[]> failing =
        List.of(
            new String[] {"match", "--format", "xml", "-i", iocs.toString(), log.toString()},
            new String[] {"match", "--sighting-tlp", "white", "-i", iocs.toString(), "x.log"},
            new String[] {"match", "-i", missing, log.toString()},
            new String[] {"match", "-i", iocs.toString(), dir.resolve("no.log").toString()});
    for (String[] args : failing) {
      assertThat(MatchArgs.read(args)).isNotNull();
      Outcome a = run(() -> Main.execute(args));
      Outcome b = run(() -> RenkeiCli.commandLine(args).execute(args));
      assertThat(a.exit()).as(String.join(" ", args)).isNotZero().isEqualTo(b.exit());
      assertThat(a.out()).isEqualTo(b.out());
      assertThat(lastLines(a.err())).as(String.join(" ", args)).isEqualTo(lastLines(b.err()));
    }
  }

  /**
   * stderr without the index lines (their timing, and whether a snapshot was there yet, differ).
   */
  private static List<String> lastLines(String err) {
    return err.lines().filter(l -> !l.startsWith("index")).toList();
  }
}
