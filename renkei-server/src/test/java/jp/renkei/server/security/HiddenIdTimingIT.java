package jp.renkei.server.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import jp.renkei.server.audit.Actor;
import jp.renkei.server.directory.Role;
import jp.renkei.server.directory.UserAccount;
import jp.renkei.server.report.NewReport;
import jp.renkei.server.report.ReportFilingService;
import jp.renkei.server.support.Fixtures;
import jp.renkei.server.support.Http;
import jp.renkei.server.support.ServerTest;
import jp.renkei.server.support.StatementLog;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;

/**
 * A measurement, not a test of speed (no timing is asserted): how long the hub on 127.0.0.1 takes
 * to answer {@code GET /api/v1/reports/{id}} for another organisation's TLP:AMBER report the caller
 * may not see and for an id that never existed (both 404, byte for byte the same), as the median
 * and quartiles of {@value #DEFAULT_ROUNDS} rounds (each round: both once, in a shuffled order),
 * and the hidden one's median as a ratio to the missing one's. docs/benchmarks.md (attack30b)
 * records it before and after the routes were made to do the same work; the measurement of record
 * takes {@code -Drenkei.timing.hidden=1000}. {@code RouteSweepLeakIT} asserts the work itself, over
 * every route ({@link jp.renkei.server.support.SamePath}).
 */
@Import(StatementLog.class)
class HiddenIdTimingIT extends ServerTest {

  static final int DEFAULT_ROUNDS = 20;
  static final int ROUNDS = Integer.getInteger("renkei.timing.hidden", DEFAULT_ROUNDS);
  static final String NEVER = "4503599627370497";

  @Autowired ReportFilingService filing;

  @Test
  void measuresAHiddenReportAgainstAMissingOneOverHttp() {
    Actor bank = fixtures.actor(fixtures.user("op-sakura-bank", Role.ANALYST));
    long hidden =
        filing.create(
            bank,
            new NewReport(
                Fixtures.reportContent(Fixtures.unique("timing")),
                "hotline",
                null,
                false,
                "amber",
                List.of(),
                List.of(),
                false,
                List.of(),
                null),
            true);
    UserAccount attacker = fixtures.user(fixtures.operator("water"), Role.ORG_ADMIN);
    Http api = http().bearer(fixtures.token(attacker));
    Map<String, String> paths = new LinkedHashMap<>();
    paths.put("missing", "/api/v1/reports/" + NEVER);
    paths.put("hidden", "/api/v1/reports/" + hidden);
    Map<String, List<Long>> times = new LinkedHashMap<>();
    paths.keySet().forEach(k -> times.put(k, new ArrayList<>()));
    List<String> order = new ArrayList<>(paths.keySet());
    Random random = new Random(30);
    for (int warm = 0; warm < 20; warm++) {
      paths.values().forEach(api::get);
    }
    for (int round = 0; round < ROUNDS; round++) {
      Collections.shuffle(order, random);
      for (String k : order) {
        long start = System.nanoTime();
        int status = api.get(paths.get(k)).statusCode();
        times.get(k).add(System.nanoTime() - start);
        assertThat(status).as(k).isEqualTo(404);
      }
    }
    double base = quantile(times.get("missing"), 0.5);
    StringBuilder out =
        new StringBuilder(
            "hidden-id timing, GET /api/v1/reports/{id}, " + ROUNDS + " rounds (ms):\n");
    times.forEach(
        (name, t) ->
            out.append(
                String.format(
                    java.util.Locale.ROOT,
                    "  %-8s median %.3f  q1 %.3f  q3 %.3f  ratio %.3f%n",
                    name,
                    quantile(t, 0.5) / 1e6,
                    quantile(t, 0.25) / 1e6,
                    quantile(t, 0.75) / 1e6,
                    quantile(t, 0.5) / base)));
    System.out.println(out);
  }

  private static double quantile(List<Long> values, double q) {
    List<Long> sorted = new ArrayList<>(values);
    Collections.sort(sorted);
    double at = q * (sorted.size() - 1);
    int lo = (int) Math.floor(at);
    int hi = (int) Math.ceil(at);
    return sorted.get(lo) + (sorted.get(hi) - sorted.get(lo)) * (at - lo);
  }
}
