-- Scheduled start of an exercise run (issue 15): the hub's exercise scheduler starts a run that has
-- not started yet once its start time comes; the run's clock starts at that time, so the timeline
-- is the one planned even if the scheduler comes a second late.
alter table exercise_run add column start_at timestamptz;

create index exercise_run_start_idx on exercise_run (start_at)
    where state = 'NOT_STARTED' and start_at is not null;
