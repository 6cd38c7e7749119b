package jp.renkei.server.security;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import jp.renkei.server.audit.Actor;
import jp.renkei.server.directory.Role;
import jp.renkei.server.directory.TokenScope;
import jp.renkei.server.directory.UserAccount;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/**
 * The principal of an authenticated request: the person as read from the database at the start of
 * this request (so role changes and disabling take effect at once), how they came in, and for a
 * token what it may do (null for a signed-in session, which may do what the role allows).
 */
public record CurrentUser(
    UserAccount account, String channel, Set<TokenScope> scopes, java.time.Instant tokenExpires)
    implements Serializable {

  /** A signed-in person (no token scopes). */
  public CurrentUser(UserAccount account, String channel) {
    this(account, channel, null, null);
  }

  /**
   * What this caller may grant a token it mints: no scope it lacks, and no life past its own
   * (attack29b).
   */
  public TokenScope.Granting granting() {
    return scopes == null
        ? TokenScope.Granting.SESSION
        : new TokenScope.Granting(scopes, tokenExpires);
  }

  public Actor actor(String clientAddress) {
    return new Actor(
        account.id(),
        account.login(),
        account.organisationId(),
        account.role(),
        channel,
        clientAddress);
  }

  /** {@code ROLE_X} for the person's role and every role it includes. */
  public List<GrantedAuthority> authorities() {
    List<GrantedAuthority> list = new ArrayList<>();
    for (Role r : Role.values()) {
      if (account.role().includes(r)) {
        list.add(new SimpleGrantedAuthority("ROLE_" + r.name()));
      }
    }
    return list;
  }
}
