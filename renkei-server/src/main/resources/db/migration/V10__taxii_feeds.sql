-- Subscriptions to remote TAXII 2.1 collections (another Renkei hub, a national feed): polled on a
-- schedule into a local collection, resumable from a stored added_after cursor.

create table taxii_feed (
    id                  bigint generated always as identity primary key,
    name                text not null unique check (length(name) between 1 and 100),
    -- the remote API root, e.g. https://hub.example.jp/taxii2/api/
    api_root            text not null check (api_root ~ '^https?://'),
    remote_collection   text not null check (length(remote_collection) between 1 and 200),
    auth_kind           text not null default 'none' check (auth_kind in ('none', 'basic', 'bearer')),
    username            text,
    -- the password or token for the remote; never shown again once stored
    secret              text,
    local_collection    uuid not null references stix_collection on delete cascade,
    -- the local organisation the feed's objects are attributed to (it always sees them)
    originator_org      bigint not null references organisation,
    -- the remote's markings, mapped: unmarked objects get default_tlp, and nothing is shared
    -- more widely here than widest_tlp
    default_tlp         text not null default 'AMBER'
        check (default_tlp in ('RED', 'AMBER_STRICT', 'AMBER', 'GREEN', 'CLEAR')),
    widest_tlp          text not null default 'GREEN'
        check (widest_tlp in ('RED', 'AMBER_STRICT', 'AMBER', 'GREEN', 'CLEAR')),
    poll_interval_s     int not null default 300 check (poll_interval_s between 10 and 86400),
    enabled             boolean not null default true,
    -- resume point: the X-TAXII-Date-Added-Last of the last page stored
    added_after         text,
    next_poll_at        timestamptz not null default now(),
    claimed_until       timestamptz,
    last_poll_at        timestamptz,
    last_success_at     timestamptz,
    last_error          text,
    last_error_at       timestamptz,
    failures            int not null default 0,
    objects_received    bigint not null default 0,
    objects_refused     bigint not null default 0,
    created_at          timestamptz not null default now()
);

create index taxii_feed_due_idx on taxii_feed (next_poll_at) where enabled;
