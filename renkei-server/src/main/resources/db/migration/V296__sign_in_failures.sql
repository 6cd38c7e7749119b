-- Failed sign-ins, counted the same way whether or not the login exists (attack16): an unknown login
-- cost a password hash, a wrong password for a real login a hash and an update of app_user, so the
-- time of the answer told which logins exist. Every failure now writes the same two rows, keyed by
-- the SHA-256 of the login as typed and normalised (no text an outsider typed is stored here).
--   client_key '*'         every client together: the account-wide count and lock
--   client_key an address  that client alone (an IPv4 address, an IPv6 /64, as ClientThrottle counts)
-- A client from which the account signed in within renkei.security.known-client-for
-- (sign_in_client) is locked only by its own failures, so strangers' wrong passwords cannot keep
-- the account's own people out (they could, every 15 minutes, forever).
create table sign_in_failure (
    login_key        bytea not null check (octet_length(login_key) = 32),
    client_key       text not null check (length(client_key) between 1 and 64),
    failures         int not null,
    locked_until     timestamptz,
    last_failure_at  timestamptz not null,
    primary key (login_key, client_key)
);
create index sign_in_failure_last_idx on sign_in_failure (last_failure_at);

create table sign_in_client (
    login_key        bytea not null check (octet_length(login_key) = 32),
    client_key       text not null check (length(client_key) between 1 and 64),
    last_success_at  timestamptz not null,
    primary key (login_key, client_key)
);

-- the counts and locks of today carry over as account-wide rows
insert into sign_in_failure (login_key, client_key, failures, locked_until, last_failure_at)
select sha256(convert_to(login, 'UTF8')), '*', failed_logins, locked_until, now()
  from app_user
 where failed_logins > 0 or locked_until is not null;

alter table app_user drop column failed_logins;
alter table app_user drop column locked_until;
