package jp.renkei.engine.mail;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Japanese mail as a Japanese operator's server receives it (issue 19, ja23): whole messages with
 * the Received chain, Authentication-Results and DKIM-Signature their senders produce, in
 * ISO-2022-JP, Shift_JIS (Base64 and 8bit) and UTF-8 (Base64 and quoted-printable), HTML in the
 * table layout of brand mail. {@code mail/ja23/lure}: the 2024–26 waves the public alerts of
 * JPCERT/CC, the Council of Anti-Phishing Japan and IPA describe (ETC, えきねっと, the card companies,
 * Amazon.co.jp, the carriers, 国税庁, マイナポータル, the delivery companies, the power companies, the banks,
 * Apple and Microsoft 365 in Japanese) and IPA's targeted-mail themes; {@code mail/ja23/legit}:
 * each brand's own notice from its own authenticated domain, official list mail, a CEPTOAR circular
 * naming phishing domains, list servers and internal mail. Written for the project by {@code
 * bench/ja-mail/make_ja23.py}; no real message's text.
 */
class MailJapaneseAsReceivedTest {

  /** The receiving operator's own domain, as a deployment configures it. */
  static final String OWN = "example-corp.co.jp";

  final MailAnalyzer analyzer =
      new MailAnalyzer(MailAnalyzer.Limits.DEFAULT, List.of(OWN), List.of());

  static List<Path> messages(String kind) {
    try {
      Path dir =
          Path.of(
              MailJapaneseAsReceivedTest.class
                  .getResource("/jp/renkei/engine/mail/ja23/" + kind)
                  .toURI());
      try (Stream<Path> s = Files.list(dir)) {
        return s.filter(p -> p.toString().endsWith(".eml")).sorted().toList();
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  MailReport analyze(Path p) {
    try (InputStream in = Files.newInputStream(p)) {
      return analyzer.analyze(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static String describe(Path p, MailReport r) {
    return p.getFileName()
        + " "
        + r.verdict()
        + " "
        + r.findings().stream().map(f -> f.flag() + "(" + f.evidence() + ")").toList();
  }

  @Test
  void theSetHoldsAtLeastTwentyFiveOfEach() {
    assertThat(messages("lure")).hasSizeGreaterThanOrEqualTo(25);
    assertThat(messages("legit")).hasSizeGreaterThanOrEqualTo(25);
  }

  @TestFactory
  Stream<DynamicTest> everyLureIsSuspiciousOrMalicious() {
    return each("lure", false);
  }

  @TestFactory
  Stream<DynamicTest> everyLegitimateMessageIsClean() {
    return each("legit", true);
  }

  /** One test per message of the kind, printing its verdict and signs: CLEAN, or not, as said. */
  private Stream<DynamicTest> each(String kind, boolean clean) {
    return messages(kind).stream()
        .map(
            p ->
                DynamicTest.dynamicTest(
                    p.getFileName().toString(),
                    () -> {
                      MailReport r = analyze(p);
                      System.out.println("[ja23 " + kind + "] " + describe(p, r));
                      if (clean) {
                        assertThat(r.verdict())
                            .as(describe(p, r))
                            .isEqualTo(MailReport.Verdict.CLEAN);
                      } else {
                        assertThat(r.verdict())
                            .as(describe(p, r))
                            .isNotEqualTo(MailReport.Verdict.CLEAN);
                      }
                    }));
  }
}
