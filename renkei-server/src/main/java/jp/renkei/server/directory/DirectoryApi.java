package jp.renkei.server.directory;

import java.net.URI;
import java.util.List;
import jp.renkei.server.audit.Actor;
import jp.renkei.server.failure.InvalidInput;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** REST: the directory, people and API tokens ({@code /api/v1}). */
@RestController
@RequestMapping("/api/v1")
class DirectoryApi {

  private final DirectoryService directory;
  private final UserService users;
  private final TokenService tokens;

  DirectoryApi(DirectoryService directory, UserService users, TokenService tokens) {
    this.directory = directory;
    this.users = users;
    this.tokens = tokens;
  }

  @GetMapping("/me")
  Representations.Me me(Actor actor) {
    UserAccount me = users.get(actor, actor.userId());
    return new Representations.Me(
        Representations.user(me),
        Representations.organisation(directory.detail(me.organisationId())),
        actor.channel());
  }

  record PasswordChange(String currentPassword, String newPassword) {}

  @PutMapping("/me/password")
  ResponseEntity<Void> changePassword(
      Actor actor,
      @RequestBody PasswordChange body,
      jakarta.servlet.http.HttpServletRequest request) {
    PasswordPages.keep(
        request, actor, users.changeOwnPassword(actor, body.currentPassword(), body.newPassword()));
    return ResponseEntity.noContent().build();
  }

  @GetMapping("/organisations")
  List<Representations.OrganisationSummary> organisations(
      @RequestParam(required = false) String type,
      @RequestParam(required = false) String sector,
      @RequestParam(required = false) String q) {
    return directory.find(new OrganisationQuery(type, sector, q)).stream()
        .map(Representations::summary)
        .toList();
  }

  @GetMapping("/organisations/{id}")
  Representations.OrganisationFull organisation(@PathVariable long id) {
    return Representations.organisation(directory.detail(id));
  }

  @PostMapping("/organisations")
  ResponseEntity<Representations.OrganisationFull> createOrganisation(
      Actor actor, @RequestBody NewOrganisation body) {
    Organisation o = directory.create(actor, body);
    return ResponseEntity.created(URI.create("/api/v1/organisations/" + o.id()))
        .body(Representations.organisation(directory.detail(o.id())));
  }

  @GetMapping("/organisations/{id}/identity")
  Representations.Identity identity(Actor actor, @PathVariable long id) {
    if (!actor.is(Role.PLATFORM_ADMIN)
        && !(actor.is(Role.ORG_ADMIN)
            && actor.organisationId() != null
            && actor.organisationId() == id)) {
      throw new jp.renkei.server.failure.Forbidden("error.directory.forbidden");
    }
    return identity(id, directory.identity(id));
  }

  @PutMapping("/organisations/{id}/identity")
  Representations.Identity setIdentity(
      Actor actor, @PathVariable long id, @RequestBody OrganisationIdentity body) {
    return identity(id, directory.setIdentity(actor, id, body));
  }

  /** The identity with what of it waits for a platform admin (attack38). */
  private Representations.Identity identity(long id, OrganisationIdentity values) {
    return Representations.identity(
        values, directory.pendingIdentity(id, "alias"), directory.pendingIdentity(id, "domain"));
  }

  record DeliveryRequest(String dutyEmail, String webhookUrl) {}

  @PutMapping("/organisations/{id}/delivery")
  DirectoryService.Delivery setDelivery(
      Actor actor, @PathVariable long id, @RequestBody DeliveryRequest body) {
    return directory.setDelivery(actor, id, body.dutyEmail(), body.webhookUrl());
  }

  record ActiveRequest(Boolean active) {}

  /** {@code active: false} deactivates the organisation (its people may no longer act). */
  @PutMapping("/organisations/{id}/active")
  Representations.OrganisationFull setActive(
      Actor actor, @PathVariable long id, @RequestBody ActiveRequest body) {
    directory.setActive(actor, id, body.active());
    return Representations.organisation(directory.detail(id));
  }

  record MembershipRequest(String memberCode) {}

