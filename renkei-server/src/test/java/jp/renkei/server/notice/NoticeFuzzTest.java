package jp.renkei.server.notice;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Arrays;

/**
 * Fuzz target for the NOTICE files (the first byte picks: range registry CSV, observations CSV or
 * JSON): whatever the bytes, rows or problems that say where — never another exception — and no
 * observation with a control character or over the limits. Seeds are replayed in every test run;
 * {@code JAZZER_FUZZ=1} fuzzes (docs/fuzzing.md).
 */
class NoticeFuzzTest {

  @FuzzTest(maxDuration = "15s")
  void noticeFile(byte[] input) throws IOException {
    if (input.length == 0) {
      return;
    }
    String text;
    try {
      text = NoticeFiles.text(new ByteArrayInputStream(Arrays.copyOfRange(input, 1, input.length)));
    } catch (NoticeFiles.NotUtf8 e) {
      return;
    }
    NoticeFiles.Read<?> read =
        switch (Math.floorMod(input[0], 3)) {
          case 0 -> NoticeFiles.ranges(text);
          case 1 -> NoticeFiles.observationsCsv(text);
          default -> NoticeFiles.observationsJson(text).observations();
        };
    assertThat(read.problems()).hasSizeLessThanOrEqualTo(NoticeFiles.MAX_PROBLEMS + 2);
    for (NoticeFiles.Problem p : read.problems()) {
      assertThat(p.where()).isNotBlank();
      assertThat(p.reason()).isNotBlank();
    }
    assertThat(read.rows()).hasSizeLessThanOrEqualTo(NoticeFiles.MAX_ROWS);
    for (Object row : read.rows()) {
      if (row instanceof NoticeFiles.Observation o) {
        assertThat(o.address()).isNotNull();
        assertThat(o.observedAt()).isNotNull();
        assertThat(o.text()).isNotBlank().hasSizeLessThanOrEqualTo(NoticeFiles.MAX_TEXT);
        assertThat(
                o.text()
                    .chars()
                    .noneMatch(c -> Character.isISOControl(c) && c != '\n' && c != '\t'))
            .isTrue();
        if (o.port() != null) {
          assertThat(o.port()).isBetween(1, 65535);
        }
      }
    }
  }
}
