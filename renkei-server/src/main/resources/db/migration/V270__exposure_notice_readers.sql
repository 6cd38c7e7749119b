-- Everyone of the organisation who marked a KEV notice read, each with the first time they did.
-- exposure_notice.read_by was overwritten by each later reader while read_at kept the first time,
-- so the notice named the last reader beside the first reader's time; it now keeps the first reader
-- (as read_at keeps the first time) and this table every reader.
create table exposure_notice_reader (
    notice_id  bigint not null references exposure_notice on delete cascade,
    user_id    bigint not null references app_user on delete cascade,
    read_at    timestamptz not null default now(),
    primary key (notice_id, user_id)
);

insert into exposure_notice_reader (notice_id, user_id, read_at)
select id, read_by, read_at from exposure_notice where read_by is not null and read_at is not null;
