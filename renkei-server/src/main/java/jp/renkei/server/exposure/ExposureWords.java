package jp.renkei.server.exposure;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Evidence and SSVC reasons (stored as codes with arguments) in words, Japanese or English, from
 * the {@code exposure.why.*} texts of the exposure bundle.
 */
@Component
class ExposureWords {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  private final MessageSource messages;

  ExposureWords(MessageSource messages) {
    this.messages = messages;
  }

  /**
   * The arguments that are SSVC or BOD 26-04 values (yes/no, total/partial, low/medium/high, an
   * outcome, a record's default status), by their position: said in the reader's words ({@code
   * exposure.value.*}, an outcome as {@code exposure.ssvc.*}); the others (dates, versions, CVSS
   * vectors) are shown as stored.
   */
  private static final java.util.Map<String, java.util.Set<Integer>> VALUES =
      java.util.Map.of(
          "ssvc-mission", java.util.Set.of(0),
          "ssvc-outcome", java.util.Set.of(0),
          "bod-days", java.util.Set.of(1, 2, 3, 4),
          "bod-days-forensic", java.util.Set.of(1, 2, 3, 4),
          "default-status", java.util.Set.of(1));

  List<String> words(String storedJson, Locale locale) {
    List<String> out = new ArrayList<>();
    for (JsonNode e : JSON.readTree(storedJson)) {
      String code = e.path("code").asString("");
      List<Object> args = new ArrayList<>();
      java.util.Set<Integer> values = VALUES.getOrDefault(code, java.util.Set.of());
      e.path("args")
          .forEach(
              a -> {
                String s = a.asString("");
                args.add(values.contains(args.size()) ? value(code, s, locale) : s);
              });
      out.add(
          messages.getMessage("exposure.why." + code, args.toArray(), code + " " + args, locale));
    }
    return out;
  }

  private String value(String code, String stored, Locale locale) {
    String key =
        code.equals("ssvc-outcome")
            ? "exposure.ssvc." + stored.toLowerCase(Locale.ROOT).replace("*", "_star")
            : "exposure.value." + stored.toLowerCase(Locale.ROOT);
    return messages.getMessage(key, null, stored, locale);
  }
}
