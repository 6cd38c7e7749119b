-- Each organisation's copy of a STIX object is its own (issue 12). Until now a collection held one
-- row per (id, version) whoever posted it: a RED copy posted first made a later GREEN post of the
-- same id by another organisation a no-op ("already stored"), hiding it from everyone, and telling
-- the second writer about an object it could not see. A copy is now keyed by its originator too;
-- readers see an id once, in the newest version they may see.
alter table stix_object drop constraint stix_object_collection_id_stix_id_version_key;
alter table stix_object add constraint stix_object_copy_key
    unique (collection_id, stix_id, version, originator_org);

-- a writer's ids are looked up across every collection (is another organisation's copy visible?)
create index stix_object_id_idx on stix_object (stix_id);

-- The creator of each object id: the organisation whose copy the hub stored first. Only the
-- creator versions or revokes an object (STIX 2.1 §3.6), and only the creator of an indicator
-- is its publisher for sightings; a later copy under the same id by someone else never is.
create table stix_creator (
    stix_id          text primary key,
    organisation_id  bigint not null references organisation on delete cascade
);

insert into stix_creator (stix_id, organisation_id)
select distinct on (stix_id) stix_id, originator_org from stix_object order by stix_id, seq;
