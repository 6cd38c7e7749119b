/**
 * After an exercise: the figures of the after-action report (time-to-action distribution, where
 * scores fell against earlier runs of the same scenario). Pure functions over a run's scores.
 */
package jp.renkei.engine.exercise.review;
