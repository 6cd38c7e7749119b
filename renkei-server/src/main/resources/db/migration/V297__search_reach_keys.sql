-- The search box's timing oracle (docs/benchmarks.md, oracle17): the GIN index of V110 found every
-- report (advisory) version holding a word, and each one's report row was then read to apply the
-- viewer's reach, so a word held only by reports hidden from a viewer cost it time in proportion to
-- how many held it. Here each searched version carries the audience it may reach, as keys, in the
-- same GIN index as its terms: a search asks for its terms AND one of the viewer's keys, and
-- PostgreSQL intersects the posting lists, so versions outside the viewer's reach are never read.
--
-- The keys state SearchRepository's reach condition (Reach#admits) and are never narrower than it:
--   reach_keys   who the object is for: 'o:<org>' its originating organisation; and, unless it is a
--                draft: 'clear' (TLP:CLEAR, not an anonymised original), 'p:<person>' its
--                originating person and named recipients, 'r:<org>' each organisation it has been
--                delivered to, 'g:<sector|*>:<type|*>' TLP:GREEN scoped to those (not an anonymised
--                original; '*' an empty scope list). Exercise objects have none (never searched).
--   reach_allow  whom its exclusions leave in: '*' when it excludes nobody; else 'public', the
--                originator's '=<id>', and keys that together hold every other organisation id
--                but the excluded ones: '<n>' all ids of n bits where no excluded id has n bits,
--                and '<n>:<p>' the n-bit ids starting with the bits p (the siblings, on the path of
--                each excluded n-bit id, of that path, holding no excluded id).
-- A viewer asks with its own keys (SearchKeys) and '*', '=<its id>', '<n>' and every '<n>:<p>' on
-- its id's path (the public: '*' and 'public'), so an excluded organisation shares no allow key
-- with the rows that exclude it. The keys only
-- narrow: the reach condition and the sharing policy still judge every row they let through. They
-- are kept by the triggers below in the writer's transaction (a version written, the report's
-- marking, scope, exclusions, recipients or status changed, a hop delivered), so no writer can
-- forget them; SearchKeysIT tests each of these changes.

-- the bit length of a (positive) id: ids of different lengths differ
create function id_bits(id bigint) returns int
    language sql immutable parallel safe
    return 65 - position('1' in id::bit(64)::text);

