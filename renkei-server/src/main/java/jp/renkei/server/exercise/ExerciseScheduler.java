package jp.renkei.server.exercise;

import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** Delivers due injects of running exercises every second (a run is locked while ticked). */
@Component
class ExerciseScheduler {

  private static final Logger log = LoggerFactory.getLogger(ExerciseScheduler.class);

  private final ExerciseService exercises;

  ExerciseScheduler(ExerciseService exercises) {
    this.exercises = exercises;
  }

  @Scheduled(initialDelayString = "5s", fixedDelayString = "${renkei.exercise.tick:1s}")
  void tick() {
    try {
      exercises.tick(Instant.now());
    } catch (RuntimeException e) {
      log.warn("Exercise tick failed: {}", e.toString());
    }
  }
}
