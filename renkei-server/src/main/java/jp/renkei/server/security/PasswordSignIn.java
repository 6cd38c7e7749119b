package jp.renkei.server.security;

import jp.renkei.server.audit.Actor;
import jp.renkei.server.directory.UserService;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.stereotype.Component;

/**
 * Form sign-in: client throttling first, then the account's password, second factor and lockout
 * state. An unknown login, a wrong password or code, a locked and a disabled account all get the
 * same answer, so the sign-in form does not tell which logins exist.
 */
@Component
class PasswordSignIn implements AuthenticationProvider {

  /** The form's details: the client address and the second-factor code, if one was typed. */
  static final class Details extends WebAuthenticationDetails {
    private static final long serialVersionUID = 1L;
    private final transient String code;

    Details(jakarta.servlet.http.HttpServletRequest request) {
      super(request);
      this.code = request.getParameter("code");
    }

    String code() {
      return code;
    }
  }

  /** Thrown when the client address is throttled; the login page says so. */
  static final class Throttled extends AuthenticationException {
    private static final long serialVersionUID = 1L;

    Throttled() {
      super("too many failed sign-ins from this address");
    }
  }

  private final UserService users;
  private final ClientThrottle throttle;

  PasswordSignIn(UserService users, ClientThrottle throttle) {
    this.users = users;
    this.throttle = throttle;
  }

  @Override
  public Authentication authenticate(Authentication request) {
    String login = request.getName();
    String password = request.getCredentials() == null ? "" : request.getCredentials().toString();
    String address =
        request.getDetails() instanceof WebAuthenticationDetails d ? d.getRemoteAddress() : null;
    if (address != null && throttle.blocked(address)) {
      throw new Throttled();
    }
    Actor attempt = Actor.anonymous(login == null ? "" : login.strip(), address);
    String code = request.getDetails() instanceof Details d ? d.code() : null;
    String client = address == null ? null : ClientThrottle.key(address);
    if (users.signIn(attempt, client, login, password, code) == UserService.SignInResult.OK) {
      CurrentUser user = new CurrentUser(users.byLogin(login), "web");
      return UsernamePasswordAuthenticationToken.authenticated(user, null, user.authorities());
    }
    failure(address);
    throw new BadCredentialsException("bad credentials");
  }

  private void failure(String address) {
    if (address != null) {
      throttle.failure(address);
    }
  }

  @Override
  public boolean supports(Class<?> authentication) {
    return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
  }
}
