package jp.renkei.server.directory;

import jp.renkei.server.audit.Actor;
import jp.renkei.server.config.SecurityProperties;
import jp.renkei.server.failure.InvalidInput;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * A person's second factor, from their signed-in session only (no API: a token must not be able to
 * add or remove a credential). The secret is shown as text and as an otpauth URI, no QR image.
 */
@Controller
class TotpPages {

  private final TotpService totp;
  private final SecurityProperties security;

  TotpPages(TotpService totp, SecurityProperties security) {
    this.totp = totp;
    this.security = security;
  }

  @GetMapping("/account/totp")
  String page(Actor actor, Model model) {
    model.addAttribute("enabled", totp.enabled(actor.userId()));
    model.addAttribute("codesLeft", totp.recoveryCodesLeft(actor.userId()));
    model.addAttribute(
        "required", security.requireTotpForAdmins() && actor.is(Role.PLATFORM_ADMIN));
    if (!model.containsAttribute("enrolment")) {
      model.addAttribute("enrolment", null);
    }
    if (!model.containsAttribute("recoveryCodes")) {
      model.addAttribute("recoveryCodes", null);
    }
    return "account/totp";
  }

  @PostMapping("/account/totp/start")
  String start(Actor actor, Model model) {
    model.addAttribute("enrolment", totp.start(actor));
    return page(actor, model);
  }

  @PostMapping("/account/totp/confirm")
  String confirm(Actor actor, @RequestParam(defaultValue = "") String code, Model model) {
    try {
      model.addAttribute("recoveryCodes", totp.confirm(actor, code));
    } catch (InvalidInput e) {
      model.addAttribute("formError", e);
    }
    return page(actor, model);
  }

  @PostMapping("/account/totp/disable")
  String disable(Actor actor, @RequestParam(defaultValue = "") String code, Model model) {
    try {
      totp.disable(actor, code);
    } catch (InvalidInput e) {
      model.addAttribute("formError", e);
    }
    return page(actor, model);
  }
}
