package jp.renkei.server.web;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import jp.renkei.server.audit.Actor;
import jp.renkei.server.config.WebLimitsProperties;
import jp.renkei.server.security.CurrentUser;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.jackson.autoconfigure.JsonFactoryBuilderCustomizer;
import org.springframework.boot.tomcat.TomcatConnectorCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.MethodParameter;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import tools.jackson.core.StreamReadConstraints;

/** MVC wiring: the {@link Actor} parameter of controller methods and the per-person locale. */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication
class WebConfiguration implements WebMvcConfigurer {

  /**
   * Tomcat writes a response to the socket in pieces of its write buffer: 8 KB by default, so a
   * TAXII page of 1,000 objects (about half a megabyte) took some sixty system calls. 64 KB per
   * connection makes it eight.
   */
  @Bean
  TomcatConnectorCustomizer largerSocketWrites() {
    return connector -> connector.setProperty("socket.appWriteBufSize", "65536");
  }

  /**
   * A small body must arrive at a minimum rate ({@link SlowBodyDeadline}, attack42), and an answer
   * given before the request's body was read closes the connection rather than waiting for a body
   * the client may never send ({@link UnreadBodyClose}, attack40). The deadline is outermost: a
   * body it refused is not waited for again. Both run after Tomcat's {@code RemoteIpValve} (Spring
   * Boot's customizer of order 0 adds it first), so behind a proxy whose headers are believed
   * ({@code server.forward-headers-strategy=native}) the places per client address count clients,
   * not the proxy.
   */
  @Bean
  org.springframework.boot.web.server.WebServerFactoryCustomizer<
          org.springframework.boot.tomcat.ConfigurableTomcatWebServerFactory>
      unreadBodyClose(
          @org.springframework.beans.factory.annotation.Value(
                  "${server.tomcat.max-swallow-size:2MB}")
              org.springframework.util.unit.DataSize maxSwallow,
          jp.renkei.server.config.WebLimitsProperties limits) {
    // one set of places for both: the threads that sleep for a body at once (attack43)
    AwaitedBodies places =
        new AwaitedBodies(limits.bodiesAwaitedAtOnce(), limits.bodiesAwaitedPerAddress());
    return factory ->
        factory.addEngineValves(
            new SlowBodyDeadline(
                limits.uploadSize().toBytes(),
                limits.bodyWait().toMillis(),
                limits.bodyMinRate().toBytes(),
                places),
            new UnreadBodyClose(maxSwallow.toBytes(), places));
  }

  /**
   * The JSON bodies of the REST API: at most {@code renkei.web.max-json-tokens} tokens per body,
   * counted while reading, so no body binds to more objects than that (see {@link
   * WebLimitsProperties}). A key twice in one JSON object is refused ({@code ApiErrors} names it):
   * the mapper would keep the last value where a proxy or an audit trail in front of the hub may
   * have judged the first. Only request bodies are read with Spring's mapper; stored JSON is read
   * with the features' own mappers.
   */
  @Bean
  JsonFactoryBuilderCustomizer jsonTokenLimit(WebLimitsProperties limits) {
    return factory ->
        factory
            .streamReadConstraints(
                StreamReadConstraints.builder().maxTokenCount(limits.maxJsonTokens()).build())
            .enable(tools.jackson.core.StreamReadFeature.STRICT_DUPLICATE_DETECTION);
  }

  @Bean
  LocaleResolver localeResolver(jp.renkei.server.directory.UserService users) {
    return new PersonLocaleResolver(users);
  }

  private final WebLimitsProperties limits;
  private final jp.renkei.server.security.UploadPlaces places;

  WebConfiguration(WebLimitsProperties limits, jp.renkei.server.security.UploadPlaces places) {
    this.limits = limits;
    this.places = places;
  }

  /** One person's uploads at once: see {@link UploadGate}. */
  @Override
  public void addInterceptors(
      org.springframework.web.servlet.config.annotation.InterceptorRegistry registry) {
    registry.addInterceptor(new UploadGate(limits, places));
  }

  @Override
  public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
    resolvers.add(
        new HandlerMethodArgumentResolver() {
          @Override
          public boolean supportsParameter(MethodParameter parameter) {
            return parameter.getParameterType() == Actor.class;
          }

          @Override
          public Object resolveArgument(
              MethodParameter parameter,
              ModelAndViewContainer mav,
              NativeWebRequest request,
              WebDataBinderFactory binders) {
            return actor(request.getNativeRequest(HttpServletRequest.class));
          }
        });
    resolvers.add(
        new HandlerMethodArgumentResolver() {
          @Override
          public boolean supportsParameter(MethodParameter parameter) {
            return parameter.getParameterType()
                == jp.renkei.server.directory.TokenScope.Granting.class;
          }

          @Override
          public Object resolveArgument(
              MethodParameter parameter,
              ModelAndViewContainer mav,
              NativeWebRequest request,
              WebDataBinderFactory binders) {
            return granting();
          }
        });
  }

  /** What the caller may grant a token it mints; controllers reach it as a method parameter. */
  static jp.renkei.server.directory.TokenScope.Granting granting() {
    Authentication auth = SecurityContextHolder.getContext().getAuthentication();
    if (auth != null && auth.getPrincipal() instanceof CurrentUser user) {
      return user.granting();
    }
    throw new org.springframework.security.authentication
        .AuthenticationCredentialsNotFoundException("not signed in");
  }

  /** The acting person of this request; controllers reach it as a method parameter. */
  static Actor actor(HttpServletRequest request) {
    Authentication auth = SecurityContextHolder.getContext().getAuthentication();
    if (auth != null && auth.getPrincipal() instanceof CurrentUser user) {
      return user.actor(request.getRemoteAddr());
    }
    throw new org.springframework.security.authentication
        .AuthenticationCredentialsNotFoundException("not signed in");
  }
}
