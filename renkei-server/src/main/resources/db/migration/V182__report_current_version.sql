-- The report list at national scale (issue 14): what the list filters and sorts by in a report's
-- newest version (title, severity, 事象の類型, 原因の類型, its number), kept on the report itself, so
-- that a filter or an order on them reads one indexed table instead of finding the newest of every
-- report's versions per request. Kept by the triggers below in the same transaction as every write
-- to report_version (a first report, a 続報, a relayed anonymised copy, a draft's versions replaced,
-- SQL loads), so no writer can forget it. These columns only narrow and order the candidates: which
-- report a viewer sees is still decided by the sharing policy, row by row.
alter table report
    add column current_version_no          int not null default 0,
    add column current_title               text,
    add column current_severity_code       text,
    add column current_incident_type_code  text,
    add column current_cause_codes         text[] not null default '{}';

create function report_refresh_current(reports bigint[]) returns void
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
$$;

create function report_version_changed() returns trigger
language plpgsql as $$
begin
    if tg_op = 'DELETE' then
        perform report_refresh_current(array(select distinct report_id from old_versions));
    else
        perform report_refresh_current(array(select distinct report_id from new_versions));
    end if;
    return null;
end
$$;

-- one statement-level trigger per event (a trigger with transition tables names one event)
create trigger report_version_inserted after insert on report_version
    referencing new table as new_versions
    for each statement execute function report_version_changed();
create trigger report_version_updated after update on report_version
    referencing new table as new_versions
    for each statement execute function report_version_changed();
create trigger report_version_deleted after delete on report_version
    referencing old table as old_versions
    for each statement execute function report_version_changed();

update report r
   set current_version_no = l.version_no,
       current_title = l.title,
       current_severity_code = l.severity_code,
       current_incident_type_code = l.incident_type_code,
       current_cause_codes = l.cause_codes
  from (select distinct on (report_id) report_id, version_no, title, severity_code,
               incident_type_code, cause_codes
          from report_version
         order by report_id, version_no desc) l
 where l.report_id = r.id;

-- the list's other orders, each followed by the id as its own order is (ReportListing.ORDER)
create index report_title_listed_idx on report ((coalesce(current_title, '')), id);
create index report_severity_listed_idx on report ((coalesce(current_severity_code, '')), id);
create index report_tlp_listed_idx on report ((case tlp when 'clear' then 0 when 'green' then 1
    when 'amber' then 2 when 'amber_strict' then 3 else 4 end), id);
create index report_status_listed_idx on report (status, id);
create index report_sector_id_listed_idx on report (sector_code, id);
