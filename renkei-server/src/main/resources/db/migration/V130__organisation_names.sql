-- The names an organisation had before its current one (organisation.name_ja / name_en), each
-- with the moment it stopped being used. A report or advisory shows the name its sender had when
-- it was sent: the former name with the earliest valid_until after that moment, else the current
-- name (OrganisationNames.nameAt).

create table organisation_former_name (
    organisation_id bigint not null references organisation on delete cascade,
    name_ja         text not null check (length(name_ja) between 1 and 200),
    name_en         text not null check (length(name_en) between 1 and 200),
    valid_until     timestamptz not null,
    note            text check (length(note) <= 500),
    primary key (organisation_id, valid_until)
);

-- On 1 July 2025 the national coordinator 内閣サイバーセキュリティセンター (NISC) was reorganised
-- as 国家サイバー統括室 (National Cybersecurity Office, NCO) in the Cabinet Secretariat. A hub
-- that still has the old name keeps it as a former name and takes the new one.
insert into organisation_former_name (organisation_id, name_ja, name_en, valid_until, note)
select id, name_ja, name_en, timestamptz '2025-07-01 00:00:00+09',
       '内閣官房組織令の改正により国家サイバー統括室に改組 (2025-07-01)'
  from organisation
 where code = 'nisc' and name_ja like '内閣サイバーセキュリティセンター%';

update organisation
   set name_ja = '国家サイバー統括室(NCO)',
       name_en = 'National Cybersecurity Office (NCO)'
 where code = 'nisc' and name_ja like '内閣サイバーセキュリティセンター%';

update organisation_type
   set name_ja = 'ナショナルサート(国家サイバー統括室)',
       name_en = 'National coordinator (National Cybersecurity Office)'
 where code = 'nisc';
