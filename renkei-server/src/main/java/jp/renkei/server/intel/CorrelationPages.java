package jp.renkei.server.intel;

import jakarta.servlet.http.HttpServletResponse;
import java.util.Arrays;
import java.util.Map;
import jp.renkei.engine.observable.ObservableType;
import jp.renkei.server.audit.Actor;
import jp.renkei.server.listing.ListPage;
import jp.renkei.server.listing.ListQuery;
import jp.renkei.server.listing.ListSpec;
import jp.renkei.server.reference.ReferenceData;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The correlation page of the national coordinator's analysts: the correlations {@link
 * CorrelationService#visible} lets the reader see, filtered, sorted and paged (sectors, counts and
 * times are those of the members the reader sees).
 */
@Controller
class CorrelationPages {

  private final CorrelationService correlations;
  private final ReferenceData reference;

  CorrelationPages(CorrelationService correlations, ReferenceData reference) {
    this.correlations = correlations;
    this.reference = reference;
  }

  @GetMapping("/intel/correlations")
  String list(
      Actor actor,
      @RequestParam Map<String, String> params,
      Model model,
      HttpServletResponse response) {
    ListQuery query =
        ListSpec.builder()
            .text()
            .messages(
                "kind",
                "lists.filter.kind",
                "pages.stix.type.",
                Arrays.stream(ObservableType.values()).map(ObservableType::code).toList())
            .sectors(reference)
            .period()
            .sort("last", "correlation.col.lastSeen")
            .sort("first", "hub.correlation.sort.first")
            .sort("organisations", "correlation.col.organisations")
            .sort("value", "correlation.col.value")
            .build()
            .parse(params, response);
    model.addAttribute(
        "page",
        ListPage.of(
            query,
            correlations.visible(actor, ListSpec.CAP + 1),
            c ->
                query.textMatches(
                        c.value(),
                        String.join(
                            " ",
                            c.members().stream()
                                .map(m -> m.stixId() + " " + m.name() + " " + m.collection())
                                .toList()))
                    && query.allows("kind", c.kind())
                    && query.chosen("sector").map(c.sectors()::contains).orElse(true)
                    && query.inPeriod(c.lastSeen()),
            Map.of(
                "last", ListPage.by(CorrelationService.View::lastSeen),
                "first", ListPage.by(CorrelationService.View::firstSeen),
                "organisations", ListPage.by(CorrelationService.View::organisations),
                "value", ListPage.by(CorrelationService.View::value)),
            CorrelationService.View::id));
    return "intel/correlations";
  }
}
