-- One search box (issue 14): terms of the text a reader sees of reports, advisories, STIX objects
-- and C4TAP shares, indexed with GIN. Japanese has no spaces between words, so runs of kana and
-- kanji become overlapping character bigrams (a two-character word such as 停止 or 障害 is one
-- term; a longer word is the bigrams it contains, checked again against the text so that their
-- order counts); Latin text, numbers and observables (IP addresses, domains, hashes, CVE ids)
-- become whole lower-case tokens. Text is NFKC-normalised first (full-width ＡＢＣ and half-width
-- ｶﾅ read as their usual forms). The index only narrows the candidates: who may see a result is
-- decided by the sharing policy in the application, as on the list pages.

create function search_norm(t text) returns text
    language sql immutable strict parallel safe
    return lower(normalize(t, NFKC));

create function search_terms(t text) returns text[]
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

-- what a report version says, as its readers see it (never the contact person: a relayed copy
-- drops it, and the reporter's name is found through nobody's search)
create function report_search_text(title text, summary text, response text, note text) returns text
    language sql immutable parallel safe
    return coalesce(title, '') || ' ' || coalesce(summary, '') || ' ' || coalesce(response, '')
        || ' ' || coalesce(note, '');

create index report_version_search_idx on report_version using gin
    (search_terms(report_search_text(title, summary, response_status, cascade_note)));

create function advisory_search_text(title text, body text, actions text, observables jsonb)
    returns text language sql immutable parallel safe
    return coalesce(title, '') || ' ' || coalesce(body, '') || ' ' || coalesce(actions, '') || ' '
        || coalesce(observables::text, '');

create index advisory_version_search_idx on advisory_version using gin
    (search_terms(advisory_search_text(title, body, actions, observables)));

-- a STIX object's name, description, pattern and value; objects with granular markings are left
-- out (parts of them may be hidden from a reader who sees the object)
create function stix_search_text(body text) returns text
    language sql immutable parallel safe
    return coalesce(body::jsonb ->> 'name', '') || ' ' || coalesce(body::jsonb ->> 'description', '')
        || ' ' || coalesce(body::jsonb ->> 'pattern', '') || ' ' || coalesce(body::jsonb ->> 'value', '');

create index stix_object_search_idx on stix_object using gin
    (search_terms(stix_search_text(body))) where not granular;

create function c4tap_search_text(subject text, bundle text) returns text
    language sql immutable parallel safe
    return coalesce(subject, '') || ' ' || coalesce(bundle, '');

create index c4tap_submission_search_idx on c4tap_submission using gin
    (search_terms(c4tap_search_text(subject, bundle)));
