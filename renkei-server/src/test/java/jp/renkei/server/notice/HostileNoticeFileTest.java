package jp.renkei.server.notice;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * NOTICE files as an adversary or a careless export writes them: read as intended, or refused with
 * problems that say where, never an exception and never a tree of hundreds of megabytes.
 */
class HostileNoticeFileTest {

  private static final String OBSERVED = "2026-10-01T09:30:00+09:00";

  @Test
  void aColumnNamedTwiceIsRefusedRatherThanTheLastOneRead() {
    NoticeFiles.Read<NoticeFiles.Observation> r =
        NoticeFiles.observationsCsv(
            "address,Address,observed_at,observation\n192.0.2.1,192.0.2.2," + OBSERVED + ",x\n");
    assertThat(r.rows()).isEmpty();
    assertThat(r.problems())
        .singleElement()
        .satisfies(
            p -> {
              assertThat(p.where()).isEqualTo("line 1");
              assertThat(p.field()).isEqualTo("address");
              assertThat(p.reason()).contains("twice");
            });
    assertThat(NoticeFiles.ranges("isp,cidr,cidr\nisp-a,192.0.2.0/24,198.51.100.0/24\n").rows())
        .isEmpty();
  }

  @Test
  void aHeaderNameMissingIsAnUnknownColumnNotAnException() {
    NoticeFiles.Read<NoticeFiles.Observation> r =
        NoticeFiles.observationsCsv(
            "address,observed_at,observation,\n192.0.2.1," + OBSERVED + ",x,\n");
    assertThat(r.rows()).isEmpty();
    assertThat(r.problems())
        .singleElement()
        .satisfies(
            p -> {
              assertThat(p.where()).isEqualTo("line 1");
              assertThat(p.reason()).startsWith("unknown column");
            });
    assertThat(NoticeFiles.ranges(",cidr\nisp-a,192.0.2.0/24\n").problems()).isNotEmpty();
  }

  @Test
  void sixteenMegabytesOfEmptyObjectsAreRefusedBeforeTheTreeIsBuilt() {
    StringBuilder json = new StringBuilder("{\"observations\":[");
    while (json.length() < NoticeFiles.MAX_BYTES - 16) {
      json.append("{},");
    }
    json.append("{}]}");
    NoticeFiles.JsonSubmission s = NoticeFiles.observationsJson(json.toString());
    assertThat(s.observations().rows()).isEmpty();
    assertThat(s.observations().problems())
        .singleElement()
        .satisfies(
            p -> {
              assertThat(p.field()).isEqualTo("observations");
              assertThat(p.reason()).startsWith("more than " + NoticeFiles.MAX_ROWS);
            });
  }

  @Test
  void theMostObservationsAllowedWithEveryFieldAreStillRead() {
    StringBuilder json = new StringBuilder("{\"label\":\"週次\",\"surveyed\":5,\"observations\":[");
    for (int i = 0; i < NoticeFiles.MAX_ROWS; i++) {
      json.append(i == 0 ? "" : ",")
          .append("{\"address\":\"10.")
          .append(i >> 16)
          .append('.')
          .append((i >> 8) & 255)
          .append('.')
          .append(i & 255)
          .append("\",\"port\":443,\"protocol\":\"tcp\",\"observedAt\":\"")
          .append(OBSERVED)
          .append("\",\"observation\":\"o\"}");
    }
    json.append("]}");
    NoticeFiles.JsonSubmission s = NoticeFiles.observationsJson(json.toString());
    assertThat(s.observations().problems()).isEmpty();
    assertThat(s.observations().rows()).hasSize(NoticeFiles.MAX_ROWS);
  }

  @Test
  void nestingDeeperThanTheLimitIsRefusedAsSuch() {
    NoticeFiles.JsonSubmission s =
        NoticeFiles.observationsJson(
            "{\"observations\":[" + "[".repeat(20) + "]".repeat(20) + "]}");
    assertThat(s.observations().problems())
        .singleElement()
        .satisfies(p -> assertThat(p.reason()).startsWith("deeper than"));
  }

  @Test
  void aByteOrderMarkIsDroppedAndUtf16IsRefused() throws Exception {
    String csv = "\uFEFFaddress,observed_at,observation\n192.0.2.1," + OBSERVED + ",x\n";
    String text = NoticeFiles.text(new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)));
    assertThat(NoticeFiles.observationsCsv(text).rows()).hasSize(1);
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () ->
                NoticeFiles.text(new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_16LE))))
        .isInstanceOf(NoticeFiles.NotUtf8.class);
  }

  @Test
  void crOnlyLinesAreRead() {
    NoticeFiles.Read<NoticeFiles.Observation> r =
        NoticeFiles.observationsCsv(
            "address,observed_at,observation\r192.0.2.1,"
                + OBSERVED
                + ",x\r192.0.2.2,"
                + OBSERVED
                + ",y\r");
    assertThat(r.problems()).isEmpty();
    assertThat(r.rows()).hasSize(2);
  }
}
