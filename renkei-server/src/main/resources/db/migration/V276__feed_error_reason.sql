-- A feed's last fetch failure as a reason code and its arguments (feed.failure.<code> in the
-- reader's language on the feeds page); last_error keeps the English text for the log and the API.
-- Rows failed before this migration have no code: the page shows their stored text.
alter table taxii_feed add column last_error_code text;
alter table taxii_feed add column last_error_args text[];
