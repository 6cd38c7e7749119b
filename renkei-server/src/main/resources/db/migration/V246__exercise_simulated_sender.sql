-- Issue 15: an inject whose 伝達手段 is simulated_advisory becomes a real exercise advisory, shown as
-- coming from the inject's 発信元 (the simulated sender; the organisation of record stays the run's
-- controlling organisation). An inject whose advisory could not be issued still reaches the exercise
-- inbox; the reason it failed is recorded and shown on the controller console.
alter table advisory add column simulated_sender text
    check (simulated_sender is null or (exercise_run_id is not null and length(simulated_sender) <= 200));

alter table exercise_inject_state add column failure_reason text;
