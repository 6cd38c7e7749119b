package jp.renkei.server.taxii;

import static jp.renkei.server.taxii.TaxiiIT.TAXII;
import static jp.renkei.server.taxii.TaxiiIT.envelope;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import tools.jackson.databind.JsonNode;

/**
 * A TAXII 2.1 client of the hub under test, as the write-attack ITs use it: posts an envelope
 * (expecting the 202 status resource) and gets objects, with a bearer token.
 */
record TaxiiClient(int port) {

  /** Posts {@code objects} in one envelope to {@code collection}; the status resource. */
  JsonNode post(String token, String collection, String... objects) {
    HttpResponse<String> r =
        send(
            token,
            HttpRequest.newBuilder(uri(collection + "/objects/"))
                .header("Content-Type", TAXII)
                .POST(HttpRequest.BodyPublishers.ofString(envelope(List.of(objects)))));
    assertThat(r.statusCode()).as(r.body()).isEqualTo(202);
    return TaxiiIT.JSON.readTree(r.body());
  }

  HttpResponse<String> get(String token, String path) {
    return send(token, HttpRequest.newBuilder(uri(path)).GET());
  }

  private URI uri(String path) {
    return URI.create("http://127.0.0.1:" + port + "/taxii2/api/collections/" + path);
  }

  private HttpResponse<String> send(String token, HttpRequest.Builder b) {
    try {
      return TaxiiIT.CLIENT.send(
          b.header("Authorization", "Bearer " + token).header("Accept", TAXII).build(),
          HttpResponse.BodyHandlers.ofString());
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
