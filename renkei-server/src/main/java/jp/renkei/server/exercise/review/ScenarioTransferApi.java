package jp.renkei.server.exercise.review;

import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import jp.renkei.server.audit.Actor;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** REST: a scenario's 状況付与票 as .xlsx in and out, and whole scenarios as exchange JSON. */
@RestController
@RequestMapping("/api/v1/exercises/scenarios")
class ScenarioTransferApi {

  static final MediaType XLSX =
      MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

  private final ScenarioTransfer transfer;

  ScenarioTransferApi(ScenarioTransfer transfer) {
    this.transfer = transfer;
  }

  @GetMapping("/{id}/injects.xlsx")
  ResponseEntity<byte[]> exportXlsx(Actor actor, @PathVariable long id) {
    return download(transfer.exportXlsx(actor, id), XLSX, "scenario-" + id + "-injects.xlsx");
  }

  @PutMapping("/{id}/injects.xlsx")
  ResponseEntity<Void> replaceInjects(Actor actor, @PathVariable long id, InputStream body) {
    transfer.replaceInjects(actor, id, body);
    return ResponseEntity.noContent().build();
  }

  @PostMapping("/import.xlsx")
  ResponseEntity<Map<String, Object>> importXlsx(
      Actor actor, @RequestParam String title, InputStream body) {
    return created(transfer.createFromXlsx(actor, title, body));
  }

  @GetMapping("/{id}/export.json")
  ResponseEntity<byte[]> exportJson(Actor actor, @PathVariable long id) {
    return download(
        transfer.exportJson(actor, id).getBytes(StandardCharsets.UTF_8),
        MediaType.APPLICATION_JSON,
        "scenario-" + id + ".json");
  }

  @PostMapping("/import.json")
  ResponseEntity<Map<String, Object>> importJson(Actor actor, InputStream body) {
    return created(transfer.importJson(actor, body));
  }

  private static ResponseEntity<Map<String, Object>> created(long id) {
    return ResponseEntity.created(URI.create("/api/v1/exercises/scenarios/" + id))
        .body(Map.of("id", id));
  }

  static ResponseEntity<byte[]> download(byte[] body, MediaType type, String name) {
    return ResponseEntity.ok()
        .contentType(type)
        .header(
            HttpHeaders.CONTENT_DISPOSITION,
            ContentDisposition.attachment().filename(name).build().toString())
        .body(body);
  }
}
