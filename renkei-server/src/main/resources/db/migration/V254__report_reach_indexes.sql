-- The report list's walk for a viewer with a small reach and a TLP filter that only named
-- audiences can see (AMBER, AMBER+STRICT, RED) gathers the reports the viewer can reach first:
-- delivered to an organisation the policy consults, its own organisation's, its own, or naming it
-- as a recipient. These two indexes serve the last two; before, an operator's empty
-- "TLP:AMBER + severity" page walked all 100,000 reports in date order to find none (130 ms per
-- statement).
create index report_originator_user_idx on report (originator_user_id);
create index report_recipient_users_idx on report using gin (recipient_user_ids);
