-- Issue 14, item 6: files attached to a report (logs, screenshots, PDFs). Kept in PostgreSQL with
-- the report: one transaction writes the row and its bytes, a backup of the database holds them,
-- deleting a draft deletes them (cascade), and no file name ever becomes a path on disk. Sizes are
-- bounded by renkei.attachments.* (docs/configuration.md), so bytea is enough.
--
-- An attachment belongs to the original report and is read under that report's audience
-- (ReportAccess). An anonymised copy shows only the attachments its CEPTOAR chose to include on the
-- relay page (report_relay_attachment); the others, their names and hashes never reach its readers.
create table report_attachment (
    id           bigint primary key default random_id(),
    report_id    bigint not null references report on delete cascade on update cascade,
    version_no   int not null,
    file_name    text not null check (length(file_name) between 1 and 255),
    size_bytes   bigint not null check (size_bytes > 0),
    sha256       text not null check (sha256 ~ '^[0-9a-f]{64}$'),
    content      bytea not null,
    uploaded_by  bigint references app_user,
    created_at   timestamptz not null default now()
);

create index report_attachment_report_idx on report_attachment (report_id, created_at);

create table report_relay_attachment (
    copy_report_id  bigint not null references report on delete cascade on update cascade,
    attachment_id   bigint not null references report_attachment on delete cascade,
    primary key (copy_report_id, attachment_id)
);
