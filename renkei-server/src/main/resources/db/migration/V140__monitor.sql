-- Issue 17: web response-time measurement (ウェブサイト応答時間計測). See docs/monitoring.md.

-- Where probes run from: the hub itself, and probe agents (renkei probe) at partner sites or in
-- other regions, each acting with a token of scope 'probe' owned by the agent's account.
create table monitor_vantage (
    id            bigint generated always as identity primary key,
    code          text not null unique check (code ~ '^[a-z0-9][a-z0-9-]{1,62}$'),
    region        text not null default '' check (length(region) <= 100),
    user_id       bigint references app_user on delete set null,
    last_seen_at  timestamptz,
    created_at    timestamptz not null default now()
);
insert into monitor_vantage (code, region) values ('hub', 'hub');

-- A registered public site of an operator.
--   state_tlp:  who may see its state (up / slow / down) — by default the community (GREEN)
--   detail_tlp: who may see its URL, timings and errors — by default the operator only
--   detail_to_coordinators: its CEPTOARs and NISC are addressed recipients of the details (and
--   of its alerts)
create table monitor_site (
    id               bigint generated always as identity primary key,
    organisation_id  bigint not null references organisation,
    name             text not null check (length(name) between 1 and 200),
    url              text not null check (length(url) between 1 and 2000),
    expected_status  int not null default 200 check (expected_status between 100 and 599),
    expected_text    text check (length(expected_text) <= 200),
    interval_seconds int not null default 60 check (interval_seconds between 10 and 3600),
    owner_user_id    bigint references app_user on delete set null,
    state_tlp        text not null default 'green'
                     check (state_tlp in ('amber_strict', 'amber', 'green')),
    detail_tlp       text not null default 'amber_strict'
                     check (detail_tlp in ('amber_strict', 'amber', 'green')),
    detail_to_coordinators boolean not null default false,
    enabled          boolean not null default true,
    state            text not null default 'unknown' check (state in ('unknown', 'up', 'slow', 'down')),
    regional         boolean not null default false,
    state_since      timestamptz,
    created_at       timestamptz not null default now(),
    -- details never go wider than the state
    constraint monitor_detail_within_state check (
        (case detail_tlp when 'amber_strict' then 1 when 'amber' then 2 else 3 end)
        <= (case state_tlp when 'amber_strict' then 1 when 'amber' then 2 else 3 end))
);
create index monitor_site_org_idx on monitor_site (organisation_id);

-- Raw results, one row per probe (after its retries), partitioned by day so retention drops
-- whole days (MonitorRetention creates partitions ahead and drops expired ones).
create table monitor_result (
    site_id        bigint not null,
    vantage_id     bigint not null,
    at             timestamptz not null,
    ok             boolean not null,
    judged         text not null check (judged in ('up', 'slow', 'down')),
    status         int,
    dns_ms         real,
    connect_ms     real,
    tls_ms         real,
    ttfb_ms        real,
    transfer_ms    real,
    total_ms       real,
    attempts       smallint not null default 1,
    error          text,
    cert_not_after timestamptz
) partition by range (at);
create table monitor_result_default partition of monitor_result default;
create index monitor_result_site_at_idx on monitor_result (site_id, at);

-- Hourly rollups per site and vantage point, kept for a year.
create table monitor_rollup (
    site_id     bigint not null references monitor_site on delete cascade,
    vantage_id  bigint not null references monitor_vantage on delete cascade,
    hour        timestamptz not null,
    probes      int not null,
    failures    int not null,
    slow        int not null,
    dns_ms      real,
    connect_ms  real,
    tls_ms      real,
    ttfb_ms     real,
    transfer_ms real,
    total_ms    real,
    total_p95   real,
    primary key (site_id, vantage_id, hour)
);

-- A site's combined state over time (for the timeline and heat map).
create table monitor_state_change (
    site_id  bigint not null references monitor_site on delete cascade,
    at       timestamptz not null,
    state    text not null check (state in ('unknown', 'up', 'slow', 'down')),
    primary key (site_id, at)
);
create index monitor_state_change_at_idx on monitor_state_change (at);

create table monitor_alert (
    id          bigint generated always as identity primary key,
    site_id     bigint not null references monitor_site on delete cascade,
    kind        text not null check (kind in ('down', 'slow', 'cert_expiry')),
    raised_at   timestamptz not null,
    cleared_at  timestamptz,
    detail      text not null default '' check (length(detail) <= 1000)
);
create unique index monitor_alert_open_idx on monitor_alert (site_id, kind) where cleared_at is null;
create index monitor_alert_site_idx on monitor_alert (site_id, raised_at desc);

-- E-mails and webhooks about alerts, sent by MonitorNotifier with retries.
create table monitor_delivery (
    id              bigint generated always as identity primary key,
    alert_id        bigint not null references monitor_alert on delete cascade,
    organisation_id bigint not null references organisation,
    change          text not null check (change in ('raised', 'cleared')),
    channel         text not null check (channel in ('email', 'webhook')),
    target          text not null,
    status          text not null default 'pending' check (status in ('pending', 'sent', 'failed')),
    attempts        int not null default 0,
    next_attempt_at timestamptz not null default now(),
    last_error      text,
    sent_at         timestamptz
);
create index monitor_delivery_due_idx on monitor_delivery (next_attempt_at) where status = 'pending';

-- Probe agents authenticate with tokens of scope 'probe'.
alter table api_token drop constraint api_token_scopes_known;
alter table api_token add constraint api_token_scopes_known
    check (scopes <@ array['read', 'write', 'taxii', 'match', 'admin', 'probe']::text[]
           and cardinality(scopes) > 0);
