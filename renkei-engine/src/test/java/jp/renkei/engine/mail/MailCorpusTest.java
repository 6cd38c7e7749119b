package jp.renkei.engine.mail;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Test;

/** Every message of the corpus gets its expected verdict; none breaks or stalls the analyser. */
class MailCorpusTest {

  final MailAnalyzer analyzer =
      new MailAnalyzer(MailAnalyzer.Limits.DEFAULT, List.of("sakura-bank.co.jp"), List.of());

  @Test
  void everyMessageGetsItsExpectedVerdict() {
    List<String> wrong = new ArrayList<>();
    int malicious = 0;
    for (MailCorpus.Sample s : MailCorpus.all()) {
      // a hang guard, not a speed requirement: any message takes milliseconds
      MailReport r =
          Assertions.assertTimeoutPreemptively(
              Duration.ofSeconds(20),
              () -> analyzer.analyze(new ByteArrayInputStream(s.eml())),
              s.name());
      assertThat(r).as(s.name()).isNotNull();
      if (s.expected() != null && r.verdict() != s.expected()) {
        wrong.add(
            s.name()
                + ": expected "
                + s.expected()
                + ", got "
                + r.verdict()
                + " "
                + r.findings()
                + " "
                + r.problems());
      }
      if (r.verdict() == MailReport.Verdict.MALICIOUS) {
        malicious++;
      }
    }
    assertThat(wrong).isEmpty();
    assertThat(MailCorpus.all()).hasSizeGreaterThanOrEqualTo(30);
    assertThat(malicious).isGreaterThanOrEqualTo(8);
  }
}
