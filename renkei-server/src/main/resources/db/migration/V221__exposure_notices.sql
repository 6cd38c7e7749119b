-- Issue 16: when CISA adds a CVE to KEV that matches an organisation's inventory, that organisation
-- (and only it) is told at once: a notice in its work queue, and e-mail/webhook through the outbox.

create table exposure_notice (
    id              bigint primary key default random_id(),
    organisation_id bigint not null references organisation,
    cve_id          text not null check (cve_id ~ '^CVE-[0-9]{4}-[0-9]{4,9}$'),
    findings        int not null,
    created_at      timestamptz not null default now(),
    read_at         timestamptz,
    read_by         bigint references app_user on delete set null,
    unique (organisation_id, cve_id)
);
create index exposure_notice_open_idx on exposure_notice (organisation_id, created_at desc)
    where read_at is null;

-- The outbox carries exposure notices as well as advisories: exactly one of the two is set.
alter table outbox alter column advisory_id drop not null;
alter table outbox add column exposure_notice_id bigint references exposure_notice on delete cascade;
alter table outbox add constraint outbox_one_subject
    check ((advisory_id is null) <> (exposure_notice_id is null));
create unique index outbox_exposure_notice_idx on outbox (exposure_notice_id, channel, target)
    where exposure_notice_id is not null;
