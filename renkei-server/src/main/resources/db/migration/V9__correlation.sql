-- Correlation across organisations (issue 4): the same observable value in objects of several
-- organisations is a campaign candidate for the national coordinator's analysts.

-- Values that never correlate (MISP's warning lists), shipped here and editable by platform
-- admins through /api/v1/warning-lists.
create table warning_list (
    code      text primary key check (code ~ '^[a-z0-9][a-z0-9-]{1,62}$'),
    title_ja  text not null,
    title_en  text not null,
    enabled   boolean not null default true
);

create table warning_list_entry (
    list_code  text not null references warning_list on delete cascade,
    kind       text not null,
    value      text not null,
    added_at   timestamptz not null default now(),
    primary key (list_code, kind, value)
);

insert into warning_list (code, title_ja, title_en) values
    ('reserved-ranges', '私設・予約済みアドレス', 'Private and reserved address ranges'),
    ('common-domains', '一般的な大手サービスのドメイン', 'Very common service domains'),
    ('well-known-hashes', '周知のハッシュ値 (空ファイル等)', 'Well-known hashes (empty file ...)');

insert into warning_list_entry (list_code, kind, value) values
    ('reserved-ranges', 'cidr', '0.0.0.0/8'),
    ('reserved-ranges', 'cidr', '10.0.0.0/8'),
    ('reserved-ranges', 'cidr', '100.64.0.0/10'),
    ('reserved-ranges', 'cidr', '127.0.0.0/8'),
    ('reserved-ranges', 'cidr', '169.254.0.0/16'),
    ('reserved-ranges', 'cidr', '172.16.0.0/12'),
    ('reserved-ranges', 'cidr', '192.0.0.0/24'),
    ('reserved-ranges', 'cidr', '192.0.2.0/24'),
    ('reserved-ranges', 'cidr', '192.168.0.0/16'),
    ('reserved-ranges', 'cidr', '198.18.0.0/15'),
    ('reserved-ranges', 'cidr', '198.51.100.0/24'),
    ('reserved-ranges', 'cidr', '203.0.113.0/24'),
    ('reserved-ranges', 'cidr', '224.0.0.0/4'),
    ('reserved-ranges', 'cidr', '240.0.0.0/4'),
    ('reserved-ranges', 'cidr', '::1/128'),
    ('reserved-ranges', 'cidr', 'fc00::/7'),
    ('reserved-ranges', 'cidr', 'fe80::/10'),
    ('reserved-ranges', 'cidr', '2001:db8::/32'),
    ('common-domains', 'domain-name', 'google.com'),
    ('common-domains', 'domain-name', 'googleapis.com'),
    ('common-domains', 'domain-name', 'gstatic.com'),
    ('common-domains', 'domain-name', 'youtube.com'),
    ('common-domains', 'domain-name', 'microsoft.com'),
    ('common-domains', 'domain-name', 'windowsupdate.com'),
    ('common-domains', 'domain-name', 'windows.com'),
    ('common-domains', 'domain-name', 'office.com'),
    ('common-domains', 'domain-name', 'live.com'),
    ('common-domains', 'domain-name', 'apple.com'),
    ('common-domains', 'domain-name', 'icloud.com'),
    ('common-domains', 'domain-name', 'amazon.com'),
    ('common-domains', 'domain-name', 'amazonaws.com'),
    ('common-domains', 'domain-name', 'cloudflare.com'),
    ('common-domains', 'domain-name', 'akamaiedge.net'),
    ('common-domains', 'domain-name', 'akamai.net'),
    ('common-domains', 'domain-name', 'facebook.com'),
    ('common-domains', 'domain-name', 'yahoo.co.jp'),
    ('common-domains', 'domain-name', 'line.me'),
    ('common-domains', 'domain-name', 'rakuten.co.jp'),
    ('common-domains', 'domain-name', 'nhk.or.jp'),
    ('common-domains', 'domain-name', 'go.jp'),
    ('common-domains', 'domain-name', 'example.com'),
    ('common-domains', 'domain-name', 'example.net'),
    ('common-domains', 'domain-name', 'example.org'),
    ('well-known-hashes', 'md5', 'd41d8cd98f00b204e9800998ecf8427e'),
    ('well-known-hashes', 'sha1', 'da39a3ee5e6b4b0d3255bfef95601890afd80709'),
    ('well-known-hashes', 'sha256', 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');

create table correlation (
    id            bigint generated always as identity primary key,
    kind          text not null,
    value         text not null,
    -- members stored (at most the hub's cap); at the cap the value is over-correlating
    member_count  int not null default 0,
    over_limit    boolean not null default false,
    -- organisations among the members' originators (the reader's view is decided at read time)
    org_count     int not null default 0,
    first_seen    timestamptz not null default now(),
    last_seen     timestamptz not null default now(),
    unique (kind, value)
);

create index correlation_recent_idx on correlation (last_seen desc);

create table correlation_member (
    correlation_id  bigint not null references correlation on delete cascade,
    seq             bigint not null references stix_object on delete cascade,
    primary key (correlation_id, seq)
);

create index correlation_member_seq_idx on correlation_member (seq);
