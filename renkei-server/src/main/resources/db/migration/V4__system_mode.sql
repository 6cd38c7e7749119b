-- The hub-wide mode (通常時 / 大規模重要インフラサービス障害対応時). The current mode is the newest row;
-- with no rows the hub is in normal mode. Rows are never changed: the table is the history.
create table system_mode_change (
    id              bigint generated always as identity primary key,
    mode            text not null check (mode in ('normal', 'large_scale')),
    reason          text not null check (length(reason) between 1 and 1000),
    changed_by      bigint references app_user,
    changed_by_name text not null,
    changed_at      timestamptz not null default now()
);

create index system_mode_change_time_idx on system_mode_change (changed_at desc, id desc);
