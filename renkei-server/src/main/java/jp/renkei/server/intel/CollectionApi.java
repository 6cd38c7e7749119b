package jp.renkei.server.intel;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import jp.renkei.engine.policy.Tlp;
import jp.renkei.server.audit.Actor;
import jp.renkei.server.directory.DirectoryService;
import jp.renkei.server.failure.InvalidInput;
import jp.renkei.server.failure.NotFound;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Configured STIX collections (platform admins); they are then served over TAXII. */
@RestController
@RequestMapping("/api/v1/collections")
class CollectionApi {

  /** What an admin gives: titles, the default TLP and the member organisations' codes. */
  record NewCollection(String titleJa, String titleEn, String defaultTlp, List<String> members) {}

  record Created(String id, String titleJa, String titleEn, String defaultTlp, int members) {}

  private final IntelService intel;
  private final DirectoryService directory;

  CollectionApi(IntelService intel, DirectoryService directory) {
    this.intel = intel;
    this.directory = directory;
  }

  @PostMapping
  ResponseEntity<Created> create(Actor actor, @RequestBody NewCollection n) {
    Set<Long> members = new LinkedHashSet<>();
    List<String> codes = n.members() == null ? List.of() : n.members();
    for (int i = 0; i < codes.size(); i++) {
      try {
        members.add(directory.organisation(codes.get(i)).id());
      } catch (NotFound e) {
        throw new InvalidInput("members[" + i + "]", "error.collection.member", codes.get(i));
      }
    }
    Tlp tlp;
    try {
      tlp =
          n.defaultTlp() == null
              ? Tlp.AMBER
              : Tlp.valueOf(n.defaultTlp().toUpperCase(Locale.ROOT).replace('+', '_'));
    } catch (IllegalArgumentException e) {
      throw new InvalidInput("defaultTlp", "error.feed.tlp", n.defaultTlp());
    }
    StixCollection c = intel.createCollection(actor, n.titleJa(), n.titleEn(), tlp, members);
    return ResponseEntity.status(201)
        .body(
            new Created(
                c.id().toString(),
                c.titleJa(),
                c.titleEn(),
                c.defaultTlp().name(),
                members.size()));
  }
}
