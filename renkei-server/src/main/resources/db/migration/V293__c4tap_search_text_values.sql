-- C4TAP shares were searched in their whole bundle as JSON text: its keys ("indicator",
-- "spec_version") and the note that explains each red flag (the same sentences in every share with
-- that flag, naming 不正アクセス, 本人確認, ご利用確認, "password" ...) matched in every share, so a
-- search for those words listed every phishing share whether the mail said them or not. A share is
-- now searched by its subject and by what came from the mail: each object's value, display name,
-- name, subject, pattern and hashes, and the findings' evidence (the words the mail itself used).
-- A bundle that is not a JSON object is searched as its text, as before.

drop index c4tap_submission_search_idx;

-- PL/pgSQL rather than one SQL expression: an inlined expression could have the bundle cast to
-- jsonb folded at plan time for a constant bundle, whatever the test in front of it; here the cast
-- is only reached for a bundle that is a JSON object.
create or replace function c4tap_search_text(subject text, bundle text) returns text
    language plpgsql immutable parallel safe
as $$
begin
    if bundle is null or bundle is not json object then
        return coalesce(subject, '') || ' ' || coalesce(bundle, '');
    end if;
    return coalesce(subject, '') || ' ' || coalesce((
        select string_agg(v.value, ' ' order by o.n, v.k)
          from jsonb_array_elements(case when jsonb_typeof(bundle::jsonb -> 'objects') = 'array'
                                         then bundle::jsonb -> 'objects' else '[]' end)
                   with ordinality as o(obj, n),
               lateral (
                   select 1 as k, o.obj ->> 'value' as value
                   union all select 2, o.obj ->> 'display_name'
                   union all select 3, o.obj ->> 'name'
                   union all select 4, o.obj ->> 'subject'
                   union all select 5, o.obj ->> 'pattern'
                   union all select 6, string_agg(h.value, ' ' order by h.key)
                     from jsonb_each_text(case when jsonb_typeof(o.obj -> 'hashes') = 'object'
                                               then o.obj -> 'hashes' else '{}' end) h
                   union all select 7, string_agg(f.e ->> 'evidence', ' ' order by f.i)
                     from jsonb_array_elements(
                              case when jsonb_typeof(o.obj -> 'x_renkei_findings') = 'array'
                                   then o.obj -> 'x_renkei_findings' else '[]' end)
                              with ordinality as f(e, i)
               ) v
         where v.value is not null), '');
end;
$$;

create index c4tap_submission_search_idx on c4tap_submission using gin
    (search_terms(c4tap_search_text(subject, bundle)));
