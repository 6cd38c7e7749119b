-- Issue 13, item 4: tokens carry scopes and always expire; a credential change ends sessions.

-- Scopes a token was created with (read, write, taxii, match, admin). Tokens made before scopes
-- existed keep what scripts used them for (read, write, taxii, match) but not admin: managing
-- people and organisations and minting tokens needs a token made for it, or a signed-in session.
alter table api_token add column scopes text[] not null default '{read,write,taxii,match}';
alter table api_token alter column scopes drop default;
alter table api_token add constraint api_token_scopes_known
    check (scopes <@ array['read', 'write', 'taxii', 'match', 'admin']::text[]
           and cardinality(scopes) > 0);

-- Tokens made to never expire now expire 90 days from this migration (the default lifetime).
update api_token set expires_at = now() + interval '90 days'
 where expires_at is null and revoked_at is null;
alter table api_token add constraint api_token_expires
    check (expires_at is not null or revoked_at is not null);

-- Sessions remember the epoch they were signed in at; a password change or reset moves it on.
alter table app_user add column credential_epoch int not null default 0;
