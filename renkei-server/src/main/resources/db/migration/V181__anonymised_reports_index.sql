-- Anonymised reports are few (a CEPTOAR relays them); the relay question of the work queue and the
-- inbox starts from them. Without this index the planner scanned the whole report table for the
-- handful (1.6 s at 100,000 reports on a loaded machine); with it, it reads only those.
create index report_anonymised_idx on report (id) where anonymise and status <> 'draft';

-- The issuer's advisories with unconfirmed recipients, oldest unconfirmed delivery first: the
-- minimum per advisory read from the index alone (NISC's 1,000 advisories: 1,000 index probes).
create index advisory_recipient_pending_at_idx on advisory_recipient (advisory_id, delivered_at)
    where acknowledged_at is null;
