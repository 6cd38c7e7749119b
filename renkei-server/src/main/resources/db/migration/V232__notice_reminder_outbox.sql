-- Issue 16: NOTICE reminders go through the outbox (retry with backoff, "failed" shown to admins)
-- instead of straight to SMTP. One row per reminder run and holder: the count it says, nothing else
-- (no address, no evidence).

create table notice_reminder (
    id          bigint primary key default random_id(),
    holder_id   bigint not null references organisation,
    open_count  int not null check (open_count > 0),
    created_at  timestamptz not null default now()
);
create index notice_reminder_holder_idx on notice_reminder (holder_id, created_at desc);

-- The outbox carries advisories, exposure notices and NOTICE reminders: exactly one is set.
alter table outbox add column notice_reminder_id bigint references notice_reminder on delete cascade;
alter table outbox drop constraint outbox_one_subject;
alter table outbox add constraint outbox_one_subject
    check (num_nonnulls(advisory_id, exposure_notice_id, notice_reminder_id) = 1);
create unique index outbox_notice_reminder_idx on outbox (notice_reminder_id, channel, target)
    where notice_reminder_id is not null;
