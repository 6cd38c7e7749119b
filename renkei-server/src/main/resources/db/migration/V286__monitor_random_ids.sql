-- Ids that count, for web monitoring (issue 17). monitor_site and monitor_alert had sequential
-- ids, so an analyst who opened /monitor/sites/5 and /monitor/sites/7 but got 404 for 6 learnt
-- that a site it may not see exists, and an operator registering a site learnt how many sites
-- the hub watches; alert ids (/monitor/alerts/{id}/report, webhooks' alertId) counted outages of
-- sites hidden from it the same way. Both now get random ids (random_id(), V90), existing rows
-- too; lists order by creation time with the id as tie-break.
--
-- The same for the 課題 found in exercises (exercise_issue, V210): their ids reach their owner
-- organisation (/exercises/issues/{id}/progress), so an operator following up its own 課題
-- counted the 課題 recorded for other organisations in exercises it never took part in. And for
-- API tokens (api_token, V2): each person sees the ids of its own (/account/tokens/{id}/revoke,
-- DELETE /api/v1/tokens/{id}), which counted every token issued hub-wide, probe agents' included.

-- As in V90: the old id is kept as legacy_id (audit entries written before this migration name
-- it, e.g. exercise.issue.open/closed details, and webhook receivers already hold alertId/siteId values), every foreign key that references
-- tbl is re-created with ON UPDATE CASCADE (found generically), the identity becomes
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

-- monitor_site first: its keys carry the new ids into monitor_alert, monitor_rollup,
-- monitor_state_change and monitor_vantage_site.
select renumber_with_random_ids('monitor_site');
select renumber_with_random_ids('monitor_alert');
select renumber_with_random_ids('exercise_issue');
select renumber_with_random_ids('api_token');

drop function renumber_with_random_ids(regclass);

-- Raw results name their site without a foreign key (a partitioned table, dropped by day): map
-- them through legacy_id. Old ids are below 2^52 and new ones at or above it, so a result of a
-- site deleted earlier (whose old id no site has now) can never be taken for a renumbered one.
update monitor_result r set site_id = s.id from monitor_site s where r.site_id = s.legacy_id;

-- The delivery id is each alert message's idempotency key (Message-ID <monitor-ID@renkei>,
-- webhook delivery id monitor-ID) that recipients see, and counted every alert message the hub
-- sent: new deliveries get random ids. Existing rows keep theirs, as V90 did for the outbox: a
-- receiver already holds the sent ones, and a pending one may already have been sent once under
-- its id (the resend must carry the same key). The send queue orders by time, not id.
alter table monitor_delivery alter column id drop identity;
alter table monitor_delivery alter column id set default random_id();

create index monitor_site_created_idx on monitor_site (created_at, id);
