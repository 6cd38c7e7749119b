package jp.renkei.server.database;

import java.security.SecureRandom;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Random values a hub makes once and keeps (table {@code hub_secret}): every instance of the hub,
 * and every restart, reads the same one. The first to ask creates it; concurrent first requests
 * agree on one value.
 */
@Component
public class HubSecrets {

  private final JdbcClient jdbc;
  private final SecureRandom random = new SecureRandom();

  HubSecrets(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** The secret called {@code name}, made of {@code length} random bytes when first asked for. */
  public byte[] get(String name, int length) {
    byte[] fresh = new byte[length];
    random.nextBytes(fresh);
    jdbc.sql("insert into hub_secret (name, value) values (?, ?) on conflict do nothing")
        .params(name, fresh)
        .update();
    return jdbc.sql("select value from hub_secret where name = ?")
        .param(name)
        .query(byte[].class)
        .single();
  }
}
