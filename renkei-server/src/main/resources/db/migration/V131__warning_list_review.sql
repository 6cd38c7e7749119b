-- Warning-list entries carry why they are there and when a platform admin last reviewed them.
alter table warning_list_entry
    add column note        text check (length(note) <= 500),
    add column reviewed_at timestamptz,
    add column reviewed_by text;

-- go.jp is a public suffix (every ministry and agency holds its domain under it): as a warning-list
-- entry it stopped every government domain, including look-alikes used against them, from ever
-- correlating. Public suffixes are no longer accepted as entries (WarningLists.add).
delete from warning_list_entry
 where kind = 'domain-name' and (value = 'go.jp' or value not like '%.%');
