package jp.renkei.server.directory;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * The one password encoder of the application: Spring Security's delegating encoder, which writes
 * {@code {bcrypt}} hashes at bcrypt's default strength (10, about 77 ms of CPU a check) and can
 * still read the other algorithms it knows, so a hash records how it was made.
 *
 * <p>There is deliberately no property for the strength: production cannot be configured into
 * cheaper hashes. Only the server's integration tests replace this bean, from the test classpath
 * ({@code CheapPasswordHashing}, strength 4), to save CI time; the jar the CLI and federation tests
 * start has no such class and hashes as production does.
 */
@Configuration(proxyBeanMethods = false)
public class PasswordHashing {

  /** The bcrypt strength (log2 of the rounds) of every hash production writes. */
  public static final int STRENGTH = 10;

  @Bean
  PasswordEncoder passwordEncoder() {
    return PasswordEncoderFactories.createDelegatingPasswordEncoder();
  }
}
