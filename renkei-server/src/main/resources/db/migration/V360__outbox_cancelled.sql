-- A delivery the outbox may no longer send (judged right before sending: the advisory superseded,
-- the organisation inactive or outside the audience now, the exercise run stopped, the player no
-- longer in the run) is cancelled: never retried, its reason in last_error, the audit log has it.
alter table outbox drop constraint outbox_status_check;
alter table outbox add constraint outbox_status_check
    check (status in ('pending', 'sent', 'failed', 'cancelled'));
