package jp.renkei.server.exercise;

import java.time.Instant;
import java.util.Locale;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import jp.renkei.server.directory.OrganisationNames;
import jp.renkei.server.reference.ReferenceData;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * An inject's 付与先 written out for the console and the after-action report: {@code
 * organisation_type:operator, sector:finance} reads 「種別: 事業者、分野: 金融」 or "Type: Operators, Sector:
 * Finance" ({@code ${@injectTargets.words(t.targets(), #locale)}}). The codes stay in the API and
 * the 状況付与票, where they are the format.
 */
@Component("injectTargets")
public class InjectTargets {

  private final MessageSource messages;
  private final ReferenceData reference;
  private final OrganisationNames names;

  InjectTargets(MessageSource messages, ReferenceData reference, OrganisationNames names) {
    this.messages = messages;
    this.reference = reference;
    this.names = names;
  }

  /** The targets as {@link ExerciseService} joins them ({@code kind[:value]}, comma separated). */
  public String words(String targets, Locale locale) {
    if (targets == null || targets.isBlank()) {
      return "";
    }
    String separator = messages.getMessage("exercise.target.separator", null, ", ", locale);
    return Stream.of(targets.split(", "))
        .map(t -> word(t.strip(), locale))
        .collect(Collectors.joining(separator));
  }

  /** A scenario's 付与先 in words (the scenario page lists injects before any run has them). */
  public String wordsOf(java.util.List<ScenarioDocument.TargetDoc> targets, Locale locale) {
    if (targets == null) {
      return "";
    }
    return words(
        targets.stream()
            .map(
                t ->
                    t.value() == null || t.value().isBlank()
                        ? t.kind()
                        : t.kind() + ":" + t.value())
            .collect(Collectors.joining(", ")),
        locale);
  }

  private String word(String target, Locale locale) {
    int colon = target.indexOf(':');
    String kind = colon < 0 ? target : target.substring(0, colon);
    String value = colon < 0 ? "" : target.substring(colon + 1);
    String kindWord = messages.getMessage("exercise.target." + kind, null, kind, locale);
    if (value.isEmpty()) {
      return kindWord;
    }
    return kindWord + ": " + valueWord(kind, value, locale);
  }

  private String valueWord(String kind, String value, Locale locale) {
    return switch (kind) {
      case "sector" ->
          reference.sectors().stream()
              .filter(s -> s.code().equals(value))
              .findFirst()
              .map(s -> s.label(locale))
              .orElse(value);
      case "organisation_type" ->
          reference.organisationTypes().stream()
              .filter(t -> t.code().equals(value))
              .findFirst()
              .map(t -> t.label(locale))
              .orElse(value);
      case "organisation" -> organisation(value, locale);
      case "role" -> messages.getMessage("exercise.role." + value, null, value, locale);
      default -> value; // a player's login, a team's key: names the controller gave
    };
  }

  private String organisation(String id, Locale locale) {
    try {
      return names.nameAt(Long.parseLong(id), Instant.now(), locale);
    } catch (RuntimeException e) {
      return "#" + id; // an organisation since removed: its number, as the scenario names it
    }
  }
}
