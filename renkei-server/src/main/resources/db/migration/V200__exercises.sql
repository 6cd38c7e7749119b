-- Exercises (issue 15): scenarios (the 状況付与票 as a document the engine reads), runs with their
-- members and clock, the injects each player received, and evaluators' marks. Objects players
-- create with the real flows inside a run carry its id (report.exercise_run_id,
-- advisory.exercise_run_id): every read path of real work leaves them out (sharing.ExerciseScope).

-- Ids are random (as reports' and advisories' since V90): a run's id says nothing about others.
create table exercise_scenario (
    id              bigint primary key default random_id(),
    owner_org_id    bigint not null references organisation,
    title           text not null check (length(title) between 1 and 200),
    document        jsonb not null,
    created_by      bigint references app_user,
    created_at      timestamptz not null default now(),
    updated_at      timestamptz not null default now()
);

create index exercise_scenario_owner_idx on exercise_scenario (owner_org_id, id desc);

create table exercise_run (
    id              bigint primary key default random_id(),
    scenario_id     bigint not null references exercise_scenario,
    owner_org_id    bigint not null references organisation,
    title           text not null check (length(title) between 1 and 200),
    state           text not null check (state in ('NOT_STARTED', 'RUNNING', 'PAUSED', 'STOPPED')),
    speed           int not null check (speed between 1 and 600),
    segments        jsonb not null default '[]',
    email_allowed   boolean not null default false,
    created_by      bigint references app_user,
    created_at      timestamptz not null default now()
);

create index exercise_run_running_idx on exercise_run (state) where state = 'RUNNING';

create table exercise_member (
    run_id          bigint not null references exercise_run on delete cascade,
    user_id         bigint not null references app_user,
    role            text not null check (role in ('controller', 'evaluator', 'player', 'observer')),
    team            text not null default '' check (length(team) <= 100),
    played_role     text not null default '' check (length(played_role) <= 100),
    primary key (run_id, user_id)
);

create index exercise_member_user_idx on exercise_member (user_id);

-- One row per inject of a run once it is sent, skipped or released by the controller.
create table exercise_inject_state (
    run_id          bigint not null references exercise_run on delete cascade,
    inject_key      text not null,
    state           text not null check (state in ('commanded', 'sent', 'skipped')),
    at              timestamptz not null,
    exercise_offset_seconds bigint,
    primary key (run_id, inject_key)
);

-- What reached whom: the exercise inbox, with its read state.
create table exercise_delivery (
    id              bigint generated always as identity primary key,
    run_id          bigint not null references exercise_run on delete cascade,
    inject_key      text not null,
    user_id         bigint not null references app_user,
    delivered_at    timestamptz not null,
    exercise_offset_seconds bigint not null,
    read_at         timestamptz,
    unique (run_id, inject_key, user_id)
);

create index exercise_delivery_user_idx on exercise_delivery (user_id, delivered_at desc);

create table exercise_mark (
    run_id          bigint not null references exercise_run on delete cascade,
    expectation_key text not null,
    team            text not null,
    outcome         text not null check (outcome in ('MET', 'PARTIAL', 'MISSED')),
    note            text check (length(note) <= 2000),
    marked_by       bigint references app_user,
    marked_at       timestamptz not null default now(),
    primary key (run_id, expectation_key, team)
);

alter table report add column exercise_run_id bigint references exercise_run;
alter table advisory add column exercise_run_id bigint references exercise_run;
create index report_exercise_idx on report (exercise_run_id) where exercise_run_id is not null;
create index advisory_exercise_idx on advisory (exercise_run_id) where exercise_run_id is not null;
