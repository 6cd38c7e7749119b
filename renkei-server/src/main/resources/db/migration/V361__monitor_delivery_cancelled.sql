-- A web-monitoring alert's delivery no longer addressed to its organisation when due (the owner
-- stopped sharing the site's details with coordinators, the organisation is inactive or has no such
-- channel now) is cancelled: never retried, its reason in last_error, the audit log has it.
alter table monitor_delivery drop constraint monitor_delivery_status_check;
alter table monitor_delivery add constraint monitor_delivery_status_check
    check (status in ('pending', 'sent', 'failed', 'cancelled'));
