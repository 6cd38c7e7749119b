package jp.renkei.engine.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.ByteArrayInputStream;
import jp.renkei.engine.mail.MailAnalyzer;
import jp.renkei.engine.mail.MailReport;
import jp.renkei.engine.stix.StixBundleReader;
import jp.renkei.engine.stix.StixValidator;
import tools.jackson.databind.JsonNode;

/**
 * Fuzz targets for the parsers that read what strangers send: e-mail and STIX bundles. Whatever the
 * bytes, they answer with a report or precise refusals — never an exception. In a normal test run
 * each target replays its seeds (src/test/resources/.../ParserFuzzTestInputs); with {@code
 * JAZZER_FUZZ=1} it fuzzes for {@code maxDuration} (see .ci/run and docs/fuzzing.md).
 */
class ParserFuzzTest {

  private static final MailAnalyzer MAIL = new MailAnalyzer();
  private static final StixValidator STIX = new StixValidator();

  @FuzzTest(maxDuration = "30s")
  void mail(byte[] message) {
    MailReport r = MAIL.analyze(new ByteArrayInputStream(message));
    assertThat(r.verdict()).isNotNull();
    assertThat(r.score()).isBetween(0, 100);
  }

  @FuzzTest(maxDuration = "30s")
  void stixBundle(byte[] bundle) {
    StixBundleReader.read(
        new ByteArrayInputStream(bundle),
        new StixBundleReader.Sink() {
          @Override
          public void object(int index, long line, JsonNode object) {
            assertThat(STIX.validate(object)).isNotNull();
          }

          @Override
          public void rejected(int index, long line, String message) {
            assertThat(message).isNotBlank();
          }
        });
  }
}
