package jp.renkei.server.monitor;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import jp.renkei.server.ui.TimeFormat;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * A probe's error and an alert's detail in the reader's language ({@code ${@monitorWords...}}).
 * Both are stored as the probe and the alerting write them, in English ({@link HttpProbe}, {@link
 * MonitorAlerts}); the shapes those write are put into words here, and any other text (an agent's
 * own error, say) is shown as it came.
 */
@Component("monitorWords")
public class MonitorWords {

  /** The probe's fixed error texts and their message keys. */
  private static final Map<String, String> ERRORS =
      Map.ofEntries(
          Map.entry("connection closed before any answer", "monitor.probeError.closed"),
          Map.entry("TLS failed", "monitor.probeError.tls"),
          Map.entry("TLS handshake failed", "monitor.probeError.tls"),
          Map.entry("connection refused", "monitor.probeError.refused"),
          Map.entry("connection reset", "monitor.probeError.reset"),
          Map.entry("not an HTTP answer", "monitor.probeError.notHttp"),
          Map.entry("expected text not found", "monitor.probeError.text"),
          Map.entry("certificate does not match the host name", "monitor.probeError.certName"),
          Map.entry("certificate not trusted or expired", "monitor.probeError.certTrust"));

  private static final Pattern STATUS = Pattern.compile("HTTP (\\d{3}) \\(expected (\\d{3})\\)");
  private static final Pattern TIMEOUT =
      Pattern.compile("(no answer|no connection) within (\\S+) s");
  private static final Pattern IO = Pattern.compile("I/O error: (\\w+)");
  private static final Pattern RETRY = Pattern.compile("recovered after retry: (.+)");
  private static final Pattern REFUSED = Pattern.compile("destination refused: (\\S+) .*");
  private static final Pattern NOT_REACHED =
      Pattern.compile(Pattern.quote(jp.renkei.server.outbound.OutboundHttp.NOT_REACHED) + "(\\S+)");
  private static final Pattern DOWN = Pattern.compile("(\\d+)/(\\d+) vantage points(?:; (.+))?");
  private static final Pattern SLOW =
      Pattern.compile("(\\d+)/(\\d+) vantage points slow against the baseline");
  private static final Pattern CERT = Pattern.compile("certificate expires (\\S+)");

  private final MessageSource messages;
  private final TimeFormat time;

  MonitorWords(MessageSource messages, TimeFormat time) {
    this.messages = messages;
    this.time = time;
  }

  /**
   * A probe's error in words; empty for none, the text itself when it is not one of the probe's.
   */
  public String error(String error, Locale locale) {
    if (error == null || error.isBlank()) {
      return "";
    }
    String key = ERRORS.get(error);
    if (key != null) {
      return messages.getMessage(key, null, locale);
    }
    Matcher m;
    if ((m = STATUS.matcher(error)).matches()) {
      return messages.getMessage(
          "monitor.probeError.status", new Object[] {m.group(1), m.group(2)}, locale);
    }
    if ((m = TIMEOUT.matcher(error)).matches()) {
      return messages.getMessage(
          "no answer".equals(m.group(1))
              ? "monitor.probeError.noAnswer"
              : "monitor.probeError.noConnection",
          new Object[] {m.group(2)},
          locale);
    }
    if ((m = IO.matcher(error)).matches()) {
      return messages.getMessage("monitor.probeError.io", new Object[] {m.group(1)}, locale);
    }
    if ((m = RETRY.matcher(error)).matches()) {
      return messages.getMessage(
          "monitor.probeError.retry", new Object[] {error(m.group(1), locale)}, locale);
    }
    if ((m = NOT_REACHED.matcher(error)).matches()) {
      return messages.getMessage(
          "monitor.probeError.notReached", new Object[] {m.group(1)}, locale);
    }
    if ((m = REFUSED.matcher(error)).matches()) {
      return messages.getMessage("monitor.probeError.address", new Object[] {m.group(1)}, locale);
    }
    return error;
  }

  /** An alert's detail in words, by its kind ({@code down}, {@code slow}, {@code cert_expiry}). */
  public String alertDetail(String kind, String detail, Locale locale) {
    if (detail == null) {
      return "";
    }
    Matcher m;
    if ("down".equals(kind) && (m = DOWN.matcher(detail)).matches()) {
      return m.group(3) == null
          ? messages.getMessage(
              "monitor.alertDetail.down", new Object[] {m.group(1), m.group(2)}, locale)
          : messages.getMessage(
              "monitor.alertDetail.downWhy",
              new Object[] {m.group(1), m.group(2), error(m.group(3), locale)},
              locale);
    }
    if ("slow".equals(kind) && (m = SLOW.matcher(detail)).matches()) {
      return messages.getMessage(
          "monitor.alertDetail.slow", new Object[] {m.group(1), m.group(2)}, locale);
    }
    if ("cert_expiry".equals(kind) && (m = CERT.matcher(detail)).matches()) {
      try {
        return messages.getMessage(
            "monitor.alertDetail.certExpiry",
            new Object[] {time.jst(Instant.parse(m.group(1)), locale)},
            locale);
      } catch (DateTimeParseException e) {
        return detail;
      }
    }
    return detail;
  }
}
