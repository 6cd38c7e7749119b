package jp.renkei.engine.exercise;

/**
 * A player as the scenario's targets see them.
 *
 * @param login the person's login
 * @param team the team key in the run
 * @param organisationId the player's organisation
 * @param organisationType its type code (operator, ceptoar, ministry, nisc ...)
 * @param sector its sector code, or empty
 * @param role the role the player plays (e.g. 医師, 情報システム担当), or empty
 */
public record Participant(
    String login,
    String team,
    long organisationId,
    String organisationType,
    String sector,
    String role) {

  public Participant {
    sector = sector == null ? "" : sector;
    role = role == null ? "" : role;
    organisationType = organisationType == null ? "" : organisationType;
  }
}
