-- Withholding (identity30, docs/organisations.md): a platform admin's decision that a stored
-- identity named as another organisation misleads readers. While a row is here, the identity's
-- stored versions are read only by the organisation that stored each of them, and every other
-- reader gets the objects naming it with the reference removed ("attribution withheld"). Deleting
-- the row (a release) gives everything back as it was: nothing else is changed.
create table stix_withheld_identity (
    stix_id text primary key check (stix_id like 'identity--%'),
    organisation_id bigint not null references organisation (id),
    withheld_at timestamptz not null default now()
);
