-- Follow-up of a 課題 (exercise_issue, V210) by its owner organisation's users: the latest progress
-- note, who wrote it and when. exercise_issue is created by V210, after this migration on a new
-- database, so the issue id cannot carry a foreign key here; FollowUpRepository deletes nothing
-- and reads the note only joined to its issue.
create table exercise_issue_progress (
    issue_id        bigint primary key,
    note            text not null check (length(note) <= 2000),
    updated_by      bigint references app_user,
    updated_at      timestamptz not null default now()
);