  @PostMapping("/organisations/{code}/members")
  Representations.OrganisationFull addMember(
      Actor actor, @PathVariable String code, @RequestBody MembershipRequest body) {
    directory.addMembership(actor, code, body.memberCode());
    return Representations.organisation(directory.detail(directory.organisation(code).id()));
  }

  @GetMapping("/users")
  List<Representations.User> users(Actor actor) {
    return users.list(actor).stream().map(Representations::user).toList();
  }

  @GetMapping("/users/{id}")
  Representations.User user(Actor actor, @PathVariable long id) {
    return Representations.user(users.get(actor, id));
  }

  record UserRequest(
      String login,
      String displayName,
      String email,
      String organisationCode,
      String role,
      String password) {}

  @PostMapping("/users")
  ResponseEntity<Representations.CreatedUser> createUser(
      Actor actor, @RequestBody UserRequest body) {
    UserService.Created created =
        users.create(
            actor,
            new NewUser(
                body.login(),
                body.displayName(),
                body.email(),
                body.organisationCode(),
                role(body.role()),
                body.password()));
    return ResponseEntity.created(URI.create("/api/v1/users/" + created.user().id()))
        .body(
            new Representations.CreatedUser(
                Representations.user(created.user()), created.generatedPassword()));
  }

  record RoleRequest(String role) {}

  @PutMapping("/users/{id}/role")
  Representations.User changeRole(
      Actor actor, @PathVariable long id, @RequestBody RoleRequest body) {
    return Representations.user(users.changeRole(actor, id, role(body.role())));
  }

  record EnabledRequest(Boolean enabled) {}

  @PutMapping("/users/{id}/enabled")
  Representations.User setEnabled(
      Actor actor, @PathVariable long id, @RequestBody EnabledRequest body) {
    if (body.enabled() == null) {
      throw new InvalidInput("enabled", "validation.required");
    }
    return Representations.user(users.setEnabled(actor, id, body.enabled()));
  }

  @PostMapping("/users/{id}/password-reset")
  UserService.PasswordReset resetPassword(Actor actor, @PathVariable long id) {
    return users.resetPassword(actor, id);
  }

  record SecondFactorReset(boolean hadSecondFactor) {}

  @PostMapping("/users/{id}/totp-reset")
  SecondFactorReset resetSecondFactor(Actor actor, @PathVariable long id) {
    return new SecondFactorReset(users.resetSecondFactor(actor, id));
  }

  @GetMapping("/tokens")
  List<Representations.Token> tokens(Actor actor) {
    return tokens.list(actor).stream().map(Representations::token).toList();
  }

  /** {@code scopes} defaults to {@code ["read"]}; {@code validDays} to the hub's token lifetime. */
  record TokenRequest(String name, Integer validDays, List<String> scopes) {}

  @PostMapping("/tokens")
  ResponseEntity<Representations.CreatedToken> createToken(
      Actor actor, TokenScope.Granting granting, @RequestBody TokenRequest body) {
    TokenService.Created created =
        tokens.create(
            actor,
            body.name(),
            body.validDays(),
            scopes(body.scopes() == null ? List.of("read") : body.scopes()),
            granting);
    return ResponseEntity.created(URI.create("/api/v1/tokens/" + created.token().id()))
        .body(
            new Representations.CreatedToken(
                Representations.token(created.token()), created.secret()));
  }

  @DeleteMapping("/tokens/{id}")
  Representations.Token revokeToken(Actor actor, @PathVariable long id) {
    return Representations.token(tokens.revoke(actor, id));
  }

  static java.util.Set<TokenScope> scopes(List<String> codes) {
    java.util.Set<TokenScope> set = java.util.EnumSet.noneOf(TokenScope.class);
    for (String c : codes) {
      set.add(
          TokenScope.fromCode(c == null ? "" : c.strip())
              .orElseThrow(
                  () -> new InvalidInput("scopes", "validation.token.scope", String.valueOf(c))));
    }
    return set;
  }

  static Role role(String code) {
    return Role.fromCode(code == null ? "" : code.strip())
        .orElseThrow(() -> new InvalidInput("role", "validation.user.role"));
  }
}
