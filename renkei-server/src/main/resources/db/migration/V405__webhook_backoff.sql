-- harden32: a webhook receiver's back-off after a slow failure (WebhookLanes) kept in the database
-- instead of one instance's memory, so that every instance of a hub leaves the receiver alone and
-- a restart does not forget it. One row per organisation: the address that failed (an address
-- registered since is not held), the slow failures in a row, and until when it is left alone.
create table webhook_backoff (
  organisation_id bigint primary key references organisation (id) on delete cascade,
  target text not null,
  failures integer not null check (failures > 0),
  held_until timestamptz not null
);