create function reach_allow(excluded bigint[], originator bigint) returns text[]
    language sql immutable parallel safe
    return case when cardinality(excluded) = 0 then array['*']
        else array['public', '=' || originator]
            || array(select b::text from generate_series(1, 64) b
                      where not exists (select 1 from unnest(excluded) e where id_bits(e) = b))
            || array(select distinct id_bits(e) || ':' || ((e >> (id_bits(e) - l)) # 1)
                       from unnest(excluded) e, generate_series(2, id_bits(e)) l
                      where not exists (select 1 from unnest(excluded) f
                                         where id_bits(f) = id_bits(e)
                                           and (f >> (id_bits(e) - l)) = ((e >> (id_bits(e) - l)) # 1)))
        end;

-- a TLP:GREEN object's scope as keys (an empty list holds every sector or type)
create function reach_green(sectors text[], types text[]) returns text[]
    language sql immutable parallel safe
    return array(select 'g:' || s || ':' || t
                   from unnest(case when cardinality(sectors) = 0 then array['*'] else sectors end) s,
                        unnest(case when cardinality(types) = 0 then array['*'] else types end) t);

create function report_reach_keys(rid bigint) returns text[]
    language sql stable
    return (select case
        when r.exercise_run_id is not null then '{}'::text[]
        when r.status = 'draft' then array['o:' || r.originator_org_id]
        else array['o:' || r.originator_org_id]
            || case when r.tlp = 'clear' and not r.anonymise then array['clear'] else '{}' end
            || case when r.originator_user_id is null then '{}'
                    else array['p:' || r.originator_user_id] end
            || array(select 'p:' || u from unnest(r.recipient_user_ids) u)
            || array(select 'r:' || h.recipient_org_id from report_hop h
                      where h.report_id = r.id and h.delivered_at is not null)
            || case when r.tlp = 'green' and not r.anonymise
                    then reach_green(r.scope_sectors, r.scope_types) else '{}' end
        end from report r where r.id = rid);

create function report_reach_allow(rid bigint) returns text[]
    language sql stable
    return (select reach_allow(r.excluded_org_ids, r.originator_org_id) from report r
             where r.id = rid);

alter table report_version
    add column reach_keys text[] not null default '{}',
    add column reach_allow text[] not null default '{}';

create function report_version_reach() returns trigger
language plpgsql as $$
begin
    new.reach_keys := coalesce(report_reach_keys(new.report_id), '{}');
    new.reach_allow := coalesce(report_reach_allow(new.report_id), '{}');
    return new;
end
$$;

create trigger report_version_reach before insert or update of report_id on report_version
    for each row execute function report_version_reach();

create function report_refresh_reach(rid bigint) returns void
language sql as $$
    update report_version v set reach_keys = k.keys, reach_allow = k.allow
      from (select report_reach_keys(rid) as keys, report_reach_allow(rid) as allow) k
     where v.report_id = rid and k.keys is not null
       and (v.reach_keys, v.reach_allow) is distinct from (k.keys, k.allow)
$$;

create function report_reach_changed() returns trigger
language plpgsql as $$
begin
    perform report_refresh_reach(new.id);
    return null;
end
$$;

create trigger report_reach_changed after update of originator_org_id, originator_user_id,
    anonymise, tlp, scope_sectors, scope_types, excluded_org_ids, recipient_user_ids, status,
    exercise_run_id on report
    for each row execute function report_reach_changed();

create function report_hop_reach_changed() returns trigger
language plpgsql as $$
begin
    if tg_op <> 'INSERT' then
        perform report_refresh_reach(old.report_id);
    end if;
    if tg_op <> 'DELETE' and (tg_op = 'INSERT' or new.report_id <> old.report_id) then
        perform report_refresh_reach(new.report_id);
    end if;
    return null;
end
$$;

create trigger report_hop_reach_changed after insert or delete or update of report_id,
    recipient_org_id, delivered_at on report_hop
    for each row execute function report_hop_reach_changed();

update report_version v set reach_keys = coalesce(report_reach_keys(v.report_id), '{}'),
                            reach_allow = coalesce(report_reach_allow(v.report_id), '{}');

-- no pending list (fastupdate): a scan would read every version written since the last merge,
-- hidden or not
drop index report_version_search_idx;
create index report_version_search_idx on report_version using gin
    (search_terms(report_search_text(title, summary, response_status, cascade_note)), reach_keys,
     reach_allow) with (fastupdate = off);

-- Advisories: the same, without exclusions (an advisory has none). 'o:<org>' its issuing
-- organisation, 'p:<person>' its issuing person, 'clear', 'r:<org>' each recipient organisation,
-- 'g:…' TLP:GREEN to everyone signed in or scoped.
create function advisory_reach_keys(aid bigint) returns text[]
    language sql stable
    return (select case
        when a.exercise_run_id is not null then '{}'::text[]
        else array['o:' || a.issuer_org_id]
            || case when a.tlp = 'clear' then array['clear'] else '{}' end
            || case when a.issuer_user_id is null then '{}'
                    else array['p:' || a.issuer_user_id] end
            || array(select 'r:' || x.organisation_id from advisory_recipient x
                      where x.advisory_id = a.id)
            || case when a.tlp <> 'green' then '{}'
                    when a.audience_all then array['g:*:*']
                    else reach_green(a.audience_sectors, a.audience_types) end
        end from advisory a where a.id = aid);

alter table advisory_version add column reach_keys text[] not null default '{}';

create function advisory_version_reach() returns trigger
language plpgsql as $$
begin
    new.reach_keys := coalesce(advisory_reach_keys(new.advisory_id), '{}');
    return new;
end
$$;

create trigger advisory_version_reach before insert or update of advisory_id on advisory_version
    for each row execute function advisory_version_reach();

create function advisory_refresh_reach(aid bigint) returns void
language sql as $$
    update advisory_version v set reach_keys = k.keys
      from (select advisory_reach_keys(aid) as keys) k
     where v.advisory_id = aid and k.keys is not null and v.reach_keys is distinct from k.keys
$$;

create function advisory_reach_changed() returns trigger
language plpgsql as $$
begin
    perform advisory_refresh_reach(new.id);
    return null;
end
$$;

create trigger advisory_reach_changed after update of issuer_org_id, issuer_user_id, tlp,
    audience_all, audience_sectors, audience_types, exercise_run_id on advisory
    for each row execute function advisory_reach_changed();

create function advisory_recipient_reach_changed() returns trigger
language plpgsql as $$
begin
    if tg_op <> 'INSERT' then
        perform advisory_refresh_reach(old.advisory_id);
    end if;
    if tg_op <> 'DELETE' and (tg_op = 'INSERT' or new.advisory_id <> old.advisory_id) then
        perform advisory_refresh_reach(new.advisory_id);
    end if;
    return null;
end
$$;

create trigger advisory_recipient_reach_changed after insert or delete
    or update of advisory_id, organisation_id on advisory_recipient
    for each row execute function advisory_recipient_reach_changed();

update advisory_version v set reach_keys = coalesce(advisory_reach_keys(v.advisory_id), '{}');

drop index advisory_version_search_idx;
create index advisory_version_search_idx on advisory_version using gin
    (search_terms(advisory_search_text(title, body, actions, observables)), reach_keys)
    with (fastupdate = off);

-- C4TAP shares: keys from the share's own columns, so an expression of the index (no trigger):
-- 'o:<org>' and 'r:<range>' of a shared share (SearchService asks the policy which ranges the
-- viewer may read); a draft the same under its person, 'd:<person>:' (a draft is its person's
-- alone); none for a share made in an exercise or a draft without a person.
create function c4tap_reach_keys(status text, person bigint, org bigint, range_code text,
                                 exercise bigint) returns text[]
    language sql immutable parallel safe
    return case
        when exercise is not null then '{}'::text[]
        when status <> 'draft' then array['o:' || org, 'r:' || range_code]
        when person is null then '{}'::text[]
        else array['d:' || person || ':o:' || org, 'd:' || person || ':r:' || range_code]
    end;

drop index c4tap_submission_search_idx;
create index c4tap_submission_search_idx on c4tap_submission using gin
    (search_terms(c4tap_search_text(subject, bundle)),
     c4tap_reach_keys(status, originator_person, originator_org, range_code, exercise_run_id))
    with (fastupdate = off);

-- STIX objects: the collection, as a key beside the terms (the readable collections are the
-- viewer's reach; markings within a collection are still read and judged)
drop index stix_object_search_idx;
create index stix_object_search_idx on stix_object using gin
    (search_terms(stix_search_text(body)), (array[collection_id::text])) with (fastupdate = off)
    where not granular;
