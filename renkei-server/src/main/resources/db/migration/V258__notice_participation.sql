-- Issue 16 (notice3): NOTICE publishes 参加ISP数, the ISPs taking part, not the ISPs that happened to
-- receive a notification. An ISP takes part from the first import of the range registry that names
-- it (an import replaces its ranges, so notice_range.created_at moves; this keeps the first time).
-- The registry has no removal: an ISP stays in once in. See docs/notice.md.
create table notice_participation (
    isp_id bigint primary key references organisation,
    since  timestamptz not null default now()
);

insert into notice_participation (isp_id, since)
select isp_id, min(created_at) from notice_range group by isp_id;
