-- Issue 16 (exposure6): exposure operations that survive restarts and re-fetches.
--
-- A discovery run left running when the server stopped (a page-started run is a thread of the
-- server) is marked interrupted, with the time and why, when the server starts again; and one
-- organisation has at most one run in progress at a time (the index refuses a second).
alter table discovery_run add column interrupted_at timestamptz;
alter table discovery_run add column interruption text check (length(interruption) <= 1000);
update discovery_run set interrupted_at = now(), interruption = 'restart'
    where finished_at is null;
create unique index discovery_run_one_running on discovery_run (organisation_id)
    where finished_at is null and interrupted_at is null;

-- The NVD fetch reads only what changed since the last successful fetch (lastModStartDate /
-- lastModEndDate): the end of the last window read whole. A failed fetch leaves it unchanged.
alter table vuln_fetch add column watermark timestamptz;
