package jp.renkei.server.intel;

import java.util.List;
import jp.renkei.server.audit.Actor;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** TAXII feed subscriptions (platform admins). See docs/taxii.md. */
@RestController
@RequestMapping("/api/v1/feeds")
class FeedApi {

  private final TaxiiFeeds feeds;
  private final org.springframework.beans.factory.ObjectProvider<FeedPoller> poller;

  FeedApi(TaxiiFeeds feeds, org.springframework.beans.factory.ObjectProvider<FeedPoller> poller) {
    this.feeds = feeds;
    this.poller = poller;
  }

  @GetMapping
  List<TaxiiFeeds.Feed> list(Actor actor) {
    return feeds.list(actor);
  }

  @GetMapping("/{id}")
  TaxiiFeeds.Feed get(Actor actor, @PathVariable long id) {
    return feeds.get(actor, id);
  }

  @PostMapping
  ResponseEntity<TaxiiFeeds.Feed> create(Actor actor, @RequestBody TaxiiFeeds.NewFeed feed) {
    return ResponseEntity.status(201).body(feeds.create(actor, feed));
  }

  /**
   * Hands the poll to the poller's thread and answers at once, 202 with the feed's state before the
   * poll; {@code Location} is where its result shows ({@code lastSuccessAt}, {@code lastError}).
   */
  @PostMapping("/{id}/poll")
  ResponseEntity<TaxiiFeeds.Feed> poll(Actor actor, @PathVariable long id) {
    TaxiiFeeds.Feed before = poller.getObject().pollSoon(actor, id);
    return ResponseEntity.accepted()
        .location(java.net.URI.create("/api/v1/feeds/" + id))
        .body(before);
  }

  @PutMapping("/{id}/credential")
  TaxiiFeeds.Feed credential(
      Actor actor, @PathVariable long id, @RequestBody TaxiiFeeds.NewCredential credential) {
    return feeds.replaceCredential(actor, id, credential);
  }

  @DeleteMapping("/{id}")
  ResponseEntity<Void> delete(Actor actor, @PathVariable long id) {
    feeds.delete(actor, id);
    return ResponseEntity.noContent().build();
  }
}
