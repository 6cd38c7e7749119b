-- 情報提供 (advisories): one identity, versions in one thread, fanned out to recipient organisations
-- with per-recipient acknowledgement (疎通確認), and a durable outbox for e-mail and webhooks.

create table advisory (
    id                bigint generated always as identity primary key,
    issuer_org_id     bigint not null references organisation,
    issuer_user_id    bigint references app_user,
    tlp               text not null check (tlp in ('red', 'amber_strict', 'amber', 'green', 'clear')),
    audience_all      boolean not null default false,
    audience_sectors  text[] not null default '{}',
    audience_types    text[] not null default '{}',
    audience_org_ids  bigint[] not null default '{}',
    status            text not null check (status in ('active', 'withdrawn')),
    created_at        timestamptz not null default now()
);

create table advisory_version (
    id                  bigint generated always as identity primary key,
    advisory_id         bigint not null references advisory on delete cascade,
    version_no          int not null,
    kind                text not null check (kind in ('initial', 'update', 'correction', 'withdrawal')),
    title               text not null check (length(title) between 1 and 200),
    body                text not null check (length(body) between 1 and 20000),
    actions             text,
    observables         jsonb not null default '[]',
    source_report_ids   bigint[] not null default '{}',
    created_by          bigint references app_user,
    created_at          timestamptz not null default now(),
    fanned_out_at       timestamptz,
    unique (advisory_id, version_no)
);

create index advisory_version_pending_idx on advisory_version (fanned_out_at) where fanned_out_at is null;

-- One row per recipient organisation: its inbox entry and its receipt confirmation.
create table advisory_recipient (
    advisory_id       bigint not null references advisory on delete cascade,
    organisation_id   bigint not null references organisation,
    level             text not null check (level in ('ministry', 'ceptoar', 'operator', 'other')),
    delivered_at      timestamptz not null,
    version_no        int not null,
    acknowledged_at   timestamptz,
    acknowledged_by   bigint references app_user,
    acknowledged_version int,
    reminded_at       timestamptz,
    primary key (advisory_id, organisation_id)
);

create index advisory_recipient_org_idx on advisory_recipient (organisation_id, delivered_at desc);

-- Deliveries to outside systems. Written in the fan-out's transaction; a sender claims rows with
-- SKIP LOCKED. The unique key makes a repeated fan-out a no-op; the row id is sent as the message's
-- idempotency key so a receiver can drop the rare resend after a crash between send and commit.
create table outbox (
    id              bigint generated always as identity primary key,
    advisory_id     bigint not null references advisory on delete cascade,
    version_no      int not null,
    organisation_id bigint not null references organisation,
    channel         text not null check (channel in ('email', 'webhook')),
    target          text not null,
    purpose         text not null check (purpose in ('delivery', 'reminder')),
    round           int not null default 0,
    status          text not null default 'pending' check (status in ('pending', 'sent', 'failed')),
    attempts        int not null default 0,
    next_attempt_at timestamptz not null default now(),
    last_error      text,
    sent_at         timestamptz,
    created_at      timestamptz not null default now(),
    unique (advisory_id, version_no, organisation_id, channel, purpose, round, target)
);

create index outbox_pending_idx on outbox (next_attempt_at) where status = 'pending';

alter table organisation add column webhook_url text;
alter table organisation add column webhook_secret text;
