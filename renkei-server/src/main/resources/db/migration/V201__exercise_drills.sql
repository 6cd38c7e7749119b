-- CEPTOAR drills (セプター訓練, issue 15): a drill is an exercise run played on the real advisory flow
-- (情報提供訓練: NISC → ministry → CEPTOAR → operator) or report flow (情報連絡訓練: operator → CEPTOAR →
-- ministry → NISC). Its numbers are never stored: they are read through the sharing policy from the
-- run's own advisories and reports. Stored here: the drill itself, the contact data each participant
-- had when the drill started (so an unconfirmed row names the duty address that was used, even after
-- 人事異動 changed it), and each participant's self-check sheet (セルフチェックシート).
create table exercise_drill (
    id              bigint primary key default random_id(),
    run_id          bigint not null unique references exercise_run on delete cascade,
    kind            text not null check (kind in ('provision', 'liaison')),
    owner_org_id    bigint not null references organisation,
    created_by      bigint not null references app_user,
    fiscal_year     int not null check (fiscal_year between 2000 and 2999),
    sectors         text[] not null,
    started_at      timestamptz not null default now()
);

create index exercise_drill_owner_idx on exercise_drill (owner_org_id, kind, fiscal_year);

create table exercise_drill_participant (
    drill_id        bigint not null references exercise_drill on delete cascade,
    organisation_id bigint not null references organisation,
    level           text not null check (level in ('ministry', 'ceptoar', 'operator', 'nisc')),
    duty_email      text,
    primary key (drill_id, organisation_id)
);

create index exercise_drill_participant_org_idx on exercise_drill_participant (organisation_id);

create table exercise_drill_selfcheck (
    drill_id        bigint not null references exercise_drill on delete cascade,
    organisation_id bigint not null references organisation,
    answers         boolean[] not null,
    answered_by     bigint not null references app_user,
    answered_at     timestamptz not null,
    primary key (drill_id, organisation_id)
);
