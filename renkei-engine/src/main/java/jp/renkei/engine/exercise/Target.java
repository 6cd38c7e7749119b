package jp.renkei.engine.exercise;

import java.util.Objects;

/**
 * One 付与先 (whom an inject goes to): a named player, a team of the run, an organisation, every
 * organisation of a type or sector, or every player of a role.
 *
 * @param kind what {@code value} names
 * @param value a player's login, team key, organisation id, type code, sector code or role
 */
public record Target(Kind kind, String value) {

  /** What a target names. */
  public enum Kind {
    PLAYER,
    TEAM,
    ORGANISATION,
    ORGANISATION_TYPE,
    SECTOR,
    ROLE,
    /** Every player of the run. */
    ALL
  }

  public Target {
    Objects.requireNonNull(kind, "kind");
    value = value == null ? "" : value.strip();
    if (kind != Kind.ALL && value.isEmpty()) {
      throw new IllegalArgumentException("a " + kind + " target needs a value");
    }
  }

  public static Target all() {
    return new Target(Kind.ALL, "");
  }

  /** Whether this target reaches a player of {@code player}'s standing. */
  public boolean reaches(Participant player) {
    return switch (kind) {
      case ALL -> true;
      case PLAYER -> value.equals(player.login());
      case TEAM -> value.equals(player.team());
      case ORGANISATION -> value.equals(Long.toString(player.organisationId()));
      case ORGANISATION_TYPE -> value.equals(player.organisationType());
      case SECTOR -> value.equals(player.sector());
      case ROLE -> value.equals(player.role());
    };
  }
}
