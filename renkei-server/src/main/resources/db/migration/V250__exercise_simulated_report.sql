-- Issue 15: an inject whose 伝達手段 is simulated_report becomes a real exercise report (情報連絡) sent
-- into a CEPTOAR's inbox on behalf of the inject's 発信元 (the simulated sender, e.g. 「A社（模擬）」).
-- The sender's name is kept in presented_originator, which until now only an anonymised relay copy
-- used; outside relay copies it may be set only on an exercise report, and is at most 200 characters,
-- so real work can never present itself under another name.
alter table report add constraint report_presented_originator_simulated
    check (route = 'relay' or presented_originator is null
           or (exercise_run_id is not null and length(presented_originator) <= 200));
