package jp.renkei.engine.exercise;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The clock of one run: real time mapped to exercise time (the offsets of the 状況付与票). It starts,
 * pauses (the rest of the timeline shifts by the pause), resumes, changes speed (a rehearsal runs
 * faster than real time) and stops. Immutable: every transition returns a new clock, and the
 * segments it ran in are kept so that any past real instant maps to the exercise time it had.
 *
 * @param state where the run stands
 * @param speed exercise seconds per real second, 1 to {@value #MAX_SPEED}
 * @param segments the periods it ran, oldest first; only the last may be open (end null)
 */
public record RunClock(State state, int speed, List<Segment> segments) {

  public static final int MAX_SPEED = 600;

  /** Where a run stands. */
  public enum State {
    NOT_STARTED,
    RUNNING,
    PAUSED,
    STOPPED
  }

  /**
   * A period of running: from {@code realStart} (exercise time {@code exerciseStart}) to {@code
   * realEnd}, or open while running.
   */
  public record Segment(Instant realStart, Instant realEnd, Duration exerciseStart, int speed) {
    public Segment {
      Objects.requireNonNull(realStart, "realStart");
      Objects.requireNonNull(exerciseStart, "exerciseStart");
      if (realEnd != null && realEnd.isBefore(realStart)) {
        throw new IllegalArgumentException("a segment ends before it starts");
      }
    }

    Duration elapsedAt(Instant t) {
      Instant until = realEnd != null && t.isAfter(realEnd) ? realEnd : t;
      if (until.isBefore(realStart)) {
        return exerciseStart;
      }
      return exerciseStart.plus(Duration.between(realStart, until).multipliedBy(speed));
    }
  }

  /** A transition the run's state does not allow (e.g. resuming a run that is not paused). */
  public static final class IllegalTransition extends IllegalStateException {
    private static final long serialVersionUID = 1L;
    private final State from;

    IllegalTransition(State from, String action) {
      super("cannot " + action + " a run that is " + from);
      this.from = from;
    }

    public State from() {
      return from;
    }
  }

  public RunClock {
    Objects.requireNonNull(state, "state");
    checkSpeed(speed);
    segments = List.copyOf(segments);
    for (int i = 0; i + 1 < segments.size(); i++) {
      if (segments.get(i).realEnd() == null) {
        throw new IllegalArgumentException("only the last segment may be open");
      }
    }
    boolean open = !segments.isEmpty() && segments.get(segments.size() - 1).realEnd() == null;
    if (open != (state == State.RUNNING)) {
      throw new IllegalArgumentException("a clock has an open segment exactly while running");
    }
  }

  private static void checkSpeed(int speed) {
    if (speed < 1 || speed > MAX_SPEED) {
      throw new IllegalArgumentException("speed must be between 1 and " + MAX_SPEED);
    }
  }

  /** A clock not started yet, at {@code speed}. */
  public static RunClock notStarted(int speed) {
    return new RunClock(State.NOT_STARTED, speed, List.of());
  }

  public RunClock start(Instant now) {
    require(State.NOT_STARTED, "start");
    return new RunClock(
        State.RUNNING, speed, List.of(new Segment(now, null, Duration.ZERO, speed)));
  }

  public RunClock pause(Instant now) {
    require(State.RUNNING, "pause");
    return new RunClock(State.PAUSED, speed, closed(now));
  }

  public RunClock resume(Instant now) {
    require(State.PAUSED, "resume");
    List<Segment> s = new ArrayList<>(segments);
    s.add(new Segment(now, null, elapsed(now), speed));
    return new RunClock(State.RUNNING, speed, s);
  }

  /** The same run at another speed from {@code now} on; what has run keeps its time. */
  public RunClock withSpeed(Instant now, int newSpeed) {
    checkSpeed(newSpeed);
    if (state == State.STOPPED) {
      throw new IllegalTransition(state, "change the speed of");
    }
    if (state != State.RUNNING) {
      return new RunClock(state, newSpeed, segments);
    }
    List<Segment> s = new ArrayList<>(closed(now));
    s.add(new Segment(now, null, elapsed(now), newSpeed));
    return new RunClock(State.RUNNING, newSpeed, s);
  }

  public RunClock stop(Instant now) {
    if (state == State.STOPPED) {
      throw new IllegalTransition(state, "stop");
    }
    if (state == State.PAUSED) {
      // the stop's instant is kept as a segment of no length, so that what was done during the
      // pause before it is told from what was done after the run was over
      List<Segment> s = new ArrayList<>(segments);
      Instant end = s.get(s.size() - 1).realEnd();
      Instant at = now.isBefore(end) ? end : now;
      s.add(new Segment(at, at, elapsed(at), speed));
      return new RunClock(State.STOPPED, speed, s);
    }
    return new RunClock(State.STOPPED, speed, state == State.RUNNING ? closed(now) : segments);
  }

  private List<Segment> closed(Instant now) {
    List<Segment> s = new ArrayList<>(segments);
    Segment last = s.remove(s.size() - 1);
    Instant end = now.isBefore(last.realStart()) ? last.realStart() : now;
    s.add(new Segment(last.realStart(), end, last.exerciseStart(), last.speed()));
    return s;
  }

  private void require(State expected, String action) {
    if (state != expected) {
      throw new IllegalTransition(state, action);
    }
  }

  /**
   * Exercise time at real instant {@code t}: zero before the start, frozen while paused and after
   * the stop.
   */
  public Duration elapsed(Instant t) {
    Duration at = Duration.ZERO;
    for (Segment s : segments) {
      if (t.isBefore(s.realStart())) {
        break;
      }
      at = s.elapsedAt(t);
    }
    return at;
  }

  /**
   * When exercise time {@code offset} is (or was) reached in real time: empty if the run has not
   * reached it and is not running toward it now (not started, paused or stopped).
   */
  public Optional<Instant> realInstantOf(Duration offset) {
    for (Segment s : segments) {
      Instant end = s.realEnd();
      Duration segmentEnd = end == null ? null : s.elapsedAt(end);
      if (offset.compareTo(s.exerciseStart()) >= 0
          && (segmentEnd == null || offset.compareTo(segmentEnd) <= 0)) {
        Duration real = offset.minus(s.exerciseStart()).dividedBy(s.speed());
        return Optional.of(s.realStart().plus(real));
      }
    }
    return Optional.empty();
  }

  /**
   * Whether real instant {@code t} is after the run was stopped: an action then was taken once the
   * exercise was over (its exercise time is frozen at the stop, so it would read as taken in the
   * run's last moment).
   */
  public boolean over(Instant t) {
    if (state != State.STOPPED || segments.isEmpty()) {
      return false;
    }
    Instant stop = segments.get(segments.size() - 1).realEnd();
    return stop != null && t.isAfter(stop);
  }

  /** When the run first started, if it has. */
  public Optional<Instant> startedAt() {
    return segments.isEmpty() ? Optional.empty() : Optional.of(segments.get(0).realStart());
  }
}
