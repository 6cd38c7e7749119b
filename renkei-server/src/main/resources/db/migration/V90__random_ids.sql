-- Ids that count (issue 12, item 5). Reports, advisories, C4TAP shares and correlations had
-- sequential ids, so a reader who saw /reports/41 and then /reports/47 learnt that five reports it
-- may not see were filed in between. Their ids are now random, for existing rows too; lists order
-- by creation time with the id as tie-break instead of by id.
--
-- This migration must run after every other one (other migrations use lower numbers), so that the
-- foreign keys they added are found and re-created below.

-- 52 random bits with 2^52 set: 16 decimal digits in [2^52, 2^53), exactly representable as a
-- JavaScript/JSON double, never equal to an old (small) id. The bits come from gen_random_uuid()
-- (pg_strong_random), skipping the UUID's fixed version nibble: hex digits 1-12 and 14.
create function random_id() returns bigint language sql volatile parallel safe as $$
    select 4503599627370496
        + ('x' || substr(h, 1, 12) || substr(h, 14, 1))::bit(52)::bigint
    from (select replace(gen_random_uuid()::text, '-', '') as h) u
$$;

-- Gives tbl random ids: the old id is kept as legacy_id (audit entries written before this
-- migration and STIX ids derived from it name it), every foreign key that references tbl is
-- re-created with ON UPDATE CASCADE (found generically, so keys other migrations added are
-- followed too), the identity becomes default random_id(), and every row is renumbered.
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

select renumber_with_random_ids('report');
select renumber_with_random_ids('advisory');
select renumber_with_random_ids('c4tap_submission');
select renumber_with_random_ids('correlation');

drop function renumber_with_random_ids(regclass);

-- Source reports cited by advisory versions are an array, not a foreign key: map each element
-- through report.legacy_id (keeping order, and an id that names no report as it was).
update advisory_version v
   set source_report_ids = array(
        select coalesce(r.id, s.old)
        from unnest(v.source_report_ids) with ordinality as s(old, n)
        left join report r on r.legacy_id = s.old
        order by s.n)
 where cardinality(v.source_report_ids) > 0;

-- The outbox id is each message's idempotency key (Message-ID, X-Renkei-Delivery) that recipients
-- see, so new messages get random ids too. Existing rows keep theirs: receivers already hold the
-- sent ones, and a pending one may already have been sent once under its id (the resend must
-- carry the same key). The send queue orders by time, not id.
alter table outbox alter column id drop identity;
alter table outbox alter column id set default random_id();

-- Newest first, by creation time with the id as tie-break (keyset paging).
create index report_created_idx on report (created_at desc, id desc);
create index advisory_created_idx on advisory (created_at desc, id desc);
create index correlation_first_seen_idx on correlation (first_seen desc, id desc);
