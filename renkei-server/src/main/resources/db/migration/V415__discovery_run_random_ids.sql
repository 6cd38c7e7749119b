-- Discovery and enumeration runs (V231) had sequential ids, and every analyst starting a run of its
-- own organisation is answered its id (POST /api/v1/exposure/discovery/runs) and finds it in the
-- evidence of the NOTICE notices the hub's enumeration files ("Renkei discovery run N"): two runs
-- a week apart counted the runs of every other organisation in between, the weekly scheduled ones
-- too, so an operator learnt how many members had a verified exposure scope and how often they
-- probed it (attack39). New runs get random ids (random_id(), V90); the runs page orders by start
-- time with the id as tie-break. Existing rows keep theirs: the NOTICE evidence already written
-- names them, and renumbering what was handed out unleaks nothing.
alter table discovery_run alter column id drop identity;
alter table discovery_run alter column id set default random_id();
