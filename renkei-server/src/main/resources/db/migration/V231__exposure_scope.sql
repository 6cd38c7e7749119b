-- Issue 16: an organisation's declared scope, its verification, and discovery within it.
-- See docs/notice.md (scope and discovery).

create table exposure_scope (
    id              bigint primary key default random_id(),
    organisation_id bigint not null references organisation,
    kind            text not null check (kind in ('domain', 'range')),
    value           text not null check (length(value) between 1 and 253),
    token           text not null,
    declared_by     text not null,
    declared_at     timestamptz not null default now(),
    verified_how    text check (verified_how in ('dns', 'admin')),
    verified_by     text,
    verified_at     timestamptz,
    unique (organisation_id, kind, value),
    constraint exposure_scope_verified check ((verified_how is null) = (verified_at is null))
);

create table discovery_run (
    id              bigint generated always as identity primary key,
    organisation_id bigint not null references organisation,
    kind            text not null check (kind in ('discovery', 'enumeration')),
    started_at      timestamptz not null default now(),
    finished_at     timestamptz,
    probes          int not null default 0,
    found           int not null default 0,
    refused         int not null default 0,
    refusals        text
);
create index discovery_run_org_idx on discovery_run (organisation_id, kind, started_at desc);

-- What discovery found: hosts (names and addresses) and open services, "discovered" until the
-- owner confirms (or dismisses) them.
create table discovery_asset (
    id              bigint primary key default random_id(),
    organisation_id bigint not null references organisation,
    kind            text not null check (kind in ('host', 'service')),
    value           text not null check (length(value) between 1 and 253),
    port            int not null default 0 check (port between 0 and 65535),
    facts           text not null default '{}',
    state           text not null default 'discovered' check (state in ('discovered', 'confirmed', 'dismissed')),
    first_seen      timestamptz not null default now(),
    last_seen       timestamptz not null default now(),
    unique (organisation_id, kind, value, port)
);
