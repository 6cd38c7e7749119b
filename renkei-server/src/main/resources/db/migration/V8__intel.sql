-- The STIX 2.1 store behind TAXII (issue 4). Objects live in collections; who may read an object
-- is decided by the sharing policy from its TLP, its originator and its collection's community.

create table stix_collection (
    id               uuid primary key,
    kind             text not null check (kind in ('hub', 'sector', 'organisation', 'custom')),
    sector_code      text references sector,
    organisation_id  bigint references organisation on delete cascade,
    title_ja         text not null,
    title_en         text not null,
    -- the TLP of objects that arrive without a TLP marking
    default_tlp      text not null default 'AMBER'
        check (default_tlp in ('RED', 'AMBER_STRICT', 'AMBER', 'GREEN', 'CLEAR')),
    created_at       timestamptz not null default now(),
    constraint collection_kind_fields check (
        (kind = 'sector') = (sector_code is not null)
        and (kind = 'organisation') = (organisation_id is not null))
);

create unique index stix_collection_sector_idx on stix_collection (sector_code) where kind = 'sector';
create unique index stix_collection_org_idx on stix_collection (organisation_id) where kind = 'organisation';

-- Stable ids, so a TAXII client's configuration survives a rebuild of the hub.
insert into stix_collection (id, kind, title_ja, title_en, default_tlp) values
    (md5('renkei:collection:hub')::uuid, 'hub', '全体共有 (TLP:GREEN まで)', 'Hub-wide community', 'GREEN');

insert into stix_collection (id, kind, sector_code, title_ja, title_en, default_tlp)
select md5('renkei:collection:sector:' || code)::uuid, 'sector', code,
       name_ja || '分野', name_en || ' sector', 'GREEN'
from sector where retired_edition is null;

insert into stix_collection (id, kind, organisation_id, title_ja, title_en, default_tlp)
select md5('renkei:collection:organisation:' || code)::uuid, 'organisation', id,
       name_ja || ' (組織内)', name_en || ' (private)', 'AMBER_STRICT'
from organisation;

create function organisation_collection() returns trigger language plpgsql as $$
begin
    insert into stix_collection (id, kind, organisation_id, title_ja, title_en, default_tlp)
    values (md5('renkei:collection:organisation:' || new.code)::uuid, 'organisation', new.id,
            new.name_ja || ' (組織内)', new.name_en || ' (private)', 'AMBER_STRICT');
    return new;
end $$;

create trigger organisation_collection after insert on organisation
    for each row execute function organisation_collection();

create table stix_object (
    seq               bigint generated always as identity primary key,
    collection_id     uuid not null references stix_collection on delete cascade,
    stix_id           text not null,
    type              text not null,
    spec_version      text not null,
    -- modified, else created, else date_added (STIX/TAXII versioning)
    version           timestamptz not null,
    -- unique per collection and strictly increasing with seq, so added_after never skips
    date_added        timestamptz not null,
    created_by_ref    text,
    marking_refs      text[] not null default '{}',
    -- the object-level TLP (narrowest TLP marking, else the collection's default)
    tlp               text not null check (tlp in ('RED', 'AMBER_STRICT', 'AMBER', 'GREEN', 'CLEAR')),
    originator_org    bigint not null references organisation,
    originator_person bigint references app_user,
    revoked           boolean not null default false,
    -- true once the collection holds more than one version of this id: only then must a
    -- "last"/"first" version filter look at the other versions
    multi_version     boolean not null default false,
    body              text not null,
    unique (collection_id, stix_id, version)
);

create index stix_object_page_idx on stix_object (collection_id, seq);
create index stix_object_type_idx on stix_object (collection_id, type, seq);
create index stix_object_added_idx on stix_object (collection_id, date_added);

-- Observable values named by stored objects, in normal form (for correlation and matching).
create table stix_observable (
    seq         bigint not null references stix_object on delete cascade,
    kind        text not null,
    value       text not null,
    -- a domain with its labels reversed (example.evil.www), to find subdomains by a range scan
    rev_domain  text collate "C",
    -- an address or range, to find addresses inside ranges (and ranges around addresses)
    ip          inet
);

create index stix_observable_value_idx on stix_observable (kind, value);
create index stix_observable_seq_idx on stix_observable (seq);
create index stix_observable_rev_idx on stix_observable (rev_domain) where rev_domain is not null;
create index stix_observable_ip_idx on stix_observable using gist (ip inet_ops) where ip is not null;

-- TAXII status resources of POSTed envelopes: only the person who posted may read one.
create table taxii_status (
    id              uuid primary key,
    collection_id   uuid not null references stix_collection on delete cascade,
    person_id       bigint references app_user,
    requested_at    timestamptz not null default now(),
    total_count     int not null,
    success_count   int not null,
    failure_count   int not null,
    successes       text not null,
    failures        text not null
);

-- One secret per hub for opaque TAXII paging tokens (they must not reveal sequence numbers).
create table hub_secret (
    name   text primary key,
    value  bytea not null
);
