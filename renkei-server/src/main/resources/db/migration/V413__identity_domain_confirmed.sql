-- attack37: a domain in an organisation's identity is trusted by every member's mail analysis (mail
-- from a member's domain is no claim of another member; no member's domain is a look-alike), so a
-- domain an organisation's admin adds waits for a platform admin before it counts for anyone else.
-- Its own organisation (anonymisation, its own people's analyses) uses it at once. Rows written
-- before this migration are kept as confirmed: nothing tells who wrote them.
alter table organisation_identity add column confirmed boolean not null default true;
