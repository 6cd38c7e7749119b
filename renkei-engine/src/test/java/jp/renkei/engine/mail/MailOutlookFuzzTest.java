package jp.renkei.engine.mail;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.charset.StandardCharsets;

/**
 * Fuzz targets for the Outlook reader (msg33): whatever the bytes, {@link MailOutlook#read} gives a
 * message within its size limit or refuses saying what, never another exception; {@link MailRtf}
 * reads any RTF in one pass. Package-private readers, hence here beside them. Seeds in
 * src/test/resources/jp/renkei/engine/mail/MailOutlookFuzzTestInputs/&lt;target&gt;/ (real .msg
 * files of Apache POI's test data, a lure written here, a corrupt file); with {@code JAZZER_FUZZ=1}
 * it fuzzes (.ci/fuzz, docs/fuzzing.md).
 */
class MailOutlookFuzzTest {

  @FuzzTest(maxDuration = "30s")
  void outlook(byte[] file) {
    if (!MailOutlook.compoundFile(file, file.length)) {
      return; // the analyser reads it as an .eml
    }
    try {
      MailOutlook.Read r = MailOutlook.read(file, file.length);
      assertThat((long) r.mime().length)
          .isLessThanOrEqualTo((long) file.length * MailOutlook.MAX_OUT_FACTOR);
      r.notes().forEach(n -> assertThat(n.en()).isNotBlank());
    } catch (MailOutlook.NotOutlook e) {
      assertThat(e.getMessage()).isNotBlank();
      assertThat(e.ja).isNotBlank();
    }
  }

  @FuzzTest(maxDuration = "30s")
  void rtf(byte[] rtf) {
    String s = new String(rtf, StandardCharsets.ISO_8859_1);
    assertThat(MailRtf.read(s).length()).isLessThanOrEqualTo(s.length() * 2 + 16);
  }
}
