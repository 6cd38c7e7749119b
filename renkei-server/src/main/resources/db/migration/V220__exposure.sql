-- Issue 16: exposure (asset inventories, KEV-first vulnerability matching, SSVC). See docs/exposure.md.

-- Vulnerability knowledge, shared by the hub (public sources: CISA KEV, CVE JSON 5, FIRST EPSS).
create table vuln_kev (
    cve_id            text primary key check (cve_id ~ '^CVE-[0-9]{4}-[0-9]{4,9}$'),
    vendor_project    text not null,
    product           text not null,
    name              text,
    date_added        date not null,
    due_date          date,
    ransomware        text,
    short_description text,
    required_action   text,
    catalog_version   text,
    imported_at       timestamptz not null default now()
);

-- One CVE JSON 5 record as received (re-read by the engine's CveReader when knowledge is loaded).
create table vuln_cve (
    cve_id       text primary key check (cve_id ~ '^CVE-[0-9]{4}-[0-9]{4,9}$'),
    state        text not null check (state in ('PUBLISHED', 'REJECTED')),
    title        text,
    cvss_vector  text,
    record       text not null,
    imported_at  timestamptz not null default now()
);

create table vuln_epss (
    cve_id      text primary key,
    epss        double precision not null check (epss between 0 and 1),
    percentile  double precision not null check (percentile between 0 and 1),
    score_date  text,
    imported_at timestamptz not null default now()
);

-- Each import of knowledge: what was kept and refused (versioned history of the sources).
create table vuln_import (
    id          bigint generated always as identity primary key,
    source      text not null check (source in ('kev', 'cve', 'epss')),
    version     text,
    kept        int not null,
    refused     int not null,
    added       int not null default 0,
    imported_by text not null,
    imported_at timestamptz not null default now()
);

-- An organisation's inventory: domains, hosts, IP ranges and services. Its own; read only through
-- ExposureAccess (the sharing policy).
-- Random ids (random_id(), V90): an id says nothing about how many others exist.
create table exposure_asset (
    id              bigint primary key default random_id(),
    organisation_id bigint not null references organisation,
    kind            text not null check (kind in ('domain', 'host', 'ip_range', 'service')),
    value           text not null check (length(value) between 1 and 253),
    port            int check (port between 1 and 65535),
    protocol        text check (protocol in ('tcp', 'udp')),
    product         text check (length(product) <= 200),
    version         text check (length(version) <= 100),
    cpe             text check (length(cpe) <= 500),
    purl            text check (length(purl) <= 500),
    owner           text check (length(owner) <= 200),
    criticality     text check (criticality in ('low', 'medium', 'high')),
    public_facing   boolean not null default true,
    source          text not null check (source in ('csv', 'nmap')),
    import_id       bigint,
    created_at      timestamptz not null default now(),
    constraint exposure_service_fields check (
        (kind = 'service' and port is not null and (cpe is not null or purl is not null))
        or (kind <> 'service' and port is null))
);
create index exposure_asset_org_idx on exposure_asset (organisation_id, kind);

create table exposure_import (
    id              bigint generated always as identity primary key,
    organisation_id bigint not null references organisation,
    format          text not null check (format in ('csv', 'nmap')),
    file_name       text check (length(file_name) <= 300),
    assets          int not null,
    imported_by     bigint references app_user on delete set null,
    imported_at     timestamptz not null default now()
);

-- Whether an organisation shares the details of its inventory and findings with its coordinators
-- (its CEPTOARs, its sector's ministry and NISC). Without a row: not shared (counts only).
create table exposure_sharing (
    organisation_id bigint primary key references organisation,
    share_details   boolean not null default false,
    changed_at      timestamptz not null default now()
);

-- A vulnerability that applies, or may apply, to one service, with its SSVC decision.
create table exposure_finding (
    id              bigint primary key default random_id(),
    organisation_id bigint not null references organisation,
    asset_id        bigint not null references exposure_asset on delete cascade,
    cve_id          text not null,
    status          text not null check (status in ('affected', 'possible')),
    in_kev          boolean not null,
    outcome         text not null check (outcome in ('track', 'track_star', 'attend', 'act')),
    outcome_rank    int not null,
    due_date        date,
    forensic        boolean not null default false,
    evidence        text not null,
    reasons         text not null,
    first_seen      date not null default current_date,
    updated_at      timestamptz not null default now(),
    unique (asset_id, cve_id)
);
create index exposure_finding_org_idx on exposure_finding (organisation_id, outcome_rank desc, due_date);
create index exposure_finding_cve_idx on exposure_finding (cve_id);
