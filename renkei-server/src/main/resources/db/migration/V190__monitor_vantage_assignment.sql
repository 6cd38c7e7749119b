-- Issue 17: vantage points registered by the platform administrator (UI and API) and the sites
-- each one probes. See docs/monitoring.md.

-- all_sites: the agent probes every monitored site (the default); otherwise only the sites listed
-- in monitor_vantage_site.
alter table monitor_vantage add column all_sites boolean not null default true;

create table monitor_vantage_site (
    vantage_id  bigint not null references monitor_vantage on delete cascade,
    site_id     bigint not null references monitor_site on delete cascade,
    primary key (vantage_id, site_id)
);
create index monitor_vantage_site_site_idx on monitor_vantage_site (site_id);
