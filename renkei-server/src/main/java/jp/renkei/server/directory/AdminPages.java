package jp.renkei.server.directory;

import java.util.List;
import jp.renkei.server.audit.Actor;
import jp.renkei.server.failure.InvalidInput;
import jp.renkei.server.reference.ReferenceData;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Administration pages: organisations (platform admins) and people (platform admins for all, org
 * admins for their own organisation). Rights are checked by the services; a form error re-shows the
 * form with the input kept and the message beside the field.
 */
@Controller
class AdminPages {

  private final DirectoryService directory;
  private final UserService users;
  private final ReferenceData reference;

  AdminPages(DirectoryService directory, UserService users, ReferenceData reference) {
    this.directory = directory;
    this.users = users;
    this.reference = reference;
  }

  @GetMapping("/admin/organisations")
  String organisations(Actor actor, Model model) {
    if (!actor.is(Role.PLATFORM_ADMIN)) {
      throw new jp.renkei.server.failure.Forbidden("error.directory.forbidden");
    }
    model.addAttribute("types", reference.organisationTypes());
    model.addAttribute("sectors", reference.sectors());
    model.addAttribute("ministries", reference.ministries());
    model.addAttribute("ceptoars", directory.find(new OrganisationQuery("ceptoar", null, null)));
    // names and domains organisation admins added, which count in nobody else's mail analysis
    // until a platform admin confirms them on the organisation's page (attack37)
    model.addAttribute("pendingIdentity", directory.withPendingIdentity(actor));
    if (!model.containsAttribute("form")) {
      model.addAttribute(
          "form", new NewOrganisation(null, null, null, null, null, null, null, List.of()));
    }
    return "admin/organisations";
  }

  @PostMapping("/admin/organisations")
  String createOrganisation(
      Actor actor,
      @RequestParam(defaultValue = "") String code,
      @RequestParam(defaultValue = "") String nameJa,
      @RequestParam(defaultValue = "") String nameEn,
      @RequestParam(defaultValue = "") String typeCode,
      @RequestParam(defaultValue = "") String sectorCode,
      @RequestParam(defaultValue = "") String ministryCode,
      @RequestParam(defaultValue = "") String dutyEmail,
      @RequestParam(name = "ceptoarCodes", required = false) List<String> ceptoarCodes,
      Model model,
      RedirectAttributes redirect) {
    NewOrganisation form =
        new NewOrganisation(
            code, nameJa, nameEn, typeCode, sectorCode, ministryCode, dutyEmail, ceptoarCodes);
    try {
      Organisation o = directory.create(actor, form);
      redirect.addFlashAttribute("createdName", o.nameJa());
      return "redirect:/directory/" + o.id();
    } catch (InvalidInput e) {
      model.addAttribute("form", form);
      model.addAttribute("formError", e);
      return organisations(actor, model);
    }
  }

  /** The people list's filters: who (login, name, e-mail), organisation, role, state. */
  static final jp.renkei.server.listing.ListSpec PEOPLE =
      jp.renkei.server.listing.ListSpec.builder()
          .text()
          .organisation()
          .messages(
              "role",
              "admin.users.role",
              "role.",
              java.util.Arrays.stream(Role.values()).map(Role::code).toList())
          .messages(
              "status",
              "admin.users.status",
              "admin.users.",
              List.of("enabled", "disabled", "locked"))
          .ascending()
          .sort("login", "admin.users.login")
          .sort("name", "admin.users.name")
          .sort("organisation", "admin.users.organisation")
          .sort("role", "admin.users.role")
          .sort("lastLogin", "admin.users.lastLogin")
          .build();

  static String status(UserAccount u, java.time.Instant now) {
    return !u.enabled() ? "disabled" : u.lockedAt(now) ? "locked" : "enabled";
  }

  @GetMapping("/admin/users")
  String users(
      Actor actor,
      @org.springframework.web.bind.annotation.RequestParam java.util.Map<String, String> params,
      java.util.Locale locale,
      Model model,
      jakarta.servlet.http.HttpServletResponse response) {
    jp.renkei.server.listing.ListQuery query = PEOPLE.parse(params, response);
    java.time.Instant now = java.time.Instant.now();
    // only the people this admin manages (UserService decides), filtered, sorted and paged
    model.addAttribute(
        "page",
        jp.renkei.server.listing.ListPage.of(
            query,
            users.list(actor),
            u ->
                query.textMatches(u.login(), u.displayName(), u.email())
                    && query.fieldMatches("org", u.organisationNameJa(), u.organisationNameEn())
                    && query.allows("role", u.role().code())
                    && query.allows("status", status(u, now)),
            java.util.Map.of(
                "login", jp.renkei.server.listing.ListPage.by(UserAccount::login),
                "name", jp.renkei.server.listing.ListPage.by(UserAccount::displayName),
                "organisation",
                    jp.renkei.server.listing.ListPage.<UserAccount, String>by(
                        u -> u.organisationName(locale)),
                "role", jp.renkei.server.listing.ListPage.by(UserAccount::role),
                "lastLogin", jp.renkei.server.listing.ListPage.by(UserAccount::lastLoginAt)),
            UserAccount::id));
    model.addAttribute("now", now);
    model.addAttribute("roles", assignableRoles(actor));
    model.addAttribute(
        "organisations",
        actor.is(Role.PLATFORM_ADMIN)
            ? directory.find(OrganisationQuery.ALL)
            : List.of(directory.organisation(actor.organisationId())));
    if (!model.containsAttribute("form")) {
      model.addAttribute("form", new NewUser(null, null, null, null, Role.MEMBER, null));
    }
    return "admin/users";
  }

