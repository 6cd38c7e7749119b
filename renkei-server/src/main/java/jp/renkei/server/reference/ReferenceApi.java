package jp.renkei.server.reference;

import java.util.List;
import jp.renkei.server.failure.NotFound;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** REST: the reference vocabularies of the current edition ({@code /api/v1/reference}). */
@RestController
@RequestMapping("/api/v1/reference")
class ReferenceApi {

  private final ReferenceData reference;

  ReferenceApi(ReferenceData reference) {
    this.reference = reference;
  }

  @GetMapping("/sectors")
  List<Sector> sectors() {
    return reference.sectors();
  }

  @GetMapping("/ministries")
  List<Term> ministries() {
    return reference.ministries();
  }

  @GetMapping("/organisation-types")
  List<Term> organisationTypes() {
    return reference.organisationTypes();
  }

  @GetMapping("/vocabularies")
  List<String> vocabularies() {
    return reference.vocabularies();
  }

  @GetMapping("/vocabularies/{name}")
  List<Term> vocabulary(@PathVariable String name) {
    List<Term> terms = reference.vocabulary(name);
    if (terms.isEmpty()) {
      throw new NotFound("vocabulary", name);
    }
    return terms;
  }
}
