-- Domain pivots (leftovers19): a search for a domain finds every subdomain of it, as an analyst
-- pivoting on a phishing domain expects (login-verify.top finds a share naming
-- bank.co.jp.login-verify.top). The index terms of a text now also hold, for each token that is a
-- domain, the domains it lies under (down to two labels: co.jp.login-verify.top, jp.login-verify.top,
-- login-verify.top; never a lone top-level label), and for a URL or an e-mail address its host and
-- the domains that host lies under. They sit in the same GIN indexes as the words, beside the reach
-- keys (V297), so a domain search intersects them with the viewer's keys and never reads a version
-- outside its reach. A query is taken apart into its words only (search_words): the parents are an
-- index's side, a query for bank.co.jp.login-verify.top still asks for that domain.
--
-- Reports' observables (report_observable) were found by a btree on their exact value and each
-- matching version was read to test its keys, so the time of an exact search grew with the hidden
-- reports naming the observable (docs/benchmarks.md, oracle17). Each version now carries its
-- observables' terms (observable_terms, kept by the triggers below), in the words' GIN index beside
-- the reach keys.

-- the words of a text (V110's search_terms): what a query asks for
create function search_words(t text) returns text[]
    language sql immutable strict parallel safe
begin atomic
    select coalesce(array_agg(distinct term), '{}'::text[]) from (
        select m[1] as term
          from regexp_matches(search_norm(t), '([a-z0-9](?:[a-z0-9._:@/-]*[a-z0-9])?)', 'g') as m
        union all
        select substr(m[1], i, 2)
          from regexp_matches(search_norm(t),
                 '([\u3005\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]+)', 'g') as m,
               generate_series(1, greatest(length(m[1]) - 1, 1)) as i
    ) terms;
end;

-- the host a word names: a URL's (after any user part, before any port or path), an e-mail
-- address's domain, else the word itself
create function search_host(word text) returns text
    language sql immutable strict parallel safe
    return case
        when word ~ '^[a-z][a-z0-9+.-]*://'
            then substring(word from '^[a-z][a-z0-9+.-]*://(?:[^/@]*@)?([^/:@]+)')
        when word ~ '^[^@/:]+@[^@/:]+$' then substring(word from '@([^@]+)$')
        else word
    end;

-- the domains a domain of three labels or more lies under, down to two labels; none for anything
-- else (an IPv4 address, a version number: the last label must start with a letter)
create function domain_parents(host text) returns text[]
    language sql immutable strict parallel safe
    return case
        when host ~ '^[a-z0-9-]+(\.[a-z0-9-]+){2,}$' and host ~ '\.[a-z][a-z0-9-]*$'
            then array(select array_to_string((string_to_array(host, '.'))[i:], '.')
                         from generate_series(2, cardinality(string_to_array(host, '.')) - 1) i)
        else '{}'::text[]
    end;

-- what a text is indexed by: its words, the hosts its URLs and addresses name, and the domains
-- each of those lies under
create or replace function search_terms(t text) returns text[]
    language sql immutable strict parallel safe
begin atomic
    select coalesce(array_agg(distinct term), '{}'::text[])
      from unnest(search_words(t)) as w(word),
           lateral (select search_host(w.word) as host) h,
           lateral unnest(array[w.word, h.host] || coalesce(domain_parents(h.host), '{}'::text[]))
               as term
     where term is not null;
end;

-- the indexes computed with V110's terms: computed again (reports' below, with their observables)
reindex index advisory_version_search_idx;
reindex index stix_object_search_idx;
reindex index c4tap_submission_search_idx;

-- Reports' observables, as terms of their version beside its reach keys
alter table report_version add column observable_terms text[] not null default '{}';

create function report_observable_terms(vid bigint) returns text[]
    language sql stable
    return (select coalesce(array_agg(distinct t), '{}'::text[])
              from report_observable o, unnest(search_terms(o.value)) t
             where o.version_id = vid);

create function report_observables_added() returns trigger
language plpgsql as $$
begin
    update report_version v set observable_terms = report_observable_terms(v.id)
     where v.id in (select version_id from added_observables);
    return null;
end
$$;

create function report_observables_removed() returns trigger
language plpgsql as $$
begin
    update report_version v set observable_terms = report_observable_terms(v.id)
     where v.id in (select version_id from removed_observables);
    return null;
end
$$;

-- one statement-level trigger per event (a trigger with transition tables names one event); an
-- update is a removal and an addition
create trigger report_observable_added after insert on report_observable
    referencing new table as added_observables
    for each statement execute function report_observables_added();
create trigger report_observable_removed after delete on report_observable
    referencing old table as removed_observables
    for each statement execute function report_observables_removed();
create trigger report_observable_updated_new after update on report_observable
    referencing new table as added_observables
    for each statement execute function report_observables_added();
create trigger report_observable_updated_old after update on report_observable
    referencing old table as removed_observables
    for each statement execute function report_observables_removed();

update report_version v set observable_terms = report_observable_terms(v.id)
 where exists (select 1 from report_observable o where o.version_id = v.id);

-- in the words' index rather than one of their own: an index of observables and reach keys alone
-- is smaller, and the planner took it to scan a viewer's every reachable version for a word,
-- computing each one's terms
drop index report_version_search_idx;
create index report_version_search_idx on report_version using gin
    (search_terms(report_search_text(title, summary, response_status, cascade_note)),
     observable_terms, reach_keys, reach_allow) with (fastupdate = off);
