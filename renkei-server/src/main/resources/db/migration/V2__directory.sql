-- The organisation directory, people and API tokens.

create table organisation (
    id              bigint generated always as identity primary key,
    code            text not null unique check (code ~ '^[a-z0-9][a-z0-9-]{1,62}$'),
    name_ja         text not null unique check (length(name_ja) between 1 and 200),
    name_en         text not null check (length(name_en) between 1 and 200),
    type_code       text not null references organisation_type,
    sector_code     text references sector,
    -- for organisations of type 'ministry': which ministry they are
    ministry_code   text unique references ministry,
    duty_email      text,
    active          boolean not null default true,
    created_at      timestamptz not null default now(),
    constraint ministry_only_for_ministries check (ministry_code is null or type_code = 'ministry')
);

create index organisation_type_idx on organisation (type_code);
create index organisation_sector_idx on organisation (sector_code);

-- An operator (or any organisation) may belong to several CEPTOARs.
create table ceptoar_membership (
    ceptoar_id  bigint not null references organisation on delete cascade,
    member_id   bigint not null references organisation on delete cascade,
    since       timestamptz not null default now(),
    primary key (ceptoar_id, member_id),
    constraint not_own_member check (ceptoar_id <> member_id)
);

create index ceptoar_membership_member_idx on ceptoar_membership (member_id);

create table app_user (
    id               bigint generated always as identity primary key,
    login            text not null check (login ~ '^[a-z0-9][a-z0-9._-]{1,62}$'),
    display_name     text not null check (length(display_name) between 1 and 200),
    email            text,
    organisation_id  bigint not null references organisation,
    role             text not null check (role in ('member', 'analyst', 'org_admin', 'platform_admin')),
    password_hash    text not null,
    locale           text not null default 'ja' check (locale in ('ja', 'en')),
    enabled          boolean not null default true,
    failed_logins    int not null default 0,
    locked_until     timestamptz,
    created_at       timestamptz not null default now(),
    last_login_at    timestamptz
);

create unique index app_user_login_idx on app_user (login);
create index app_user_organisation_idx on app_user (organisation_id);

create table api_token (
    id            bigint generated always as identity primary key,
    user_id       bigint not null references app_user on delete cascade,
    name          text not null check (length(name) between 1 and 100),
    display_prefix text not null,
    token_hash    text not null unique,
    created_at    timestamptz not null default now(),
    expires_at    timestamptz,
    last_used_at  timestamptz,
    revoked_at    timestamptz
);

create index api_token_user_idx on api_token (user_id);
