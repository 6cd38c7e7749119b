package jp.renkei.server.web;

import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.ResourceHandlerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.resource.LiteWebJarsResourceResolver;

/**
 * The static files, under their own paths only: {@code /css/**}, {@code /js/**} and the webjars
 * (htmx) with their version-less names.
 *
 * <p>Spring Boot's default maps {@code /**} to the static folders ({@code
 * spring.web.resources.add-mappings}, off in application.yml). With the webjars locator on the
 * class path the resource chain is on, and its URL filter then asked the chain about every link a
 * page renders: {@code /exercises/5/console?page=2} matched {@code /**}, so each link was looked
 * for in four class-path folders across every jar, and a miss is never cached. On the national
 * exercise console (a few hundred links) that was 15 % of the request's CPU (JFR, {@code
 * NationalDrillBench}); every page paid it per link. With these mappings a link outside the three
 * paths matches no pattern and is left alone.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication
class StaticFiles implements WebMvcConfigurer {

  @Override
  public void addResourceHandlers(ResourceHandlerRegistry registry) {
    registry.addResourceHandler("/css/**").addResourceLocations("classpath:/static/css/");
    registry.addResourceHandler("/js/**").addResourceLocations("classpath:/static/js/");
    registry
        .addResourceHandler("/webjars/**")
        .addResourceLocations("classpath:/META-INF/resources/webjars/")
        .resourceChain(true)
        .addResolver(new LiteWebJarsResourceResolver());
  }
}
