-- Issue 14, item 7: each advisory version says how urgent it is (通常 / 至急 / 緊急) and by when its
-- recipients should confirm receipt (疎通確認の期限); recipients see both, and the issuer sees who
-- is overdue. A version without a deadline asks for confirmation without one, as before.
alter table advisory_version add column urgency text not null default 'normal'
    check (urgency in ('normal', 'urgent', 'immediate'));
alter table advisory_version add column confirm_by timestamptz;
