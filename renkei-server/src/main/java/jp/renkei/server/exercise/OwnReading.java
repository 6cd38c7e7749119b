package jp.renkei.server.exercise;

import jp.renkei.server.audit.Actor;

/**
 * Whether opening a run's injects is the member's own reading, which the run scores (attack28c).
 * The browser session's cookie also travels on a top-level GET from another site (SameSite=Lax), so
 * a link in an e-mail or on another page would read for the member: a request with the session
 * counts only when the browser says it came from the hub's own pages ({@code Sec-Fetch-Site:
 * same-origin}). A request with one of the member's API tokens counts: no other site can send it.
 */
final class OwnReading {

  private OwnReading() {}

  static boolean counts(Actor actor, String fetchSite) {
    return "token".equals(actor.channel()) || "same-origin".equals(fetchSite);
  }
}
