package jp.renkei.server.report;

import java.time.Instant;
import java.util.List;

/**
 * What one version of a report says (the fields of the handbook's 情報連絡 form). Vocabulary fields
 * hold reference-data codes; observables are normalised when stored.
 */
public record ReportContent(
    String title,
    String summary,
    Instant occurredAt,
    Instant detectedAt,
    String incidentType,
    List<String> causes,
    String serviceOutage,
    String severity,
    String responseStatus,
    String cascadePossibility,
    String cascadeNote,
    String reportingCase,
    String contactUnit,
    String contactPerson,
    String contactPhone,
    String contactEmail,
    List<ObservableEntry> observables) {

  public ReportContent {
    causes = causes == null ? List.of() : List.copyOf(causes);
    observables = observables == null ? List.of() : List.copyOf(observables);
  }

  /** One observable as entered ({@code original}) and as stored ({@code value}). */
  public record ObservableEntry(String type, String value, String original) {
    public static ObservableEntry entered(String type, String value) {
      return new ObservableEntry(type, value, value);
    }
  }
}
