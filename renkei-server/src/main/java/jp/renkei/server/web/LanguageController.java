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

  /**
   * Only a local path may be the target, so the switch cannot be used as an open redirect; a path
   * with control characters goes home. Other characters a Location header cannot carry (non-ASCII,
   * spaces, braces that would read as URI template variables) are percent-encoded, so a page with
   * Japanese in its address switches language and comes back (it used to get a 302 without a
   * Location).
   */
  static String safeBack(String back) {
    if (back == null || !back.startsWith("/") || back.startsWith("//") || back.contains("\\")) {
      return "/";
    }
    StringBuilder out = new StringBuilder(back.length() + 16);
    for (byte b : back.getBytes(java.nio.charset.StandardCharsets.UTF_8)) {
      int c = b & 0xff;
      if (c < 0x20 || c == 0x7f) {
        return "/";
      }
      if (c > 0x7e || " \"<>`{}|^".indexOf(c) >= 0) {
        out.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)));
        out.append(Character.toUpperCase(Character.forDigit(c & 0xf, 16)));
      } else {
        out.append((char) c);
      }
    }
    return out.toString();
  }
}
