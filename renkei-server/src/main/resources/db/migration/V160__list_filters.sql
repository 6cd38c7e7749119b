-- The report list's filters and order (issue 14): the default order is the submission time (the
-- creation time of a draft), newest first, then the id; a sector filter walks the same order within
-- its sector. Which listed report a viewer sees is still decided by the sharing policy, row by row.
create index report_listed_idx on report ((coalesce(submitted_at, created_at)) desc, id desc);
create index report_sector_listed_idx on report (sector_code, (coalesce(submitted_at, created_at)) desc, id desc);
