-- Issue 16 (exposure3): vulnerability knowledge read from the NVD CVE API 2.0 and from JVN iPedia
-- (MyJVN VULDEF). Kept apart from vuln_cve (CVE.org's own records) and merged with it when the
-- knowledge is built: one CVE may have a CNA record, NVD configurations and a JVN entry. Each row
-- is stored as the CVE JSON 5 text Renkei keeps of it (CveReader.json). A JVN entry that names no
-- CVE is kept under its JVNDB id.

create table vuln_advisory (
    source       text not null check (source in ('nvd', 'jvn')),
    advisory_id  text not null check (advisory_id ~ '^(CVE-[0-9]{4}-[0-9]{4,9}|JVNDB-[0-9]{4}-[0-9]{6})$'),
    cve_id       text not null check (cve_id ~ '^(CVE-[0-9]{4}-[0-9]{4,9}|JVNDB-[0-9]{4}-[0-9]{6})$'),
    state        text not null check (state in ('PUBLISHED', 'REJECTED')),
    title        text,
    cvss_vector  text,
    record       text not null,
    imported_at  timestamptz not null default now(),
    primary key (source, advisory_id, cve_id)
);

create index vuln_advisory_cve_idx on vuln_advisory (cve_id);

alter table vuln_import drop constraint vuln_import_source_check;
alter table vuln_import add constraint vuln_import_source_check
    check (source in ('kev', 'cve', 'epss', 'nvd', 'jvn'));
