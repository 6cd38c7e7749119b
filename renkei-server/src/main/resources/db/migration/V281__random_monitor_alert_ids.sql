-- Monitor alert ids counted (attack11): they were sequential over every site of the hub, and an
-- owner sees its own alerts' ids (the "make a report" form of /monitor/alerts), so two of them
-- told it how many alerts other organisations' sites it may not see raised in between. They are
-- random now, as report, advisory and C4TAP ids have been since V90; lists already order by
-- raised_at. monitor_delivery follows the renumbering.
alter table monitor_delivery drop constraint monitor_delivery_alert_id_fkey;
alter table monitor_delivery add constraint monitor_delivery_alert_id_fkey
    foreign key (alert_id) references monitor_alert on delete cascade on update cascade;
alter table monitor_alert alter column id drop identity;
alter table monitor_alert alter column id set default random_id();
update monitor_alert set id = random_id();