  @PostMapping("/admin/users")
  String createUser(
      Actor actor,
      @RequestParam(defaultValue = "") String login,
      @RequestParam(defaultValue = "") String displayName,
      @RequestParam(defaultValue = "") String email,
      @RequestParam(defaultValue = "") String organisationCode,
      @RequestParam(defaultValue = "") String role,
      java.util.Locale locale,
      Model model) {
    NewUser form =
        new NewUser(
            login, displayName, email, organisationCode, Role.fromCode(role).orElse(null), null);
    try {
      UserService.Created created = users.create(actor, form);
      model.addAttribute("createdLogin", created.user().login());
      model.addAttribute("createdPassword", created.generatedPassword());
    } catch (InvalidInput e) {
      model.addAttribute("form", form);
      model.addAttribute("formError", e);
    }
    return users(actor, java.util.Map.of(), locale, model, null);
  }

  @GetMapping("/admin/users/{id}")
  String user(Actor actor, @PathVariable long id, Model model) {
    model.addAttribute("user", users.get(actor, id));
    model.addAttribute("roles", assignableRoles(actor));
    return "admin/user";
  }

  @PostMapping("/admin/users/{id}/role")
  String changeRole(
      Actor actor,
      @PathVariable long id,
      @RequestParam(defaultValue = "") String role,
      Model model) {
    try {
      UserAccount u =
          users.changeRole(
              actor,
              id,
              Role.fromCode(role)
                  .orElseThrow(() -> new InvalidInput("role", "validation.user.role")));
      model.addAttribute("notice", "admin.users.roleChanged");
      model.addAttribute("noticeArg", u.login());
    } catch (InvalidInput e) {
      model.addAttribute("formError", e);
    }
    return user(actor, id, model);
  }

  @PostMapping("/admin/users/{id}/enabled")
  String setEnabled(
      Actor actor, @PathVariable long id, @RequestParam boolean enabled, Model model) {
    try {
      UserAccount u = users.setEnabled(actor, id, enabled);
      model.addAttribute("notice", "admin.users.enabledChanged");
      model.addAttribute("noticeArg", u.login());
    } catch (InvalidInput e) {
      model.addAttribute("formError", e);
    }
    return user(actor, id, model);
  }

  @PostMapping("/admin/users/{id}/password")
  String resetPassword(Actor actor, @PathVariable long id, Model model) {
    UserService.PasswordReset reset = users.resetPassword(actor, id);
    model.addAttribute("newPassword", reset.password());
    model.addAttribute("tokensRevoked", reset.tokensRevoked());
    told(users.get(actor, id), model);
    return user(actor, id, model);
  }

  /**
   * Whether the person was told of the reset by e-mail, and at which address ({@link ResetNotices}
   * mails whoever has one and is not disabled): the admin otherwise does not know whether to call
   * them.
   */
  private void told(UserAccount u, Model model) {
    String reach = users.resetNoticeReach(u);
    boolean mailed = "MAILED".equals(reach);
    model.addAttribute("resetMailed", mailed);
    model.addAttribute("resetReach", reach);
    model.addAttribute("resetMailedTo", mailed ? u.email() : u.login());
  }

  @PostMapping("/admin/users/{id}/totp-reset")
  String resetSecondFactor(Actor actor, @PathVariable long id, Model model) {
    UserAccount u = users.get(actor, id);
    users.resetSecondFactor(actor, id);
    model.addAttribute("notice", "admin.users.totpReset");
    model.addAttribute("noticeArg", u.login());
    told(u, model);
    return user(actor, id, model);
  }

  private static List<Role> assignableRoles(Actor actor) {
    return actor.is(Role.PLATFORM_ADMIN)
        ? List.of(Role.values())
        : List.of(Role.MEMBER, Role.ANALYST, Role.ORG_ADMIN);
  }
}
