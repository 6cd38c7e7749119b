-- C4TAP (targeted-attack e-mail sharing): each organisation's standing, and the mails shared.
-- Without an entry here an organisation's standing follows its type (see C4tapStandings).

create table c4tap_standing (
    organisation_id  bigint primary key references organisation on delete cascade,
    standing         text not null check (standing in
        ('SECRETARIAT_OR_ANALYST', 'PARTICIPANT', 'OBSERVER', 'COUNCIL_PARTY', 'NONE'))
);

create table c4tap_submission (
    id                 bigint generated always as identity primary key,
    originator_org     bigint not null references organisation,
    originator_person  bigint references app_user,
    range_code         text not null check (range_code in ('RED', 'AMBER', 'YELLOW', 'GREEN', 'WHITE')),
    status             text not null default 'draft' check (status in ('draft', 'shared')),
    created_at         timestamptz not null default now(),
    shared_at          timestamptz,
    subject            text,
    verdict            text not null,
    score              int not null,
    -- the redacted report (JSON), what the redaction took out (JSON), and the STIX bundle
    report             text not null,
    removed            text not null,
    bundle             text not null
);

create index c4tap_submission_shared_idx on c4tap_submission (shared_at desc) where status = 'shared';
