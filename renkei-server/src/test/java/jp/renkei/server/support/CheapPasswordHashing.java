package jp.renkei.server.support;

import java.util.Map;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.DelegatingPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * The integration tests' password encoder: the same {@code {bcrypt}} delegating form as production
 * ({@code PasswordHashing}) at strength 4 instead of 10, about 1.3 ms of CPU a hash or check
 * instead of 77 ms. Every {@code fixtures.user} hashes and every sign-in checks, hundreds of times
 * a build. It exists only on the test classpath and reaches a context only through {@link
 * ServerTest}'s {@code @Import} ({@code @TestConfiguration} is never component-scanned), so
 * production and the jar the CLI tests start keep strength 10; {@code PasswordHashingTest} asserts
 * that. Sign-in's stand-in hash for unknown logins is made by whichever encoder the context has, so
 * "unknown login" and "wrong password" cost the same here as in production.
 */
@TestConfiguration(proxyBeanMethods = false)
public class CheapPasswordHashing {

  /** bcrypt's lowest strength (16 rounds). */
  public static final int STRENGTH = 4;

  @Bean
  @Primary
  public PasswordEncoder cheapPasswordEncoder() {
    return new DelegatingPasswordEncoder(
        "bcrypt", Map.of("bcrypt", new BCryptPasswordEncoder(STRENGTH)));
  }
}
