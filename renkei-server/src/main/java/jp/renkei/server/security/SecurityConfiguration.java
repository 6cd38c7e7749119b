package jp.renkei.server.security;

import jp.renkei.server.config.SecurityProperties;
import jp.renkei.server.directory.TokenService;
import jp.renkei.server.directory.UserService;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.csrf.CsrfFilter;
import org.springframework.security.web.header.HeaderWriterFilter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;

/**
 * Three filter chains: TAXII ({@code /taxii2/**}) takes API tokens only; the API ({@code /api/**},
 * {@code /actuator/**}) answers problem+json and takes bearer tokens or the browser session; the UI
 * uses form sign-in. All share the headers ({@link SecurityHeaders}): a CSP without inline script,
 * no framing, no sniffing, same-origin referrers, no caching; the token filters run after the
 * header writer, so that their refusals carry them as well, and the firewall's refusals write them
 * before answering.
 */
@Configuration(proxyBeanMethods = false)
@EnableWebSecurity
@ConditionalOnWebApplication
class SecurityConfiguration {

  /** TAXII 2.1: API tokens only (Bearer or Basic), stateless, no CSRF (no cookie is honoured). */
  @Bean
  @Order(0)
  SecurityFilterChain taxii(
      HttpSecurity http, TokenService tokens, UploadPlaces places, MessageSource messages)
      throws Exception {
    http.securityMatcher("/taxii2/**")
        .authorizeHttpRequests(a -> a.anyRequest().authenticated())
        // after the header writer, so that its 401 and 403 carry the headers too
        .addFilterAfter(new TaxiiAuthenticationFilter(tokens), HeaderWriterFilter.class)
        .addFilterBefore(
            new MultipartGate(places, messages, MultipartGate.Chain.TAXII), CsrfFilter.class)
        .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
        .securityContext(
            c ->
                c.securityContextRepository(
                    new org.springframework.security.web.context
                        .RequestAttributeSecurityContextRepository()))
        .csrf(c -> c.disable())
        .requestCache(r -> r.disable())
        .headers(SecurityConfiguration::headers);
    return http.build();
  }

  @Bean
  @Order(1)
  SecurityFilterChain api(
      HttpSecurity http,
      TokenService tokens,
      UserService users,
      SecurityProperties security,
      ProblemResponses problems,
      PasswordSignIn signIn,
      UploadPlaces places,
      MessageSource messages)
      throws Exception {
    http.securityMatcher("/api/**", "/actuator/**")
        .authenticationManager(new ProviderManager(signIn))
        .authorizeHttpRequests(
            a ->
                a.requestMatchers("/actuator/health", "/actuator/health/**")
                    .permitAll()
                    .requestMatchers("/actuator/**")
                    .hasRole("PLATFORM_ADMIN")
                    .anyRequest()
                    .authenticated())
        // after the header writer, so that its 401 and 403 carry the headers too
        .addFilterAfter(new TokenAuthenticationFilter(tokens, problems), HeaderWriterFilter.class)
        // after the person is known, before the CSRF check asks for a parameter of the body
        .addFilterBefore(
            new MultipartGate(places, messages, MultipartGate.Chain.API), CsrfFilter.class)
        .addFilterBefore(
            new CurrentUserFilter(users, security, problems), AuthorizationFilter.class)
        .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.NEVER))
        .csrf(c -> c.ignoringRequestMatchers(TokenAuthenticationFilter::hasBearer))
        .exceptionHandling(
            e ->
                e.authenticationEntryPoint(problems.unauthorized())
                    .accessDeniedHandler(problems.forbidden()))
        .requestCache(r -> r.disable())
        .headers(SecurityConfiguration::headers);
    return http.build();
  }

  @Bean
  @Order(2)
  SecurityFilterChain ui(
      HttpSecurity http,
      UserService users,
      SecurityProperties security,
      PasswordSignIn signIn,
      UploadPlaces places,
      MessageSource messages)
      throws Exception {
    http.authenticationManager(new ProviderManager(signIn))
        // a multipart body of nobody signed in, or past the person's uploads at once, is never
        // read: the CSRF check would spool it to disk asking for its token
        .addFilterBefore(
            new MultipartGate(places, messages, MultipartGate.Chain.PAGES), CsrfFilter.class)
        .authorizeHttpRequests(
            a ->
                a.requestMatchers(
                        "/login",
                        "/css/**",
                        "/js/**",
                        "/img/**",
                        "/webjars/**",
                        "/favicon.ico",
                        "/error",
                        "/settings/language")
                    .permitAll()
                    .requestMatchers(AdminPageRefusal.PLATFORM_PAGES.toArray(String[]::new))
                    .hasRole("PLATFORM_ADMIN")
                    .requestMatchers("/admin/**")
                    .hasRole("ORG_ADMIN")
                    .anyRequest()
                    .authenticated())
        .addFilterBefore(new CurrentUserFilter(users, security, null), AuthorizationFilter.class)
        // a signed-in person refused an admin page is told which role it needs and whom to ask
        .exceptionHandling(e -> e.accessDeniedHandler(AdminPageRefusal.handler()))
        .formLogin(
            f ->
                f.loginPage("/login")
                    .authenticationDetailsSource(PasswordSignIn.Details::new)
                    .usernameParameter("login")
                    .passwordParameter("password")
                    .failureHandler(loginFailure())
                    .defaultSuccessUrl("/", false)
                    .permitAll())
        .logout(l -> l.logoutUrl("/logout").logoutSuccessUrl("/login?signedOut").permitAll())
        .headers(SecurityConfiguration::headers);
    return http.build();
  }

  /**
   * A request the firewall refuses (a {@code ..;} or an encoded slash in its path) is answered 400
   * before any chain's header writer runs; the headers are written here first.
   */
  @Bean
  org.springframework.security.web.firewall.RequestRejectedHandler requestRejectedHandler() {
    org.springframework.security.web.firewall.RequestRejectedHandler status =
        new org.springframework.security.web.firewall.HttpStatusRequestRejectedHandler();
    return (request, response, e) -> {
      SecurityHeaders.writeTo(response);
      status.handle(request, response, e);
    };
  }

  /**
   * One answer for an unknown login, a wrong password or code, a locked or disabled account; only a
   * throttled client address (which says nothing about any login) is told so.
   */
  private static AuthenticationFailureHandler loginFailure() {
    return (request, response, e) -> {
      String reason = e instanceof PasswordSignIn.Throttled ? "throttled" : "bad";
      response.sendRedirect(request.getContextPath() + "/login?error=" + reason);
    };
  }

  private static void headers(
      org.springframework.security.config.annotation.web.configurers.HeadersConfigurer<HttpSecurity>
          h) {
    h.contentSecurityPolicy(c -> c.policyDirectives(SecurityHeaders.CSP))
        .frameOptions(f -> f.deny())
        .referrerPolicy(r -> r.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.SAME_ORIGIN));
  }
}
