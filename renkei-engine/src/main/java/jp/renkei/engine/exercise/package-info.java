/**
 * Exercises (分野横断的演習, セプター訓練, BCP 机上演習) as pure functions: a {@link
 * jp.renkei.engine.exercise.Scenario} of phases and injects (状況付与) with expected actions, the
 * {@link jp.renkei.engine.exercise.RunClock} of one run (start, pause, resume, faster than real
 * time, stop), which injects are due ({@link jp.renkei.engine.exercise.InjectSchedule}) and how an
 * expected action is scored ({@link jp.renkei.engine.exercise.Scoring}). No clock is read here:
 * every decision takes the instant it is made at, so a run can be replayed in a test.
 */
package jp.renkei.engine.exercise;
