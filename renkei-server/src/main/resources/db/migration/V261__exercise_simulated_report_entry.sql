-- Issue 15: a simulated report (an exercise inject from a simulated sender, e.g. 「A社（模擬）」) may
-- enter the report route above the CEPTOAR, at a ministry or at NISC, as if the CEPTOAR (and the
-- ministry) had forwarded it: its hops start at that level and no CEPTOAR is named, because the
-- simulated sender's CEPTOAR is not an organisation of this hub. Only an exercise run's report may be
-- on the CEPTOAR route without naming a CEPTOAR (real filing always names one).
alter table report drop constraint ceptoar_route_names_ceptoar;
alter table report add constraint ceptoar_route_names_ceptoar
    check ((route = 'ceptoar') = (ceptoar_id is not null)
           or (route = 'ceptoar' and ceptoar_id is null and exercise_run_id is not null));
