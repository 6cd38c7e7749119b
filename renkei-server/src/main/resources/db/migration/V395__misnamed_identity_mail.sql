-- A platform admin asks an organisation's admins to correct or revoke the identities it stored
-- under another organisation's name (identity29, MisnamedIdentities.ask): one e-mail per admin,
-- through the outbox like an account notice (retry with backoff, judged again before sending:
-- the person enabled and the organisation active).
alter table account_mail drop constraint account_mail_kind_check;
alter table account_mail add constraint account_mail_kind_check
    check (kind in ('password_reset', 'second_factor_reset', 'misnamed_identity'));
