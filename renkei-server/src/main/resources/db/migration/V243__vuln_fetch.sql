-- Issue 16 (exposure3): the scheduled fetch of vulnerability knowledge from configured URLs
-- (renkei.exposure.fetch.*): per source, the validators of the last answer (conditional GET) and
-- the last attempt's outcome, shown to platform admins on /admin/exposure. A failed fetch changes
-- nothing else: the knowledge stays as it was.

create table vuln_fetch (
    source         text primary key check (source in ('kev', 'epss', 'nvd', 'jvn')),
    url            text not null,
    etag           text,
    last_modified  text,
    attempted_at   timestamptz,
    succeeded_at   timestamptz,
    outcome        text check (outcome in ('imported', 'not_modified', 'failed')),
    detail         text,
    claimed_until  timestamptz
);
