-- Terms the CEPTOAR secretariat hides in an anonymised report on top of the reporter's identity
-- (issue 12, item 9). They belong to the original report, which only its reporter and its CEPTOAR
-- can read, and apply to every version relayed after they were set, until the secretariat edits
-- them on the relay preview.
create table report_redaction_term (
    report_id   bigint not null references report on delete cascade,
    position    int not null,
    term        text not null check (length(term) between 2 and 200),
    primary key (report_id, position)
);
