-- 情報連絡 (reports). A report is an identity with an audience and a route; its content lives in
-- immutable versions (第一報, 続報, 最終報); hops are the inboxes along the route. Who may read any of
-- it is decided by the engine's SharingPolicy from these columns, never by SQL alone.

create table report (
    id                  bigint generated always as identity primary key,
    originator_org_id   bigint not null references organisation,
    originator_user_id  bigint references app_user,
    sector_code         text not null references sector,
    route               text not null check (route in ('ceptoar', 'hotline')),
    ceptoar_id          bigint references organisation,
    anonymise           boolean not null default false,
    tlp                 text not null check (tlp in ('red', 'amber_strict', 'amber', 'green', 'clear')),
    scope_sectors       text[] not null default '{}',
    scope_types         text[] not null default '{}',
    excluded_org_ids    bigint[] not null default '{}',
    recipient_user_ids  bigint[] not null default '{}',
    status              text not null check (status in ('draft', 'submitted', 'closed')),
    created_at          timestamptz not null default now(),
    submitted_at        timestamptz,
    constraint ceptoar_route_names_ceptoar check ((route = 'ceptoar') = (ceptoar_id is not null))
);

create index report_originator_idx on report (originator_org_id);
create index report_status_idx on report (status, submitted_at);

create table report_version (
    id                    bigint generated always as identity primary key,
    report_id             bigint not null references report on delete cascade,
    version_no            int not null,
    kind                  text not null check (kind in ('first', 'followup', 'final')),
    title                 text not null check (length(title) between 1 and 200),
    summary               text not null check (length(summary) between 1 and 20000),
    occurred_at           timestamptz,
    detected_at           timestamptz not null,
    incident_type_code    text not null,
    cause_codes           text[] not null default '{}',
    service_outage        text not null check (service_outage in ('yes', 'no', 'unknown')),
    severity_code         text not null,
    response_status       text,
    cascade_possibility   text not null check (cascade_possibility in ('yes', 'no', 'unknown')),
    cascade_note          text,
    reporting_case_code   text not null,
    contact_unit          text,
    contact_person        text,
    contact_phone         text,
    contact_email         text,
    created_by            bigint references app_user,
    created_at            timestamptz not null default now(),
    unique (report_id, version_no)
);

create table report_observable (
    version_id  bigint not null references report_version on delete cascade,
    position    int not null,
    type        text not null,
    value       text not null,
    original    text not null,
    primary key (version_id, position)
);

create index report_observable_value_idx on report_observable (type, value);

-- One inbox row per organisation on the route, in order. delivered_at is null until the previous hop
-- forwards; until then the organisation is not a recipient and cannot see the report.
create table report_hop (
    id              bigint generated always as identity primary key,
    report_id       bigint not null references report on delete cascade,
    hop_order       int not null,
    kind            text not null check (kind in ('ceptoar', 'ministry', 'nisc')),
    recipient_org_id bigint not null references organisation,
    delivered_at    timestamptz,
    read_at         timestamptz,
    forwarded_at    timestamptz,
    forwarded_by    bigint references app_user,
    unique (report_id, hop_order),
    unique (report_id, recipient_org_id)
);

create index report_hop_recipient_idx on report_hop (recipient_org_id, delivered_at);

create table report_comment (
    id          bigint generated always as identity primary key,
    report_id   bigint not null references report on delete cascade,
    org_id      bigint not null references organisation,
    user_id     bigint references app_user,
    body        text not null check (length(body) between 1 and 5000),
    created_at  timestamptz not null default now()
);
