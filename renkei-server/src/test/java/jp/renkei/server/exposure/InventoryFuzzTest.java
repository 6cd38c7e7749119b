package jp.renkei.server.exposure;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.Properties;
import java.util.Set;

/**
 * Fuzz target for the inventory import's CSV and nmap XML readers (the first byte picks): whatever
 * the bytes, assets or problems — never another exception — and every problem is one the page can
 * say in both languages, every asset one of the four kinds with no control character. Seeds are
 * replayed in every test run; {@code JAZZER_FUZZ=1} fuzzes (docs/fuzzing.md).
 */
class InventoryFuzzTest {

  private static final Properties JA = texts("i18n/exposure.properties");
  private static final Properties EN = texts("i18n/exposure_en.properties");

  private static Properties texts(String name) {
    Properties p = new Properties();
    try (InputStream in = InventoryFuzzTest.class.getClassLoader().getResourceAsStream(name)) {
      p.load(new java.io.InputStreamReader(in, java.nio.charset.StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
    return p;
  }

  @FuzzTest(maxDuration = "15s")
  void inventory(byte[] input) {
    if (input.length == 0) {
      return;
    }
    byte[] file = Arrays.copyOfRange(input, 1, input.length);
    InventoryFile.Result r =
        (input[0] & 1) == 0
            ? InventoryFile.csv(new ByteArrayInputStream(file))
            : InventoryFile.nmap(new ByteArrayInputStream(file));
    assertThat(r.assets().isEmpty() || r.problems().isEmpty()).isTrue();
    assertThat(r.problems()).hasSizeLessThanOrEqualTo(InventoryFile.MAX_PROBLEMS + 20);
    for (InventoryFile.Problem p : r.problems()) {
      assertThat(JA.getProperty(p.key())).as(p.key()).isNotNull();
      assertThat(EN.getProperty(p.key())).as(p.key()).isNotNull();
      assertThat(p.line()).isGreaterThanOrEqualTo(0);
    }
    for (NewAsset a : r.assets()) {
      assertThat(a.kind()).isIn(Set.of("domain", "host", "ip_range", "service"));
      assertThat(a.value()).isNotBlank();
      for (String text :
          Arrays.asList(
              a.value(), a.owner(), a.product(), a.version(), a.cpe(), a.purl(), a.protocol())) {
        if (text != null) {
          assertThat(text.chars().noneMatch(c -> Character.isISOControl(c) && c != '\t'))
              .as(text)
              .isTrue();
        }
      }
      if (a.kind().equals("service")) {
        assertThat(a.port()).isBetween(1, 65535);
      }
    }
  }
}
