-- People's ids counted the hub's accounts (oracle33). app_user had sequential ids, and an
-- organisation's admin is shown the ids of its own people: POST /api/v1/users answers the new
-- person's id, the people pages link /admin/users/{id}, the audit names its targets user:{id}. Two
-- people added a week apart told how many accounts every other organisation had opened in between,
-- and the first id the size of the hub. People now get random ids (random_id(), V90) as reports did
-- in V90 and sites, alerts, 課題 and tokens in V286; existing people are renumbered.
--
-- As there: the old id is kept as legacy_id (audit entries written before this migration name it,
-- and the audit list resolves them through it), every foreign key that references app_user is
-- re-created with ON UPDATE CASCADE (found generically, so none is missed), the identity becomes
-- default random_id(), and every row is renumbered.
create function renumber_with_random_ids(tbl regclass) returns void language plpgsql as $$
declare
    fk record;
begin
    execute format('alter table %s add column legacy_id bigint unique', tbl);
    execute format('update %s set legacy_id = id', tbl);
    for fk in
        select conname, conrelid::regclass as child, pg_get_constraintdef(oid) as def
        from pg_constraint where contype = 'f' and confrelid = tbl
    loop
        if fk.def ~* 'ON UPDATE' then
            raise exception 'foreign key % on % already has an ON UPDATE action: %',
                fk.conname, fk.child, fk.def;
        end if;
        execute format('alter table %s drop constraint %I', fk.child, fk.conname);
        execute format('alter table %s add constraint %I %s on update cascade',
            fk.child, fk.conname, fk.def);
    end loop;
    execute format('alter table %s alter column id drop identity', tbl);
    execute format('alter table %s alter column id set default random_id()', tbl);
    execute format('update %s set id = random_id()', tbl);
end $$;

select renumber_with_random_ids('app_user');

drop function renumber_with_random_ids(regclass);

-- A TLP:RED report's named recipients are an array without a foreign key: map them through
-- legacy_id (old ids are below 2^52 and new ones at or above it, so none is taken for another).
-- The update fires report_reach_changed (V297), which writes the versions' 'p:<person>' keys anew.
update report r
   set recipient_user_ids = array(
           select coalesce(u.id, old)
             from unnest(r.recipient_user_ids) with ordinality as x(old, n)
             left join app_user u on u.legacy_id = x.old
            order by x.n)
 where r.recipient_user_ids <> '{}';

-- The cascaded originator and issuer columns fired the same triggers; refresh every report and
-- advisory that names a person once more, so no key is left under an old id whatever order the
-- cascades ran in. (C4TAP drafts' 'd:<person>' keys are an expression index: rebuilt as the rows
-- change.)
select report_refresh_reach(id) from report
 where originator_user_id is not null or recipient_user_ids <> '{}';
select advisory_refresh_reach(id) from advisory where issuer_user_id is not null;
