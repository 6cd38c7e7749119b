package jp.renkei.server.report;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import jp.renkei.engine.observable.InvalidObservable;
import jp.renkei.engine.observable.Observable;
import jp.renkei.engine.observable.ObservableType;
import jp.renkei.engine.observable.Observables;
import jp.renkei.server.failure.InvalidInput;
import jp.renkei.server.reference.ReferenceData;
import jp.renkei.server.reference.Term;
import org.springframework.stereotype.Component;

/**
 * Checks report content field by field against the reference vocabularies and the engine's
 * observable rules, and returns it with observables normalised. The first problem found is raised
 * with its field (observables as {@code observables[3]}).
 */
@Component
class ReportValidator {

  static final int MAX_OBSERVABLES = 500;
  static final Set<String> TRISTATE = Set.of("yes", "no", "unknown");

  private final ReferenceData reference;

  ReportValidator(ReferenceData reference) {
    this.reference = reference;
  }

  ReportContent check(ReportContent c, Instant now) {
    if (c == null) {
      throw new InvalidInput("content", "validation.required");
    }
    // every field is checked and every error reported at once, in the order of the form
    jp.renkei.server.failure.FieldErrors errors = new jp.renkei.server.failure.FieldErrors();
    errors.check(
        () -> {
          text("title", c.title(), 200, true);
          jp.renkei.server.failure.OneLine.check("title", c.title());
        });
    errors.check(() -> text("summary", c.summary(), 20_000, true));
    errors.check(
        () -> {
          if (c.occurredAt() != null
              && c.detectedAt() != null
              && c.occurredAt().isAfter(c.detectedAt())) {
            throw new InvalidInput("occurredAt", "validation.report.occurredAfterDetected");
          }
        });
    errors.check(
        () -> {
          if (c.detectedAt() == null) {
            throw new InvalidInput("detectedAt", "validation.required");
          }
          if (c.detectedAt().isAfter(now.plusSeconds(300))) {
            throw new InvalidInput("detectedAt", "validation.report.future");
          }
        });
    errors.check(() -> code("incidentType", c.incidentType(), "incident_type"));
    errors.check(
        () -> {
          if (c.causes().isEmpty()) {
            throw new InvalidInput("causes", "validation.report.causesRequired");
          }
          Set<String> causes = codes("cause_type");
          for (String cause : c.causes()) {
            if (!causes.contains(cause)) {
              throw new InvalidInput("causes", "validation.vocabulary", cause);
            }
          }
        });
    errors.check(() -> tristate("serviceOutage", c.serviceOutage()));
    errors.check(() -> code("severity", c.severity(), "severity"));
    errors.check(() -> text("responseStatus", c.responseStatus(), 5000, false));
    errors.check(() -> tristate("cascadePossibility", c.cascadePossibility()));
    errors.check(() -> text("cascadeNote", c.cascadeNote(), 2000, false));
    errors.check(() -> code("reportingCase", c.reportingCase(), "reporting_case"));
    List<ReportContent.ObservableEntry> normal = new ArrayList<>();
    if (c.observables().size() > MAX_OBSERVABLES) {
      errors.add(
          new InvalidInput("observables", "validation.report.tooManyObservables", MAX_OBSERVABLES));
    } else {
      for (int i = 0; i < c.observables().size(); i++) {
        ReportContent.ObservableEntry e = c.observables().get(i);
        String field = "observables[" + i + "]";
        errors.check(() -> normal.add(observable(field, e)));
      }
    }
    errors.check(() -> text("contactUnit", c.contactUnit(), 200, false));
    errors.check(() -> text("contactPerson", c.contactPerson(), 200, false));
    errors.check(() -> text("contactPhone", c.contactPhone(), 50, false));
    errors.check(() -> text("contactEmail", c.contactEmail(), 200, false));
    errors.throwIfAny();
    return new ReportContent(
        c.title().strip(),
        c.summary().strip(),
        c.occurredAt(),
        c.detectedAt(),
        c.incidentType(),
        c.causes().stream().distinct().toList(),
        c.serviceOutage(),
        c.severity(),
        blankToNull(c.responseStatus()),
        c.cascadePossibility(),
        blankToNull(c.cascadeNote()),
        c.reportingCase(),
        blankToNull(c.contactUnit()),
        blankToNull(c.contactPerson()),
        blankToNull(c.contactPhone()),
        blankToNull(c.contactEmail()),
        normal);
  }

  private static ReportContent.ObservableEntry observable(
      String field, ReportContent.ObservableEntry e) {
    ObservableType type =
        ObservableType.fromCode(e.type() == null ? "" : e.type())
            .orElseThrow(
                () ->
                    new InvalidInput(
                        field, "validation.observable.type", String.valueOf(e.type())));
    try {
      Observable o = Observables.parse(type, e.original() == null ? e.value() : e.original());
      return new ReportContent.ObservableEntry(type.code(), o.value(), o.original());
    } catch (InvalidObservable bad) {
      throw new InvalidInput(
          field, "validation.observable", type.code(), bad.value(), bad.reason());
    }
  }

  void code(String field, String value, String vocabulary) {
    if (value == null || value.isBlank()) {
      throw new InvalidInput(field, "validation.required");
    }
    if (!codes(vocabulary).contains(value)) {
      throw new InvalidInput(field, "validation.vocabulary", value);
    }
  }

  Set<String> codes(String vocabulary) {
    return reference.vocabulary(vocabulary).stream().map(Term::code).collect(Collectors.toSet());
  }

  private static void tristate(String field, String value) {
    if (value == null || !TRISTATE.contains(value)) {
      throw new InvalidInput(field, "validation.report.tristate", String.valueOf(value));
    }
  }

  private static void text(String field, String value, int max, boolean required) {
    if (value == null || value.isBlank()) {
      if (required) {
        throw new InvalidInput(field, "validation.required.max", max);
      }
      return;
    }
    if (value.strip().length() > max) {
      throw new InvalidInput(field, "validation.required.max", max);
    }
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.strip();
  }
}
