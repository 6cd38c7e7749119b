-- Follow-up of a 課題 (exercise_issue, V210) by its owner organisation's users: the latest progress
-- note, who wrote it and when. The note goes with its issue when the issue is deleted.
create table exercise_issue_progress (
    issue_id        bigint primary key references exercise_issue on delete cascade,
    note            text not null check (length(note) <= 2000),
    updated_by      bigint references app_user,
    updated_at      timestamptz not null default now()
);
