-- ci34: the redacted report beside a C4TAP share has not been written since V407, which emptied it
-- in every row; nothing reads it. The column goes, so that no code or test writes it again.
alter table c4tap_submission drop column report;
