-- Issue 13, item 5: a second factor (RFC 6238 TOTP) and its one-time recovery codes.

-- The shared secret, sealed with the hub's credential key (CredentialVault, bound to the person);
-- set when enrolment starts, in use once totp_enabled_at is set.
alter table app_user add column totp_secret text;
alter table app_user add column totp_enabled_at timestamptz;
-- The last time step a code was accepted for: a code is good once.
alter table app_user add column totp_last_step bigint not null default 0;

create table recovery_code (
    user_id    bigint not null references app_user on delete cascade,
    code_hash  text not null,
    used_at    timestamptz,
    primary key (user_id, code_hash)
);
