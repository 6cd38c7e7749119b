package jp.renkei.server.sharing;

import java.util.Set;
import java.util.stream.Collectors;
import jp.renkei.engine.policy.Audience;
import jp.renkei.engine.policy.C4tapStanding;
import jp.renkei.engine.policy.Decision;
import jp.renkei.engine.policy.SharingPolicy;
import jp.renkei.engine.policy.Viewer;
import jp.renkei.server.audit.Actor;
import jp.renkei.server.directory.DirectoryService;
import jp.renkei.server.directory.Organisation;
import jp.renkei.server.directory.OrganisationDetail;
import org.springframework.stereotype.Service;

/**
 * The server's only door to the engine's {@link SharingPolicy}: it describes the acting person as a
 * policy {@link Viewer} and asks, with the hub's current mode. Every read path of every feature —
 * object pages, lists, search, counts, exports, notifications — filters through here.
 */
@Service
public class SharingGate {

  private final SharingPolicy policy = new SharingPolicy();
  private final DirectoryService directory;
  private final ModeService modes;

  private final org.springframework.jdbc.core.simple.JdbcClient jdbc;

  SharingGate(
      DirectoryService directory,
      ModeService modes,
      org.springframework.jdbc.core.simple.JdbcClient jdbc) {
    this.directory = directory;
    this.modes = modes;
    this.jdbc = jdbc;
  }

  /**
   * The actor as the policy sees them (one directory read, remembered for the rest of the current
   * HTTP request, never longer: a membership change applies to the next request).
   */
  public Viewer viewer(Actor actor) {
    if (actor.userId() == null || actor.organisationId() == null) {
      return Viewer.PUBLIC;
    }
    var request =
        org.springframework.web.context.request.RequestContextHolder.getRequestAttributes();
    if (request == null) {
      return read(actor);
    }
    String key = "renkei.viewer." + actor.userId() + "." + actor.organisationId();
    Object known = request.getAttribute(key, 0);
    if (known instanceof Viewer v) {
      return v;
    }
    Viewer v = read(actor);
    request.setAttribute(key, v, 0);
    return v;
  }

  private Viewer read(Actor actor) {
    OrganisationDetail d = directory.detail(actor.organisationId());
    Organisation o = d.organisation();
    Set<Long> ceptoars = d.ceptoars().stream().map(Organisation::id).collect(Collectors.toSet());
    return new Viewer(actor.userId(), o.id(), o.typeCode(), o.sectorCode(), ceptoars, c4tap(o));
  }

  /**
   * An organisation's C4TAP standing: as recorded ({@code c4tap_standing}), else by its type — NISC
   * (the secretariat) Red; CEPTOARs and operators, the participants, Amber; security agencies
   * Yellow (observers); ministries and response agencies Green (council parties); others none.
   */
  private C4tapStanding c4tap(Organisation o) {
    return jdbc.sql("select standing from c4tap_standing where organisation_id = ?")
        .param(o.id())
        .query(String.class)
        .optional()
        .map(C4tapStanding::valueOf)
        .orElseGet(
            () ->
                switch (o.typeCode()) {
                  case "nisc" -> C4tapStanding.SECRETARIAT_OR_ANALYST;
                  case "ceptoar", "operator" -> C4tapStanding.PARTICIPANT;
                  case "security_agency" -> C4tapStanding.OBSERVER;
                  case "ministry", "incident_response", "disaster_management" ->
                      C4tapStanding.COUNCIL_PARTY;
                  default -> C4tapStanding.NONE;
                });
  }

  /** A decision for many objects at once: fixes the viewer and the mode for the whole list. */
  public Check check(Actor actor) {
    Viewer v = viewer(actor);
    var mode = modes.current();
    return audience -> policy.decide(v, audience, mode);
  }

  public boolean canView(Actor actor, Audience audience) {
    return check(actor).decide(audience).allowed();
  }

  /** The policy fixed to one viewer and mode. */
  @FunctionalInterface
  public interface Check {
    Decision decide(Audience audience);

    default boolean allows(Audience audience) {
      return decide(audience).allowed();
    }
  }
}
