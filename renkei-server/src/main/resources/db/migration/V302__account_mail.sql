-- An administrator resetting a person's password or second factor tells the person by e-mail
-- (through the outbox: retry with backoff, addresses kept out of the log). The text is written once,
-- when the reset is made, and never carries the new password. Each row is one person's notice.
create table account_mail (
    id          bigint primary key default random_id(),
    user_id     bigint not null references app_user on delete cascade,
    kind        text not null check (kind in ('password_reset', 'second_factor_reset')),
    subject     text not null,
    body        text not null,
    created_at  timestamptz not null default now()
);

alter table outbox add column account_mail_id bigint references account_mail on delete cascade;
alter table outbox drop constraint outbox_one_subject;
alter table outbox add constraint outbox_one_subject
    check (num_nonnulls(advisory_id, exposure_notice_id, notice_reminder_id, exercise_mail_id,
                        account_mail_id) = 1);
create unique index outbox_account_mail_idx on outbox (account_mail_id, channel, target)
    where account_mail_id is not null;
