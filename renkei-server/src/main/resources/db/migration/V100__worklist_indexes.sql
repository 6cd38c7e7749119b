-- The work queue on every home page and its 30-second poll (issue 14) read only what is open: hops
-- not yet read or not yet passed on (NISC, always the last hop, passes nothing on), receipts not
-- yet confirmed, failed deliveries, and recent comments. Partial indexes keep each of those reads
-- proportional to what waits, not to everything ever delivered.
create index report_hop_open_idx on report_hop (recipient_org_id, delivered_at desc, id desc)
    where delivered_at is not null and (read_at is null or (forwarded_at is null and kind <> 'nisc'));

create index report_comment_recent_idx on report_comment (created_at desc);
create index report_comment_report_idx on report_comment (report_id);

create index advisory_recipient_unconfirmed_idx on advisory_recipient (organisation_id, delivered_at)
    where acknowledged_at is null;
create index advisory_recipient_pending_idx on advisory_recipient (advisory_id)
    where acknowledged_at is null;
create index advisory_issuer_active_idx on advisory (issuer_org_id) where status = 'active';

create index outbox_failed_idx on outbox (organisation_id) where status = 'failed';

create index report_hop_relayed_idx on report_hop (relayed_as_report_id)
    where relayed_as_report_id is not null;
