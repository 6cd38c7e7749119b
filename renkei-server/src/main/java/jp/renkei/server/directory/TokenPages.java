package jp.renkei.server.directory;

import java.time.Instant;
import java.util.List;
import jp.renkei.server.audit.Actor;
import jp.renkei.server.failure.InvalidInput;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** A person's own API tokens: create (the secret is shown on the answer page only) and revoke. */
@Controller
class TokenPages {

  private final TokenService tokens;

  TokenPages(TokenService tokens) {
    this.tokens = tokens;
  }

  @GetMapping("/account/tokens")
  String list(Actor actor, Model model) {
    model.addAttribute("tokens", tokens.list(actor));
    model.addAttribute("now", Instant.now());
    model.addAttribute("scopes", TokenScope.values());
    model.addAttribute("defaultDays", tokens.defaultDays());
    model.addAttribute("maxDays", tokens.maxDays());
    if (!model.containsAttribute("formScopes")) {
      model.addAttribute("formScopes", List.of(TokenScope.READ.code()));
    }
    return "account/tokens";
  }

  @PostMapping("/account/tokens")
  String create(
      Actor actor,
      TokenScope.Granting granting,
      @RequestParam(defaultValue = "") String name,
      @RequestParam(defaultValue = "") String validDays,
      @RequestParam(required = false) List<String> scopes,
      Model model) {
    // an unticked form sends nothing: the least a token can do, as the API's default
    List<String> chosen = scopes == null || scopes.isEmpty() ? List.of("read") : scopes;
    try {
      Integer days = validDays.isBlank() ? null : parseDays(validDays);
      TokenService.Created created =
          tokens.create(actor, name, days, DirectoryApi.scopes(chosen), granting);
      model.addAttribute("secret", created.secret());
    } catch (InvalidInput e) {
      model.addAttribute("formError", e);
      model.addAttribute("formName", name);
      model.addAttribute("formValidDays", validDays);
      model.addAttribute("formScopes", chosen);
    }
    return list(actor, model);
  }

  @PostMapping("/account/tokens/{id}/revoke")
  String revoke(Actor actor, @PathVariable long id) {
    tokens.revoke(actor, id);
    return "redirect:/account/tokens";
  }

  /**
   * The days as typed; what is not a number is 0, which the service refuses as out of range
   * together with the form's other errors.
   */
  private static Integer parseDays(String s) {
    try {
      return Integer.valueOf(s.strip());
    } catch (NumberFormatException e) {
      return 0;
    }
  }
}
