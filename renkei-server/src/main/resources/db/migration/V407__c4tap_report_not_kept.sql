-- attackshare33: a C4TAP share kept, beside the STIX bundle its readers get, the redacted report
-- as JSON. Nothing ever read it, and it held more than the bundle shares: the host names of the
-- Received chain (the sharer's own mail servers wherever the directory did not list their domain,
-- e.g. exch01.sakura.local, and the by-names of every hop), the authentication results and the
-- analysis' work. What is shared is the bundle; the report is no longer written, and the rows
-- written before lose it.
alter table c4tap_submission alter column report drop not null;
update c4tap_submission set report = null where report is not null;
comment on column c4tap_submission.report is
    'no longer written (V407): the bundle is what a share holds';
