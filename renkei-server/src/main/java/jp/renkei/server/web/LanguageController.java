package jp.renkei.server.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Locale;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.LocaleResolver;

/** The language switch in every page header (a POST form, so it carries the CSRF token). */
@Controller
@ConditionalOnWebApplication
class LanguageController {

  private final LocaleResolver locales;

  LanguageController(LocaleResolver locales) {
    this.locales = locales;
  }

  @PostMapping("/settings/language")
  String switchLanguage(
      @RequestParam("lang") String lang,
      @RequestParam(name = "back", required = false) String back,
      HttpServletRequest request,
      HttpServletResponse response) {
    locales.setLocale(request, response, "en".equals(lang) ? Locale.ENGLISH : Locale.JAPANESE);
    return "redirect:" + safeBack(back);
  }

  /** Only a local path may be the target, so the switch cannot be used as an open redirect. */
  static String safeBack(String back) {
    if (back == null
        || !back.startsWith("/")
        || back.startsWith("//")
        || back.contains("\\")
        || back.contains("\r")
        || back.contains("\n")) {
      return "/";
    }
    return back;
  }
}
