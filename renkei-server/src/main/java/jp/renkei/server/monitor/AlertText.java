package jp.renkei.server.monitor;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import jp.renkei.server.ui.TimeFormat;
import org.springframework.context.MessageSource;

/**
 * An alert's e-mail and the words of its webhook in one language. The alert is stored as the
 * alerting writes it (kind {@code down}, detail "1/2 vantage points; HTTP 500 (expected 200)", the
 * time in UTC); a recipient reads the kind, the detail and the time (Japan time) in words of its
 * language, from the messages files ({@code monitor.mail.*}, {@code monitor.alert.*}, {@code
 * monitor.alertDetail.*}).
 */
final class AlertText {

  /** Languages a webhook's words are given in, the hub's default first. */
  static final Locale[] LANGUAGES = {Locale.JAPANESE, Locale.ENGLISH};

  private final MessageSource messages;
  private final MonitorWords words;
  private final TimeFormat time;

  AlertText(MessageSource messages, MonitorWords words, TimeFormat time) {
    this.messages = messages;
    this.words = words;
    this.time = time;
  }

  /** What the message is about: one alert raised or cleared at one site. */
  record Alert(
      String change, String kind, String siteName, Instant raisedAt, String detail, String link) {

    boolean cleared() {
      return "cleared".equals(change);
    }
  }

  /** The subject line (one line: a site's name may hold line breaks). */
  String subject(Alert a, Locale locale) {
    return msg(
            a.cleared() ? "monitor.mail.subject.cleared" : "monitor.mail.subject.raised",
            locale,
            kind(a, locale),
            a.siteName())
        .replaceAll("[\\p{Cc}\\u2028\\u2029]+", " ")
        .strip();
  }

  /** The kind in words ({@code 停止}, {@code Down} ...). */
  String kind(Alert a, Locale locale) {
    return msg("monitor.alert." + a.kind(), locale);
  }

  /** The detail in words, as the monitor pages show it. */
  String detail(Alert a, Locale locale) {
    return words.alertDetail(a.kind(), a.detail(), locale);
  }

  /** The e-mail's text. */
  String body(Alert a, Locale locale) {
    StringBuilder b = new StringBuilder();
    b.append(msg("monitor.mail.site", locale, a.siteName())).append('\n');
    b.append(msg("monitor.mail.kind", locale, kind(a, locale))).append('\n');
    b.append(msg("monitor.mail.raised", locale, when(a, locale))).append('\n');
    if (a.cleared()) {
      b.append(msg("monitor.mail.clearedLine", locale)).append('\n');
    }
    b.append(msg("monitor.mail.detail", locale, detail(a, locale))).append("\n\n");
    b.append(a.link()).append('\n');
    return b.toString();
  }

  /**
   * The webhook's words, added beside its machine fields: per language code, the summary (the
   * e-mail's subject), the kind, the detail and the time in Japan time.
   */
  Map<String, Map<String, String>> words(Alert a) {
    Map<String, Map<String, String>> out = new LinkedHashMap<>();
    for (Locale l : LANGUAGES) {
      Map<String, String> w = new LinkedHashMap<>();
      w.put("summary", subject(a, l));
      w.put("kind", kind(a, l));
      w.put("detail", detail(a, l));
      w.put("raisedAt", when(a, l));
      out.put(l.getLanguage(), w);
    }
    return out;
  }

  /** When it was raised, in Japan time, saying so. */
  String when(Alert a, Locale locale) {
    return msg("monitor.mail.time", locale, time.jst(a.raisedAt(), locale));
  }

  private String msg(String key, Locale locale, Object... args) {
    return messages.getMessage(key, args, locale);
  }
}
