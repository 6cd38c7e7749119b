-- Accounts that are not people: a vantage point's probe agent (issue 17). An agent is never listed
-- among people, never signs in (no password) and holds only tokens of scope probe.
alter table app_user add column kind text not null default 'person' check (kind in ('person', 'agent'));
alter table app_user alter column password_hash drop not null;

update app_user set kind = 'agent', password_hash = null
 where id in (select user_id from monitor_vantage where user_id is not null);

alter table app_user add constraint app_user_agent_has_no_password
    check ((kind = 'person') = (password_hash is not null));
