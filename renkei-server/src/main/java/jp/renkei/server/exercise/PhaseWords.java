package jp.renkei.server.exercise;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * A phase's title and discussion prompts in the reader's language ({@code ${@phaseWords.of(text,
 * #locale)}}). A scenario's phases are its author's text, shown as written; but the shipped
 * templates (and the demo's scenario) are the hub's own words, so a phase copied from one unchanged
 * reads in English on an English page ({@code exercise.template.NAME.phaseN[.promptM]}). A phase
 * the planner wrote or edited stays as written.
 */
@Component("phaseWords")
public class PhaseWords {

  /** The demo scenario's one phase ({@link DemoScenario}). */
  static final String DEMO_PHASE = "情報連絡";

  private final MessageSource messages;
  private final Map<String, String> keys;

  PhaseWords(MessageSource messages) {
    this.messages = messages;
    this.keys = shippedKeys();
  }

  /** The text in the reader's language when it is a shipped phase or prompt, else as written. */
  public String of(String text, Locale locale) {
    if (text == null || locale == null || "ja".equals(locale.getLanguage())) {
      return text;
    }
    String key = keys.get(text);
    return key == null ? text : messages.getMessage(key, null, text, locale);
  }

  /** The Japanese text of every shipped phase title and prompt, and its message key. */
  static Map<String, String> shippedKeys() {
    Map<String, String> keys = new HashMap<>();
    for (String name : ScenarioTemplates.NAMES) {
      List<ScenarioDocument.PhaseDoc> phases = ScenarioTemplates.document(name).phases();
      for (int i = 0; i < phases.size(); i++) {
        ScenarioDocument.PhaseDoc p = phases.get(i);
        String key = "exercise.template." + name + ".phase" + i;
        keys.putIfAbsent(p.title(), key);
        List<String> prompts = p.prompts() == null ? List.of() : p.prompts();
        for (int j = 0; j < prompts.size(); j++) {
          keys.putIfAbsent(prompts.get(j), key + ".prompt" + j);
        }
      }
    }
    keys.putIfAbsent(DEMO_PHASE, "exercise.template.demo.phase0");
    return Map.copyOf(keys);
  }
}
