package jp.renkei.server.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import jp.renkei.server.support.TestFiles;
import org.junit.jupiter.api.Test;

/**
 * The index snapshot's temporary file when {@code renkei match --follow} (the real jar, as its own
 * process) is ended while the snapshot is being written: Ctrl+C (SIGINT) and SIGTERM leave no
 * {@code .tmp} beside the list; SIGKILL does (no process can clean up after it), and the next run
 * is not confused by it and removes it.
 */
class MatchSnapshotSignalIT {

  /** Indicators in the list: the snapshot takes long enough to write to catch it under way. */
  private static final int INDICATORS = 300_000;

  /** Tries per signal before the test gives up catching a write under way. */
  private static final int TRIES = 4;

  @Test
  void ctrlCOrSigtermDuringTheSnapshotWriteLeaveNoTemporaryFile() throws Exception {
    for (String signal : List.of("INT", "TERM")) {
      Path dir = TestFiles.directory("renkei-match-signal-" + signal + "-");
      Path list = list(dir);
      Path log = Files.writeString(dir.resolve("access.log"), LINE);
      boolean caught = false;
      for (int k = 0; k < TRIES && !caught; k++) {
        Files.deleteIfExists(dir.resolve("iocs.txt.renkei-index"));
        Process p = follow(dir, list, log);
        caught = awaitTemporary(dir, p);
        if (caught) {
          signal(p, signal);
        } else {
          p.toHandle().destroy();
        }
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).as(signal).isTrue();
        assertThat(temporaries(dir)).as("after SIG%s", signal).isEmpty();
      }
      assertThat(caught).as("a snapshot write under way was caught (SIG%s)", signal).isTrue();
      // whatever was left is whole or absent: the next run uses it or builds anew, and hits
      CliIT.Run next = CliIT.run("match", "--format", "csv", "-i", list.toString(), log.toString());
      assertThat(next.exit()).as(next.err()).isZero();
      assertThat(next.err()).containsAnyOf("from the snapshot", "(no snapshot yet)");
      assertThat(next.out()).contains("domain-name,evil.example");
      assertThat(temporaries(dir)).isEmpty();
    }
  }

  @Test
  void aTemporaryFileLeftBySigkillIsRemovedByTheNextRunAndChangesNothing() throws Exception {
    Path dir = TestFiles.directory("renkei-match-signal-KILL-");
    Path list = list(dir);
    Path log = Files.writeString(dir.resolve("access.log"), LINE);
    boolean caught = false;
    for (int k = 0; k < TRIES && !caught; k++) {
      Files.deleteIfExists(dir.resolve("iocs.txt.renkei-index"));
      Process p = follow(dir, list, log);
      caught = awaitTemporary(dir, p);
      p.toHandle().destroyForcibly();
      assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
    }
    assertThat(caught).as("a snapshot write under way was caught").isTrue();
    // SIGKILL runs no shutdown hook: the temporary file stays, and no snapshot took its place
    assertThat(temporaries(dir)).hasSize(1);
    assertThat(dir.resolve("iocs.txt.renkei-index")).doesNotExist();

    CliIT.Run next = CliIT.run("match", "--format", "csv", "-i", list.toString(), log.toString());
    assertThat(next.exit()).as(next.err()).isZero();
    assertThat(next.err()).contains("(no snapshot yet)", "from scratch", "written to");
    assertThat(next.out()).contains("domain-name,evil.example");
    assertThat(temporaries(dir)).as("the killed writer's file is removed").isEmpty();

    CliIT.Run third = CliIT.run("match", "--format", "csv", "-i", list.toString(), log.toString());
    assertThat(third.exit()).as(third.err()).isZero();
    assertThat(third.err()).contains("from the snapshot");
    assertThat(third.out()).isEqualTo(next.out());
  }

  private static final String LINE =
      "1732252800.100    10 10.0.0.5 TCP_MISS/200 100 GET http://a.evil.example/x - HIER_DIRECT/192.0.2.1 text/html\n";

  private static Path list(Path dir) throws IOException {
    StringBuilder b = new StringBuilder(INDICATORS * 24);
    b.append("evil.example\n");
    for (int i = 0; i < INDICATORS; i++) {
      switch (i % 3) {
        case 0 -> b.append("host").append(i).append(".bad-").append(i % 997).append(".example\n");
        case 1 ->
            b.append("10.")
                .append(i >> 16 & 255)
                .append('.')
                .append(i >> 8 & 255)
                .append('.')
                .append(i & 255)
                .append('\n');
        default -> b.append("https://x").append(i).append(".example/p/").append(i).append('\n');
      }
    }
    return Files.writeString(dir.resolve("iocs.txt"), b);
  }

  private static Process follow(Path dir, Path list, Path log) throws IOException {
    // a job a non-interactive shell starts in the background (CI, nohup) inherits SIGINT ignored,
    // and a JVM leaves an ignored signal ignored: Ctrl+C is given back its default first, as an
    // operator's terminal has it (GNU env)
    return new ProcessBuilder(
            "env",
            "--default-signal=INT",
            CliIT.JAVA,
            "-jar",
            CliIT.JAR,
            "match",
            "--follow",
            "--log-format",
            "squid",
            "-i",
            list.toString(),
            log.toString())
        .redirectOutput(dir.resolve("out.txt").toFile())
        .redirectError(dir.resolve("err.txt").toFile())
        .start();
  }

  /** Waits until the snapshot's temporary file exists (true) or the write is over (false). */
  private static boolean awaitTemporary(Path dir, Process p) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
    while (System.nanoTime() < deadline && p.isAlive()) {
      if (!temporaries(dir).isEmpty()) {
        return true;
      }
      if (Files.exists(dir.resolve("iocs.txt.renkei-index"))) {
        return false; // written before it was seen
      }
      Thread.sleep(1);
    }
    return false;
  }

  private static List<String> temporaries(Path dir) throws IOException {
    try (Stream<Path> files = Files.list(dir)) {
      return files.map(f -> f.getFileName().toString()).filter(n -> n.endsWith(".tmp")).toList();
    }
  }

  private static void signal(Process p, String signal) throws Exception {
    Process kill = new ProcessBuilder("kill", "-" + signal, Long.toString(p.pid())).start();
    assertThat(kill.waitFor(30, TimeUnit.SECONDS)).isTrue();
    assertThat(kill.exitValue()).isZero();
  }
}
