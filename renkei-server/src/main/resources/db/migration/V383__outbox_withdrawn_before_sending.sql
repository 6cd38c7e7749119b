-- An advisory withdrawn before its delivery to a recipient went: the delivery is cancelled, and the
-- withdrawal is sent only on the channels where the recipient received an earlier version.
--
-- leased_until: until when the sender that claimed a row may be sending it (null when none holds it).
-- A withdrawal cancels the earlier versions' rows no sender holds; a row in flight is left to its
-- sender, which judges it again before it sends, and the withdrawal waits for it to end.
alter table outbox add column leased_until timestamptz;
-- cancel_reason: why a row was cancelled, as a code the pages put in words (Japanese and English;
-- last_error keeps the sentence the audit log and the server log have); cancelled_at: when.
alter table outbox add column cancel_reason text;
alter table outbox add column cancelled_at timestamptz;
create index outbox_cancelled_idx on outbox (cancelled_at) where status = 'cancelled';
