-- After an exercise (issue 15): lessons learned by category and the 課題 found, each with the
-- organisation that owns it and a due date, followed up (open/closed) after the run.
create table exercise_lesson (
    id              bigint generated always as identity primary key,
    run_id          bigint not null references exercise_run on delete cascade,
    category        text not null check (category in ('communication', 'decision', 'procedure', 'technical', 'other')),
    body            text not null check (length(body) between 1 and 4000),
    created_by      bigint references app_user,
    created_at      timestamptz not null default now()
);

create index exercise_lesson_run_idx on exercise_lesson (run_id, category, id);

create table exercise_issue (
    id              bigint generated always as identity primary key,
    run_id          bigint not null references exercise_run on delete cascade,
    title           text not null check (length(title) between 1 and 500),
    owner_org_id    bigint not null references organisation,
    due_on          date not null,
    state           text not null default 'open' check (state in ('open', 'closed')),
    created_by      bigint references app_user,
    created_at      timestamptz not null default now(),
    closed_at       timestamptz
);

create index exercise_issue_run_idx on exercise_issue (run_id, state, due_on);
