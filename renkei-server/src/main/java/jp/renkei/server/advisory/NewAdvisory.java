package jp.renkei.server.advisory;

import java.util.List;

/**
 * An advisory as written: its content, its marking, and whom it is for — every
 * critical-infrastructure organisation ({@code all}), sectors, organisation types and named
 * organisations (by code) — how urgent it is ({@code normal}, {@code urgent}, {@code immediate};
 * null is normal) and by when recipients should confirm receipt ({@code confirmBy}, optional).
 * {@code exerciseRunId}: the exercise run it is played in (null for real work).
 */
public record NewAdvisory(
    String title,
    String body,
    String actions,
    List<String> observables,
    List<Long> sourceReportIds,
    String tlp,
    Boolean all,
    List<String> sectors,
    List<String> types,
    List<String> organisations,
    String urgency,
    java.time.Instant confirmBy,
    Long exerciseRunId) {

  public NewAdvisory {
    observables = observables == null ? List.of() : List.copyOf(observables);
    sourceReportIds = sourceReportIds == null ? List.of() : List.copyOf(sourceReportIds);
    sectors = sectors == null ? List.of() : List.copyOf(sectors);
    types = types == null ? List.of() : List.copyOf(types);
    organisations = organisations == null ? List.of() : List.copyOf(organisations);
    all = Boolean.TRUE.equals(all);
    urgency = urgency == null || urgency.isBlank() ? "normal" : urgency;
  }
}
