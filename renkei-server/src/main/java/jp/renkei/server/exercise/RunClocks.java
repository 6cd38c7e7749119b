package jp.renkei.server.exercise;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import jp.renkei.engine.exercise.RunClock;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** A run's clock as stored: its state, speed and segments (JSON in {@code exercise_run}). */
final class RunClocks {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  private RunClocks() {}

  /** One stored segment; times as ISO-8601 instants, exercise start in seconds. */
  record StoredSegment(String realStart, String realEnd, long exerciseStartSeconds, int speed) {}

  static RunClock read(ExerciseRepository.RunRow run) {
    List<StoredSegment> stored =
        JSON.readValue(run.segments(), new TypeReference<List<StoredSegment>>() {});
    return new RunClock(
        RunClock.State.valueOf(run.state()),
        run.speed(),
        stored.stream()
            .map(
                s ->
                    new RunClock.Segment(
                        Instant.parse(s.realStart()),
                        s.realEnd() == null ? null : Instant.parse(s.realEnd()),
                        Duration.ofSeconds(s.exerciseStartSeconds()),
                        s.speed()))
            .toList());
  }

  static String segments(RunClock clock) {
    return JSON.writeValueAsString(
        clock.segments().stream()
            .map(
                s ->
                    new StoredSegment(
                        s.realStart().toString(),
                        s.realEnd() == null ? null : s.realEnd().toString(),
                        s.exerciseStart().toSeconds(),
                        s.speed()))
            .toList());
  }
}
