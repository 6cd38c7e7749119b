-- Advisories (情報提供) published as STIX into their own collection: each object there is read
-- under its advisory's audience (recipients, scope, TLP), not a collection community.

alter table stix_collection drop constraint stix_collection_kind_check;
alter table stix_collection add constraint stix_collection_kind_check
    check (kind in ('hub', 'sector', 'organisation', 'advisories', 'custom'));

insert into stix_collection (id, kind, title_ja, title_en, default_tlp) values
    (md5('renkei:collection:advisories')::uuid, 'advisories', '情報提供 (注意喚起)', 'Advisories', 'AMBER');

alter table stix_object add column source_advisory bigint references advisory on delete cascade;
create index stix_object_advisory_idx on stix_object (source_advisory) where source_advisory is not null;
