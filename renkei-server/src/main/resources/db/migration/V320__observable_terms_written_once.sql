-- The write cost of V316 (docs/benchmarks.md, writecost19). A report version's observable terms
-- were written by the observables' statement trigger after the version itself: every version with
-- observables was written twice, and the second write put a new copy of it in every index of
-- report_version (the words' GIN index among them, its terms computed again; no pending list
-- since V297), and refreshed its report's current columns (V182) although neither changed.
--
-- Now the writer may give a version its observable terms when it inserts it (ReportRepository
-- does: the terms of the values it is about to store), and the triggers rewrite only the versions
-- whose stored terms differ from what their observables give. The triggers still compute the terms
-- of every version whose observables changed, so a writer that gives none, or wrong ones, is
-- corrected in its own statement as before; what a search reads is unchanged. The current columns
-- of a report are rewritten only when they change (a version's reach keys or observable terms
-- rewritten leave them as they were).

create or replace function report_observables_added() returns trigger
language plpgsql as $$
begin
    update report_version v set observable_terms = t.terms
      from (select x.id, report_observable_terms(x.id) as terms
              from (select distinct version_id as id from added_observables) x) t
     where v.id = t.id and v.observable_terms is distinct from t.terms;
    return null;
end
$$;

create or replace function report_observables_removed() returns trigger
language plpgsql as $$
begin
    update report_version v set observable_terms = t.terms
      from (select x.id, report_observable_terms(x.id) as terms
              from (select distinct version_id as id from removed_observables) x) t
     where v.id = t.id and v.observable_terms is distinct from t.terms;
    return null;
end
$$;

create or replace function report_refresh_current(reports bigint[]) returns void
language sql as $$
    update report r
       set current_version_no = coalesce(v.version_no, 0),
           current_title = v.title,
           current_severity_code = v.severity_code,
           current_incident_type_code = v.incident_type_code,
           current_cause_codes = coalesce(v.cause_codes, '{}')
      from (select x.id, l.version_no, l.title, l.severity_code, l.incident_type_code,
                   l.cause_codes
              from unnest(reports) as x(id)
              left join lateral (select version_no, title, severity_code, incident_type_code,
                                        cause_codes
                                   from report_version
                                  where report_id = x.id
                                  order by version_no desc limit 1) l on true) v
     where r.id = v.id
       and (r.current_version_no, r.current_title, r.current_severity_code,
            r.current_incident_type_code, r.current_cause_codes)
           is distinct from (coalesce(v.version_no, 0), v.title, v.severity_code,
                             v.incident_type_code, coalesce(v.cause_codes, '{}'))
$$;
