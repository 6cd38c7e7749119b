-- Issue 15: an exercise's e-mail goes through the outbox (retry with backoff, the idempotency key of
-- every outbox message) like real work, only for runs that allow e-mail (exercise_run.email_allowed).
-- An e-mail inject's text is written once when the inject is delivered (run title, 発信元, 件名,
-- 付与内容, marked 【訓練】 at the start of subject and body); each outbox row names one player's address.
create table exercise_mail (
    id          bigint primary key default random_id(),
    run_id      bigint not null references exercise_run on delete cascade,
    inject_key  text not null,
    subject     text not null,
    body        text not null,
    created_at  timestamptz not null default now(),
    unique (run_id, inject_key)
);

-- The outbox carries advisories (real and, when allowed, exercise ones), exposure notices, NOTICE
-- reminders and exercise inject e-mails: exactly one is set.
alter table outbox add column exercise_mail_id bigint references exercise_mail on delete cascade;
alter table outbox drop constraint outbox_one_subject;
alter table outbox add constraint outbox_one_subject
    check (num_nonnulls(advisory_id, exposure_notice_id, notice_reminder_id, exercise_mail_id) = 1);
create unique index outbox_exercise_mail_idx on outbox (exercise_mail_id, channel, target)
    where exercise_mail_id is not null;
