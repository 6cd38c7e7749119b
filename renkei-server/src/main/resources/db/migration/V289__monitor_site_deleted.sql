-- Whose a deleted monitored site was, so that the audit log can still show the site's own
-- organisation the entries about it (registered, changed, deleted) after the site is gone, and
-- nobody else (the URL in those entries is a detail only the site's organisation sees).
create table monitor_site_deleted (
    site_id bigint primary key,
    organisation_id bigint not null references organisation (id),
    deleted_at timestamptz not null default now()
);
