-- Issue 16: NOTICE-style notification (ISP ranges, notifications, 注意喚起 and outcomes). See docs/notice.md.
-- Ids are random (random_id(), V90): an id says nothing about how many others exist.

-- The registry of IP ranges per ISP (an organisation of the directory). One holder per exact
-- network; overlapping networks are resolved by the longest prefix when a notification is routed.
create table notice_range (
    id          bigint primary key default random_id(),
    isp_id      bigint not null references organisation,
    cidr        text not null unique check (length(cidr) between 3 and 60),
    import_id   bigint,
    created_at  timestamptz not null default now()
);
create index notice_range_isp_idx on notice_range (isp_id);

create table notice_range_import (
    id          bigint generated always as identity primary key,
    ranges      int not null,
    isps        int not null,
    imported_by text not null,
    imported_at timestamptz not null default now()
);

-- Organisations allowed to submit observations (the survey operator, partners); the hub's own
-- checks submit as the hub.
create table notice_reporter (
    organisation_id bigint primary key references organisation,
    source          text not null check (source in ('survey', 'partner')),
    added_at        timestamptz not null default now()
);

-- One submission of observations: a survey import, a partner's API call, or a check of the hub.
create table notice_survey (
    id            bigint primary key default random_id(),
    reporter_id   bigint references organisation,
    source        text not null check (source in ('survey', 'partner', 'hub')),
    label         text check (length(label) <= 200),
    surveyed      bigint not null check (surveyed >= 0),
    month         date not null check (extract(day from month) = 1),
    notified      int not null,
    unrouted      int not null,
    submitted_by  text not null,
    created_at    timestamptz not null default now()
);
create index notice_survey_month_idx on notice_survey (month);

-- A notification: one observation about one address, to whoever holds the address.
create table notice (
    id              bigint primary key default random_id(),
    survey_id       bigint not null references notice_survey on delete cascade,
    holder_id       bigint not null references organisation,
    holder_kind     text not null check (holder_kind in ('isp', 'operator')),
    matched_range   text not null,
    address         text not null check (length(address) <= 45),
    port            int check (port between 1 and 65535),
    protocol        text check (protocol in ('tcp', 'udp')),
    observed_at     timestamptz not null,
    observation     text not null check (length(observation) between 1 and 2000),
    month           date not null,
    warned_at       timestamptz,
    warned_how      text check (warned_how in ('email', 'post', 'phone', 'visit', 'other')),
    outcome         text check (outcome in ('remediated', 'warned', 'not_reachable', 'no_response', 'not_applicable')),
    outcome_note    text check (length(outcome_note) <= 2000),
    outcome_at      timestamptz,
    reminders       int not null default 0,
    reminded_at     timestamptz,
    created_at      timestamptz not null default now()
);
create index notice_holder_idx on notice (holder_id, created_at desc);
create index notice_open_idx on notice (created_at) where outcome is null;
create index notice_month_idx on notice (month);

-- Partners submit with a token of scope 'notice'.
alter table api_token drop constraint api_token_scopes_known;
alter table api_token add constraint api_token_scopes_known
    check (scopes <@ array['read', 'write', 'taxii', 'match', 'admin', 'probe', 'notice']::text[]
           and cardinality(scopes) > 0);
