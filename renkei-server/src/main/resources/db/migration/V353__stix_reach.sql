-- The advisories collection's timing oracle (docs/benchmarks.md, attack23): every organisation
-- reads that collection and each object there is judged under its advisory's own audience, which
-- the page's SQL could not state; so a page walked the collection in seq order and read every
-- object of every advisory, handing each to the policy, which refused those of advisories hidden
-- from the reader one by one. Listing it (TAXII objects and manifest, the object browser, bundle
-- export) cost time in proportion to the objects the reader may not see.
--
-- Here each object of the advisories collection is listed under the reach keys of its advisory
-- (V297's advisory_reach_keys: 'o:<issuer>', 'p:<issuing person>', 'clear', 'r:<recipient>',
-- 'g:<sector|*>:<type|*>'), or 'o:<originator>' alone when it has no advisory (the policy then
-- lets only its originator see it), one row per key. A reader's page walks, for each of its own
-- keys (SearchKeys), that key's objects in seq order, at most a page of them, and merges them:
-- objects sharing no key with the reader are never read, and the cost of a page is bounded by
-- the reader's keys times the page, whatever lies hidden. The keys only narrow: the policy still
-- judges every row they let through. Triggers keep them in the writer's transaction (an object
-- stored or moved, its advisory's marking, audience or recipients changed); StixReachIT tests
-- each of these changes.

create table stix_reach (
    key text not null,
    seq bigint not null references stix_object on delete cascade,
    -- the object's id: "first" and "last" versions are chosen among the versions of one id that
    -- the reader's keys admit (the issuer's identity is in every advisory it publishes)
    stix_id text not null,
    primary key (key, seq)
);
-- the cascade from stix_object, and a refresh, find an object's keys by its seq
create index stix_reach_seq_idx on stix_reach (seq);
create index stix_reach_id_idx on stix_reach (key, stix_id);

-- an object's keys, or none outside the advisories collection
create function stix_reach_keys(collection uuid, advisory bigint, originator bigint)
    returns text[]
    language sql stable
    return case
        when not exists (select 1 from stix_collection c where c.id = collection
                                                           and c.kind = 'advisories')
            then '{}'::text[]
        when advisory is null then array['o:' || originator]
        else coalesce(advisory_reach_keys(advisory), '{}')
    end;

create function stix_reach_inserted() returns trigger
language plpgsql as $$
begin
    insert into stix_reach (key, seq, stix_id)
    select distinct k, n.seq, n.stix_id
      from new_rows n
      join stix_collection c on c.id = n.collection_id and c.kind = 'advisories',
           unnest(stix_reach_keys(n.collection_id, n.source_advisory, n.originator_org)) k
    on conflict do nothing;
    return null;
end
$$;

create trigger stix_reach_inserted after insert on stix_object
    referencing new table as new_rows
    for each statement execute function stix_reach_inserted();

-- one object's keys made what they should be now
create function stix_reach_refresh(object bigint) returns void
language sql as $$
    delete from stix_reach x using stix_object o
     where x.seq = object and o.seq = object
       and (x.stix_id <> o.stix_id
            or not x.key = any(stix_reach_keys(o.collection_id, o.source_advisory,
                                               o.originator_org)));
    insert into stix_reach (key, seq, stix_id)
    select distinct k, o.seq, o.stix_id from stix_object o,
           unnest(stix_reach_keys(o.collection_id, o.source_advisory, o.originator_org)) k
     where o.seq = object
    on conflict do nothing;
$$;

create function stix_reach_moved() returns trigger
language plpgsql as $$
begin
    perform stix_reach_refresh(new.seq);
    return null;
end
$$;

create trigger stix_reach_moved after update of collection_id, source_advisory, originator_org,
    stix_id
    on stix_object for each row execute function stix_reach_moved();

-- an advisory's reach changed (V297's triggers call this): its versions' keys, and now its
-- published objects' keys too
create or replace function advisory_refresh_reach(aid bigint) returns void
language sql as $$
    update advisory_version v set reach_keys = k.keys
      from (select advisory_reach_keys(aid) as keys) k
     where v.advisory_id = aid and k.keys is not null and v.reach_keys is distinct from k.keys;
    delete from stix_reach x using stix_object o
     where o.source_advisory = aid and x.seq = o.seq
       and not x.key = any(stix_reach_keys(o.collection_id, o.source_advisory, o.originator_org));
    insert into stix_reach (key, seq, stix_id)
    select distinct k, o.seq, o.stix_id from stix_object o,
           unnest(stix_reach_keys(o.collection_id, o.source_advisory, o.originator_org)) k
     where o.source_advisory = aid
    on conflict do nothing;
$$;

insert into stix_reach (key, seq, stix_id)
select distinct k, o.seq, o.stix_id
  from stix_object o
  join stix_collection c on c.id = o.collection_id and c.kind = 'advisories',
       unnest(stix_reach_keys(o.collection_id, o.source_advisory, o.originator_org)) k
on conflict do nothing;

analyze stix_reach;
