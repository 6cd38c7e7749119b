package jp.renkei.server.ui;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import jp.renkei.server.failure.InvalidInput;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Turns a page's field errors ({@code formError}: one {@link InvalidInput} or several; {@code
 * errors}: a list) into the lines {@code fragments/errors} shows ({@code formErrorItems}, {@code
 * errorItems}), so every form lists its errors the same way without templates calling beans.
 */
@Configuration
class FormErrorsInterceptor implements WebMvcConfigurer, HandlerInterceptor {

  private final FormErrors errors;

  FormErrorsInterceptor(FormErrors errors) {
    this.errors = errors;
  }

  @Override
  public void addInterceptors(InterceptorRegistry registry) {
    registry.addInterceptor(this);
  }

  @Override
  public void postHandle(
      HttpServletRequest request, HttpServletResponse response, Object handler, ModelAndView mv) {
    if (mv == null) {
      return;
    }
    String view = mv.getViewName();
    String area = view == null || !view.contains("/") ? null : view.substring(0, view.indexOf('/'));
    if (mv.getModel().get("formError") instanceof InvalidInput e) {
      mv.addObject(
          "formErrorItems", errors.items(errors.all(e), area, LocaleContextHolder.getLocale()));
    }
    if (mv.getModel().get("errors") instanceof List<?> list && !list.isEmpty()) {
      mv.addObject(
          "errorItems",
          errors.items(
              list.stream()
                  .filter(InvalidInput.class::isInstance)
                  .map(InvalidInput.class::cast)
                  .flatMap(x -> errors.all(x).stream())
                  .toList(),
              area,
              LocaleContextHolder.getLocale()));
    }
  }
}
