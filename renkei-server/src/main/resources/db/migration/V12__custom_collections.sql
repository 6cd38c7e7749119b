-- Configurable collections (a task force, an exercise, a cross-sector working group): shared by the
-- organisations named as its members, created by platform admins.

alter table stix_collection add column member_orgs bigint[] not null default '{}';
