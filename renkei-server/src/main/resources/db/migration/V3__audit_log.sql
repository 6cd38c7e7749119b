-- The append-only, hash-chained audit log. Writers take pg_advisory_xact_lock(7010001) so that
-- seq and prev_hash are assigned without gaps even with several server instances and the CLI.
-- The triggers refuse UPDATE, DELETE and TRUNCATE; the hash chain detects what they cannot stop
-- (a superuser disabling them), through `renkei audit verify`.

create table audit_event (
    seq             bigint primary key,
    occurred_at     timestamptz not null,
    actor           text not null,
    actor_org_id    bigint,
    action          text not null,
    target_type     text,
    target_id       text,
    outcome         text not null check (outcome in ('success', 'failure', 'denied')),
    detail          text,
    client_address  text,
    prev_hash       text not null,
    hash            text not null
);

create index audit_event_action_idx on audit_event (action, seq);
create index audit_event_actor_idx on audit_event (actor, seq);
create index audit_event_actor_org_idx on audit_event (actor_org_id, seq);
create index audit_event_time_idx on audit_event (occurred_at);

create function audit_event_is_append_only() returns trigger language plpgsql as $$
begin
    raise exception 'audit_event is append-only (% refused)', tg_op;
end;
$$;

create trigger audit_event_no_update before update or delete on audit_event
    for each row execute function audit_event_is_append_only();
create trigger audit_event_no_truncate before truncate on audit_event
    for each statement execute function audit_event_is_append_only();
