package jp.renkei.server.intel;

import jp.renkei.server.audit.Actor;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Advisories and reports as STIX 2.1 bundles, for whoever may see them. See docs/taxii.md. */
@RestController
@RequestMapping("/api/v1")
class PublicationApi {

  static final String STIX = "application/stix+json;version=2.1";

  private final StixPublication publication;

  PublicationApi(StixPublication publication) {
    this.publication = publication;
  }

  @GetMapping("/advisories/{id}/stix")
  ResponseEntity<String> advisory(Actor actor, @PathVariable long id) {
    return bundle(publication.advisory(actor, id).toString(), "advisory-" + id);
  }

  @GetMapping("/reports/{id}/stix")
  ResponseEntity<String> report(Actor actor, @PathVariable long id) {
    return bundle(publication.report(actor, id).toString(), "report-" + id);
  }

  private static ResponseEntity<String> bundle(String json, String name) {
    return ResponseEntity.ok()
        .header(HttpHeaders.CONTENT_TYPE, STIX)
        .header(HttpHeaders.CONTENT_DISPOSITION, "inline; filename=\"" + name + ".stix.json\"")
        .body(json);
  }
}
