-- Issue 16: the finding workflow (DefectDojo-like). Findings are re-derived on every match, so their
-- workflow is kept per organisation under the finding's key (host|port|protocol|cve, as first_seen)
-- and survives re-imports of the inventory and of knowledge.

create table exposure_finding_state (
    organisation_id bigint not null references organisation,
    finding_key     text not null check (length(finding_key) <= 600),
    status          text not null default 'open' check (status in
                        ('open', 'in_progress', 'mitigated', 'risk_accepted', 'false_positive')),
    owner           text check (length(owner) <= 200),
    reason          text check (length(reason) <= 2000),
    accepted_until  date,
    updated_at      timestamptz not null default now(),
    primary key (organisation_id, finding_key),
    constraint exposure_risk_accepted_has_reason check (
        status <> 'risk_accepted' or (reason is not null and accepted_until is not null))
);

-- Who changed what and when, and the comments.
create table exposure_finding_event (
    id              bigint primary key default random_id(),
    organisation_id bigint not null references organisation,
    finding_key     text not null check (length(finding_key) <= 600),
    kind            text not null check (kind in ('status', 'owner', 'comment')),
    status          text,
    text            text check (length(text) <= 4000),
    accepted_until  date,
    actor_name      text not null,
    user_id         bigint references app_user on delete set null,
    at              timestamptz not null default now()
);
create index exposure_finding_event_idx on exposure_finding_event (organisation_id, finding_key, at);
