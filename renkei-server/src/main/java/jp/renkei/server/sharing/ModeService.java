package jp.renkei.server.sharing;

import java.util.List;
import jp.renkei.engine.policy.SystemMode;
import jp.renkei.server.audit.Actor;
import jp.renkei.server.audit.AuditLog;
import jp.renkei.server.audit.AuditLog.Detail;
import jp.renkei.server.database.Rows;
import jp.renkei.server.directory.DirectoryService;
import jp.renkei.server.directory.Role;
import jp.renkei.server.failure.Forbidden;
import jp.renkei.server.failure.InvalidInput;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The hub-wide mode. Everyone may know it (every page shows it); only NISC analysts and above, or
 * an operator at the shell, switch it, always with a reason, always audited. The sharing policy
 * reads it on every decision, so it is read from the database, never cached per instance.
 */
@Service
public class ModeService {

  static final int MAX_REASON = 1000;
  private static final String NISC_TYPE = "nisc";

  private final JdbcClient jdbc;
  private final DirectoryService directory;
  private final AuditLog audit;

  ModeService(JdbcClient jdbc, DirectoryService directory, AuditLog audit) {
    this.jdbc = jdbc;
    this.directory = directory;
    this.audit = audit;
  }

  /** The mode code now in force: {@code normal} or {@code large_scale}. */
  public String currentCode() {
    return jdbc.sql("select mode from system_mode_change order by changed_at desc, id desc limit 1")
        .query(String.class)
        .optional()
        .orElse("normal");
  }

  /** The mode now in force, as the sharing policy takes it. */
  public SystemMode current() {
    return toPolicy(currentCode());
  }

  public List<ModeChange> history(int limit) {
    return jdbc.sql(
            "select id, mode, reason, changed_by_name, changed_at from system_mode_change"
                + " order by changed_at desc, id desc limit ?")
        .param(Math.max(1, Math.min(limit, 500)))
        .query(Rows.of(ModeChange.class))
        .list();
  }

  public boolean maySwitch(Actor actor) {
    if ("cli".equals(actor.channel())) {
      return true;
    }
    return actor.organisationId() != null
        && actor.is(Role.ANALYST)
        && NISC_TYPE.equals(directory.organisation(actor.organisationId()).typeCode());
  }

  @Transactional
  public ModeChange switchTo(Actor actor, String mode, String reason) {
    if (!maySwitch(actor)) {
      throw new Forbidden("error.mode.forbidden");
    }
    if (!"normal".equals(mode) && !"large_scale".equals(mode)) {
      throw new InvalidInput("mode", "validation.mode.unknown", String.valueOf(mode));
    }
    String why = reason == null ? "" : reason.strip();
    if (why.isEmpty() || why.length() > MAX_REASON) {
      throw new InvalidInput("reason", "validation.required.max", MAX_REASON);
    }
    jdbc.sql("lock table system_mode_change in exclusive mode").update();
    String from = currentCode();
    if (from.equals(mode)) {
      throw new InvalidInput("mode", "validation.mode.same", mode);
    }
    long id =
        jdbc.sql(
                "insert into system_mode_change (mode, reason, changed_by, changed_by_name)"
                    + " values (?,?,?,?) returning id")
            .params(mode, why, actor.userId(), actor.auditName())
            .query(Long.class)
            .single();
    audit.record(
        actor,
        AuditLog.Event.success(
            "sharing.mode.switch",
            "system_mode",
            id,
            Detail.of("sharing.mode.switch", from, mode, why)));
    return history(1).get(0);
  }

  static SystemMode toPolicy(String code) {
    return "large_scale".equals(code) ? SystemMode.LARGE_SCALE : SystemMode.NORMAL;
  }
}
