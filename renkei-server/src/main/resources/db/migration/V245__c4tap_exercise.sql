-- A C4TAP share made inside an exercise run (issue 15) carries the run: it is flagged 【訓練】 where it
-- is listed, its STIX bundle carries the exercise marking (jp.renkei.engine.stix.ExerciseMarking),
-- and no collection of real work ever takes it in.
alter table c4tap_submission add column exercise_run_id bigint references exercise_run;
create index c4tap_submission_exercise_idx on c4tap_submission (exercise_run_id)
    where exercise_run_id is not null;
