-- The e-mail that tells an organisation, in aggregate, that indicators it shared were sighted by
-- other organisations (issue 5): per organisation, the last sighting already counted in one.
create table sighting_digest (
    organisation_id bigint primary key references organisation on delete cascade,
    last_seq        bigint not null,
    sent_at         timestamptz not null default now()
);
