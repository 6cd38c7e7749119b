-- What identifies an organisation (for anonymisation), and anonymised copies of reports.

create table organisation_identity (
    organisation_id bigint not null references organisation on delete cascade,
    kind            text not null check (kind in ('alias', 'domain', 'email', 'ip_range')),
    value           text not null check (length(value) between 2 and 253),
    primary key (organisation_id, kind, value)
);

-- An anonymised copy is issued by the CEPTOAR (its originator) and names the reporter only as
-- presented_originator ("an operator in sector X"). The link to the original lives only on the
-- original's CEPTOAR hop, which nobody upstream can read.
alter table report add column presented_originator text;
alter table report drop constraint report_route_check;
alter table report add constraint report_route_check check (route in ('ceptoar', 'hotline', 'relay'));
alter table report drop constraint ceptoar_route_names_ceptoar;
alter table report add constraint ceptoar_route_names_ceptoar
    check ((route = 'ceptoar') = (ceptoar_id is not null));

alter table report_hop add column relayed_as_report_id bigint references report;
