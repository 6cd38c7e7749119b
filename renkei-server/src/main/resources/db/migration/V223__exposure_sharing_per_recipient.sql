-- Issue 16: an organisation shares the details of its inventory and findings per recipient: with
-- its CEPTOARs, its sector's ministry and/or NISC (before: all three or none). share_details stays
-- true when any of them is chosen.
alter table exposure_sharing add column with_nisc boolean not null default false;
alter table exposure_sharing add column with_ministry boolean not null default false;
alter table exposure_sharing add column with_ceptoars boolean not null default false;
update exposure_sharing set with_nisc = share_details, with_ministry = share_details,
    with_ceptoars = share_details;
