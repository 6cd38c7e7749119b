package jp.renkei.engine.stix;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import jp.renkei.engine.match.IndicatorIndex;
import org.junit.jupiter.api.Test;

class StixIndicatorsTest {

  static final Instant NOW = Instant.parse("2026-11-22T00:00:00Z");

  static InputStream json(String s) {
    return new ByteArrayInputStream(s.getBytes(StandardCharsets.UTF_8));
  }

  static String indicator(String id, String pattern, String extra) {
    return "{\"type\":\"indicator\",\"spec_version\":\"2.1\",\"id\":\"indicator--"
        + id
        + "\",\"pattern\":\""
        + pattern
        + "\",\"pattern_type\":\"stix\",\"valid_from\":\"2026-01-01T00:00:00Z\""
        + extra
        + "}";
  }

  @Test
  void usesCurrentIndicatorsAndReportsTheRest() {
    String bundle =
        "{\"type\":\"bundle\",\"id\":\"bundle--1\",\"objects\":["
            + "{\"type\":\"identity\",\"id\":\"identity--1\",\"name\":\"x\"},"
            + indicator("a", "[domain-name:value = 'evil.example']", "")
            + ","
            + indicator(
                "b", "[ipv4-addr:value = '198.51.100.7'] OR [url:value = 'http://x.example/p']", "")
            + ","
            + indicator(
                "c",
                "[domain-name:value = 'old.example']",
                ",\"valid_until\":\"2025-01-01T00:00:00Z\"")
            + ","
            + indicator("d", "[domain-name:value = 'gone.example']", ",\"revoked\":true")
            + ","
            + indicator("e", "[process:name = 'x.exe']", "")
            + "]}";
    IndicatorIndex.Builder b = IndicatorIndex.builder(8);
    StixIndicators.Loaded l = StixIndicators.read(json(bundle), b, NOW);
    IndicatorIndex idx = b.build();
    assertThat(l.objects()).isEqualTo(6);
    assertThat(l.indicators()).isEqualTo(5);
    assertThat(l.used()).isEqualTo(2);
    assertThat(l.expiredOrRevoked()).isEqualTo(2);
    assertThat(l.unsupported())
        .singleElement()
        .satisfies(
            s -> {
              assertThat(s.id()).isEqualTo("indicator--e");
              assertThat(s.reason()).contains("process:name");
            });
    assertThat(idx.size()).isEqualTo(3);
    byte[] host = "www.evil.example".getBytes(StandardCharsets.US_ASCII);
    assertThat(idx.indicator(idx.matchDomain(host, 0, host.length)).id()).isEqualTo("indicator--a");
  }

  @Test
  void brokenJsonSaysWhere() {
    assertThatThrownBy(
            () ->
                StixIndicators.read(
                    json("{\"type\":\"bundle\",\n\"objects\":[{\"type\":"),
                    IndicatorIndex.builder(1),
                    NOW))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("line 2");
  }

  @Test
  void readsTheRealAttackBundleWithoutIndicatorsToUse() throws Exception {
    Path ics = Path.of("../../shared/data/attack").toAbsolutePath().normalize();
    org.junit.jupiter.api.Assumptions.assumeTrue(
        Files.isDirectory(ics),
        "ATT&CK data not present at " + ics + " (shared/data beside the checkout)");
    Path file;
    try (var files = Files.list(ics)) {
      file = files.filter(f -> f.getFileName().toString().contains("ics")).findFirst().orElse(null);
    }
    org.junit.jupiter.api.Assumptions.assumeTrue(file != null, "ATT&CK data not present at " + ics);
    try (InputStream in = Files.newInputStream(file)) {
      StixIndicators.Loaded l = StixIndicators.read(in, IndicatorIndex.builder(16), NOW);
      assertThat(l.objects()).isGreaterThan(1000);
    }
  }
}
