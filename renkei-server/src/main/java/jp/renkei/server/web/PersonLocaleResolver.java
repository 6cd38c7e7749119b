package jp.renkei.server.web;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Locale;
import jp.renkei.server.directory.UserService;
import jp.renkei.server.security.CurrentUser;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.servlet.LocaleResolver;

/**
 * Japanese unless the person chose English. A signed-in person's choice is stored on their account
 * (so it follows them to any browser); before sign-in it is kept in a cookie.
 */
class PersonLocaleResolver implements LocaleResolver {

  static final String COOKIE = "renkei_lang";
  private final UserService users;

  PersonLocaleResolver(UserService users) {
    this.users = users;
  }

  @Override
  public Locale resolveLocale(HttpServletRequest request) {
    CurrentUser user = currentUser();
    if (user != null) {
      return Locale.forLanguageTag(user.account().locale());
    }
    if (request.getCookies() != null) {
      for (Cookie c : request.getCookies()) {
        if (COOKIE.equals(c.getName()) && "en".equals(c.getValue())) {
          return Locale.ENGLISH;
        }
      }
    }
    return Locale.JAPANESE;
  }

  @Override
  public void setLocale(HttpServletRequest request, HttpServletResponse response, Locale locale) {
    String lang = locale != null && "en".equals(locale.getLanguage()) ? "en" : "ja";
    CurrentUser user = currentUser();
    if (user != null) {
      users.changeLocale(user.account().id(), lang);
    }
    Cookie cookie = new Cookie(COOKIE, lang);
    cookie.setPath("/");
    cookie.setHttpOnly(true);
    cookie.setSecure(request.isSecure());
    cookie.setMaxAge(60 * 60 * 24 * 365);
    cookie.setAttribute("SameSite", "Lax");
    response.addCookie(cookie);
  }

  private static CurrentUser currentUser() {
    Authentication auth = SecurityContextHolder.getContext().getAuthentication();
    return auth != null && auth.getPrincipal() instanceof CurrentUser u ? u : null;
  }
}
