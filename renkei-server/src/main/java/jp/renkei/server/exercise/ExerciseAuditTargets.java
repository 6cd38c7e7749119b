package jp.renkei.server.exercise;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import jp.renkei.engine.policy.Audience;
import jp.renkei.engine.policy.Marking;
import jp.renkei.engine.policy.Tlp;
import jp.renkei.server.audit.Actor;
import jp.renkei.server.audit.AuditIds;
import jp.renkei.server.audit.AuditTargets;
import jp.renkei.server.database.Rows;
import jp.renkei.server.sharing.SharingGate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Audit entries about exercises, judged by the sharing policy with each exercise's audience: a run
 * (and the drill that is one) is TLP:AMBER+STRICT of the organisation that planned it, addressed to
 * the organisations that took part (its members' organisations and, for a drill, the organisations
 * invited); a scenario is its planning organisation's alone. So an organisation's admin reads its
 * own people's entries about the exercises the organisation planned or played in, and nothing about
 * any other — a platform admin elsewhere included (the log names runs, teams and logins). A run or
 * scenario that no longer exists is shown to nobody.
 */
@Component
class ExerciseAuditTargets implements AuditTargets {

  private static final Marking PARTICIPANTS = Marking.tlp(Tlp.AMBER_STRICT);

  private final JdbcClient jdbc;
  private final SharingGate gate;

  ExerciseAuditTargets(JdbcClient jdbc, SharingGate gate) {
    this.jdbc = jdbc;
    this.gate = gate;
  }

  @Override
  public Set<String> targetTypes() {
    return Set.of("exercise_run", "exercise_scenario", "exercise_drill");
  }

  @Override
  public Set<String> visible(Actor viewer, String targetType, Set<String> ids) {
    List<Long> numeric = AuditIds.numeric(ids);
    if (numeric.isEmpty() || viewer.organisationId() == null) {
      return Set.of();
    }
    Map<Long, Audience> audiences = audiences(targetType, numeric);
    SharingGate.Check check = gate.check(viewer);
    Set<String> out = new HashSet<>();
    audiences.forEach(
        (id, audience) -> {
          if (check.allows(audience)) {
            out.add(String.valueOf(id));
          }
        });
    return out;
  }

  private Map<Long, Audience> audiences(String targetType, List<Long> ids) {
    // the organisations of a run: its members' and, when it is a drill's, the drill's invited
    String participants =
        "array(select u.organisation_id from exercise_member m join app_user u on u.id = m.user_id"
            + " where m.run_id = r.id union select p.organisation_id from exercise_drill d"
            + " join exercise_drill_participant p on p.drill_id = d.id where d.run_id = r.id)";
    String sql =
        switch (targetType) {
          case "exercise_run" ->
              "select r.id, r.owner_org_id, "
                  + participants
                  + " from exercise_run r where r.id = any(?)";
          case "exercise_drill" ->
              "select x.id, x.owner_org_id, "
                  + participants
                  + " from exercise_drill x join exercise_run r on r.id = x.run_id"
                  + " where x.id = any(?)";
          default ->
              "select s.id, s.owner_org_id, array[]::bigint[] from exercise_scenario s"
                  + " where s.id = any(?)";
        };
    Map<Long, Audience> out = new HashMap<>();
    jdbc.sql(sql)
        .param(ids.toArray(Long[]::new))
        .query(
            (java.sql.ResultSet rs) -> {
              out.put(
                  rs.getLong(1),
                  Audience.of(PARTICIPANTS, rs.getLong(2), null)
                      .withRecipientOrganisations(Set.copyOf(Rows.longs(rs.getArray(3)))));
            });
    return out;
  }
}
