-- The work queue and the inbox ask every time which anonymised reports wait for a CEPTOAR to relay
-- them: only hops of kind 'ceptoar' can. Without this index the question walked every hop ever
-- delivered to the organisation (for NISC, the last hop of nearly every report: ~94,000 of them at
-- 100,000 reports) to find none; with it, NISC and the ministries read nothing and a CEPTOAR reads
-- only its own hops.
create index report_hop_ceptoar_idx on report_hop (recipient_org_id, delivered_at desc, id desc)
    where kind = 'ceptoar' and delivered_at is not null;
