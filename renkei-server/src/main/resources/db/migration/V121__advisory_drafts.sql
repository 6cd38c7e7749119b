-- Issue 14, item 7: an advisory being written can be saved as a draft (下書き) and issued later.
-- A draft is not an advisory: it has no audience and reaches nobody; only analysts of the issuing
-- organisation see it. Its fields are kept as the form had them (recipients by organisation code),
-- and are validated only when it is issued. Random ids, like advisories (V90).
create table advisory_draft (
    id                bigint primary key default random_id(),
    issuer_org_id     bigint not null references organisation,
    created_by        bigint references app_user,
    title             text not null default '' check (length(title) <= 200),
    body              text not null default '' check (length(body) <= 20000),
    actions           text not null default '' check (length(actions) <= 5000),
    observables       text not null default '' check (length(observables) <= 100000),
    source_reports    text not null default '' check (length(source_reports) <= 2000),
    tlp               text not null default 'amber',
    urgency           text not null default 'normal',
    confirm_by        timestamptz,
    audience_all      boolean not null default false,
    audience_sectors  text[] not null default '{}',
    audience_types    text[] not null default '{}',
    audience_orgs     text[] not null default '{}',
    updated_at        timestamptz not null default now()
);

create index advisory_draft_issuer_idx on advisory_draft (issuer_org_id, updated_at desc);
