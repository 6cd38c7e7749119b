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

  List<String> words(String storedJson, Locale locale) {
    List<String> out = new ArrayList<>();
    for (JsonNode e : JSON.readTree(storedJson)) {
      String code = e.path("code").asString("");
      List<Object> args = new ArrayList<>();
      e.path("args").forEach(a -> args.add(a.asString("")));
      out.add(
          messages.getMessage("exposure.why." + code, args.toArray(), code + " " + args, locale));
    }
    return out;
  }
}
