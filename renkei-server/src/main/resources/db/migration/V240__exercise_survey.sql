-- 事後アンケート (issue 15): one questionnaire per run, attached by a controller, answered by the
-- run's players after it ends (one answer each, editable while the questionnaire is open). An
-- answer is anonymous unless its author agreed to be named (named = true).
create table exercise_survey (
    run_id          bigint primary key references exercise_run on delete cascade,
    questions       jsonb not null,
    state           text not null default 'open' check (state in ('open', 'closed')),
    created_by      bigint references app_user,
    created_at      timestamptz not null default now(),
    closed_at       timestamptz
);

create table exercise_survey_answer (
    run_id          bigint not null references exercise_survey on delete cascade,
    user_id         bigint not null references app_user,
    answers         jsonb not null,
    named           boolean not null default false,
    updated_at      timestamptz not null default now(),
    primary key (run_id, user_id)
);
