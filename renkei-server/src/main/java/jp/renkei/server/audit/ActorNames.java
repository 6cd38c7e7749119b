package jp.renkei.server.audit;

import java.util.Locale;
import java.util.Optional;
import jp.renkei.server.directory.Role;
import jp.renkei.server.directory.UserAccount;
import jp.renkei.server.directory.UserService;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * Who did something, as a page shows it to a person: the audit log records the actor as {@code
 * kind:login} ({@link Actor#auditName()}, e.g. {@code web:admin}), which a reader takes for a code.
 * A person is named by display name and organisation ("山田 太郎 (NISC)", "… の API トークン"); the shell,
 * the platform's own jobs and feeds by what they are ("コマンドライン (root)", "システム (outbox)"). Every
 * page that says who did something names them here, so the audit list and the organisation page
 * agree.
 *
 * <p>A person is named only when the entry was recorded for their organisation (a failed sign-in
 * records the login that was typed, not a person) and the viewer may see them as {@link
 * UserService#get} decides: a platform admin everyone, an org admin the people of their own
 * organisation, anyone themselves. Otherwise the text says a person of another organisation, and no
 * name.
 */
@Component
public class ActorNames {

  private final UserService users;
  private final MessageSource messages;

  ActorNames(UserService users, MessageSource messages) {
    this.users = users;
    this.messages = messages;
  }

  /**
   * The actor {@code recorded} in the audit log (with the organisation the entry was recorded for,
   * or null) in words for {@code viewer}, in {@code locale}.
   */
  public String name(Actor viewer, String recorded, Long actorOrgId, Locale locale) {
    if (recorded == null || recorded.isBlank()) {
      return "-";
    }
    int colon = recorded.indexOf(':');
    String kind = colon < 0 ? "" : recorded.substring(0, colon);
    String who = colon < 0 ? recorded : recorded.substring(colon + 1);
    Optional<UserAccount> person = person(who, actorOrgId);
    if (person.isPresent()) {
      UserAccount p = person.get();
      if (!mayKnow(viewer, p)) {
        return text(locale, "audit.actor.hidden");
      }
      String org =
          "en".equals(locale.getLanguage()) ? p.organisationNameEn() : p.organisationNameJa();
      return switch (kind) {
        case "token" -> text(locale, "audit.actor.token", p.displayName(), org);
        case "cli" -> text(locale, "audit.actor.cliPerson", p.displayName(), org);
        case "web" -> text(locale, "audit.actor.person", p.displayName(), org);
        default -> text(locale, "audit.actor.systemPerson", p.displayName(), org);
      };
    }
    return switch (kind) {
      case "web", "token" -> text(locale, "audit.actor.unknown", who);
      case "cli" -> text(locale, "audit.actor.cli", who);
      case "feed" -> text(locale, "audit.actor.feed", who);
      default -> text(locale, "audit.actor.system", who);
    };
  }

  /**
   * The person an entry's target {@code user:id} names, as "display name (login)", when the viewer
   * may know them (the same rule as for actors); otherwise empty, and the list shows the kind only.
   */
  public Optional<String> targetPerson(Actor viewer, String id) {
    if (id == null || !id.matches("\\d{1,18}")) {
      return Optional.empty();
    }
    return users
        .byAuditedId(Long.parseLong(id))
        .filter(p -> mayKnow(viewer, p))
        .map(p -> p.displayName() + " (" + p.login() + ")");
  }

  private Optional<UserAccount> person(String login, Long actorOrgId) {
    if (actorOrgId == null || login.isBlank()) {
      return Optional.empty();
    }
    return users.findByLogin(login).filter(u -> u.organisationId() == actorOrgId);
  }

  private static boolean mayKnow(Actor viewer, UserAccount p) {
    return viewer.is(Role.PLATFORM_ADMIN)
        || (viewer.is(Role.ORG_ADMIN)
            && viewer.organisationId() != null
            && viewer.organisationId() == p.organisationId())
        || (viewer.userId() != null && viewer.userId() == p.id());
  }

  private String text(Locale locale, String key, Object... args) {
    return messages.getMessage(key, args, locale);
  }
}
