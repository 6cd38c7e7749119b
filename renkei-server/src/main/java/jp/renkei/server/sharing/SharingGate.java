package jp.renkei.server.sharing;

import java.util.Set;
import jp.renkei.engine.policy.Audience;
import jp.renkei.engine.policy.C4tapStanding;
import jp.renkei.engine.policy.Decision;
import jp.renkei.engine.policy.Reach;
import jp.renkei.engine.policy.SharingPolicy;
import jp.renkei.engine.policy.Viewer;
import jp.renkei.server.audit.Actor;
import jp.renkei.server.database.Rows;
import jp.renkei.server.failure.NotFound;
import org.springframework.stereotype.Service;

/**
 * The server's only door to the engine's {@link SharingPolicy}: it describes the acting person as a
 * policy {@link Viewer} and asks, with the hub's current mode. Every read path of every feature —
 * object pages, lists, search, counts, exports, notifications — filters through here.
 */
@Service
public class SharingGate {

  private final SharingPolicy policy = new SharingPolicy();
  private final ModeService modes;
  private final org.springframework.jdbc.core.simple.JdbcClient jdbc;

  SharingGate(ModeService modes, org.springframework.jdbc.core.simple.JdbcClient jdbc) {
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

  /**
   * The viewer in one query: the organisation's type and sector, the CEPTOARs it belongs to and its
   * recorded C4TAP standing (read on every request of every path, so one round trip, not three).
   */
  private Viewer read(Actor actor) {
    return read(actor.userId(), actor.organisationId());
  }

  /**
   * The policy fixed to an organisation as a whole — its duty mailbox or webhook, as it is now —
   * and the current mode: what the outbox asks right before it sends. An organisation that is gone
   * or inactive is {@link java.util.Optional#empty()}.
   */
  public java.util.Optional<Check> checkOrganisation(long organisationId) {
    boolean active =
        jdbc.sql("select active from organisation where id = ?")
            .param(organisationId)
            .query(Boolean.class)
            .optional()
            .orElse(false);
    if (!active) {
      return java.util.Optional.empty();
    }
    Viewer v = read(null, organisationId);
    var mode = modes.current();
    return java.util.Optional.of(audience -> policy.decide(v, audience, mode));
  }

  /**
   * An organisation as a whole, as the policy sees it now (no person): what a relay acting for it
   * (a feed) is judged as. An organisation that is gone or inactive is {@link
   * java.util.Optional#empty()}.
   */
  public java.util.Optional<Viewer> activeOrganisation(long organisationId) {
    boolean active =
        jdbc.sql("select active from organisation where id = ?")
            .param(organisationId)
            .query(Boolean.class)
            .optional()
            .orElse(false);
    return active ? java.util.Optional.of(read(null, organisationId)) : java.util.Optional.empty();
  }

  private Viewer read(Long person, long org) {
    return jdbc.sql(
            "select o.type_code, o.sector_code,"
                + " array(select m.ceptoar_id from ceptoar_membership m where m.member_id = o.id),"
                + " (select s.standing from c4tap_standing s where s.organisation_id = o.id)"
                + " from organisation o where o.id = ?")
        .param(org)
        .query(
            (rs, n) ->
                new Viewer(
                    person,
                    org,
                    rs.getString(1),
                    rs.getString(2),
                    Set.copyOf(Rows.longs(rs.getArray(3))),
                    c4tap(rs.getString(4), rs.getString(1))))
        .optional()
        .orElseThrow(() -> new NotFound("organisation", org));
  }

  /**
   * An organisation's C4TAP standing: as recorded ({@code c4tap_standing}), else by its type — NISC
   * (the secretariat) Red; CEPTOARs and operators, the participants, Amber; security agencies
   * Yellow (observers); ministries and response agencies Green (council parties); others none.
   */
  private static C4tapStanding c4tap(String recorded, String typeCode) {
    if (recorded != null) {
      return C4tapStanding.valueOf(recorded);
    }
    return switch (typeCode) {
      case "nisc" -> C4tapStanding.SECRETARIAT_OR_ANALYST;
      case "ceptoar", "operator" -> C4tapStanding.PARTICIPANT;
      case "security_agency" -> C4tapStanding.OBSERVER;
      case "ministry", "incident_response", "disaster_management" -> C4tapStanding.COUNCIL_PARTY;
      default -> C4tapStanding.NONE;
    };
  }

  /** A decision for many objects at once: fixes the viewer and the mode for the whole list. */
  public Check check(Actor actor) {
    Viewer v = viewer(actor);
    var mode = modes.current();
    return audience -> policy.decide(v, audience, mode);
  }

  /**
   * What the policy consults about the actor ({@link Reach}): a necessary condition to pre-narrow
   * candidates, and the recipients worth loading. Every object shown is still judged by {@link
   * #check}.
   */
  public Reach reach(Actor actor) {
    return Reach.of(viewer(actor));
  }

  /** Organisation types a delivery to everyone leaves out now (see SharingPolicy.gatedTypes). */
  public java.util.Set<String> gatedTypesNow() {
    return policy.gatedTypes(modes.current());
  }

  /**
   * The object {@code found} when the actor may see it; empty when it may not, and when nothing was
   * found, after the same work either way (attack30b): the viewer and the mode are read before
   * whether anything was found is looked at, so asking for a hidden object and for one that never
   * existed sends the database the same statements, and an attacker timing many requests learns
   * nothing. {@code audience} must read nothing: the caller loads what it needs (hops, recipients)
   * whether or not the object exists.
   */
  public <T> java.util.Optional<T> visible(
      Actor actor, java.util.Optional<T> found, java.util.function.Function<T, Audience> audience) {
    Check check = check(actor);
    return found.filter(o -> check.allows(audience.apply(o)));
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
