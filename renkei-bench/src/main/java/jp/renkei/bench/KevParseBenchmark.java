package jp.renkei.bench;

import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import jp.renkei.engine.exposure.KevEntry;
import jp.renkei.engine.exposure.KevReader;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Parsing CISA's whole KEV catalogue (1,404 entries, 1.2 MB) into {@link KevEntry} records: {@code
 * KevReader} (token stream, per-entry validation) against the plain Jackson way (read the whole
 * document as a tree, then map each node), both from the same bytes in memory.
 *
 * <p>Run: {@code ./mvnw -q -pl renkei-bench -am package -DskipTests && java -jar
 * renkei-bench/target/benchmarks.jar KevParse -p
 * file=../shared/data/vuln/cisa-kev/known_exploited_vulnerabilities.json}
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class KevParseBenchmark {

  @Param("../shared/data/vuln/cisa-kev/known_exploited_vulnerabilities.json")
  public String file;

  private static final JsonMapper PLAIN = JsonMapper.builder().build();

  byte[] bytes;

  @Setup
  public void setup() throws Exception {
    bytes = Files.readAllBytes(Path.of(file));
  }

  @Benchmark
  public int kevReader() {
    return KevReader.read(new ByteArrayInputStream(bytes)).entries().size();
  }

  @Benchmark
  public int jacksonTree() {
    JsonNode root = PLAIN.readTree(bytes);
    List<KevEntry> out = new ArrayList<>();
    for (JsonNode v : root.path("vulnerabilities")) {
      List<String> cwes = new ArrayList<>();
      v.path("cwes").forEach(c -> cwes.add(c.asString()));
      String due = v.path("dueDate").asString(null);
      out.add(
          new KevEntry(
              v.path("cveID").asString(),
              v.path("vendorProject").asString(),
              v.path("product").asString(),
              v.path("vulnerabilityName").asString(),
              LocalDate.parse(v.path("dateAdded").asString()),
              due == null ? null : LocalDate.parse(due),
              v.path("shortDescription").asString(),
              v.path("requiredAction").asString(),
              v.path("knownRansomwareCampaignUse").asString(),
              v.path("notes").asString(),
              cwes));
    }
    return out.size();
  }
}
