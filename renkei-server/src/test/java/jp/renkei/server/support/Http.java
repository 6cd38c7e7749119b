package jp.renkei.server.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A small real-HTTP client for tests: keeps cookies like a browser, fills in the CSRF token that
 * the pages carry, and can present a bearer token instead.
 */
public final class Http {

  private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");
  private final int port;
  private final HttpClient client;
  private final CookieManager cookies = new CookieManager();
  private String bearer;
  private String forwardedFor;

  public Http(int port) {
    this.port = port;
    this.client =
        HttpClient.newBuilder()
            .cookieHandler(cookies)
            .followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(5))
            .build();
  }

  public Http bearer(String token) {
    this.bearer = token;
    return this;
  }

  /**
   * Sends every request as if through a proxy for the client {@code address} ({@code
   * X-Forwarded-For}; the hub believes it only when its context sets {@code
   * server.forward-headers-strategy=native}).
   */
  public Http from(String address) {
    this.forwardedFor = address;
    return this;
  }

  public HttpResponse<String> get(String path) {
    return send(request(path).GET().build());
  }

  /** A GET with extra headers (name, value, name, value...). */
  public HttpResponse<String> get(String path, String... headers) {
    return send(request(path).headers(headers).GET().build());
  }

  /** A GET whose body is kept as bytes (workbooks, PDFs). */
  public HttpResponse<byte[]> getBytes(String path) {
    try {
      return client.send(request(path).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  public HttpResponse<String> delete(String path) {
    return send(request(path).DELETE().build());
  }

  public HttpResponse<String> postJson(String path, String json) {
    return send(
        request(path)
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(json))
            .build());
  }

  public HttpResponse<String> putJson(String path, String json) {
    return send(
        request(path)
            .header("Content-Type", "application/json")
            .PUT(HttpRequest.BodyPublishers.ofString(json))
            .build());
  }

  /** The Cookie header this client would send (for requests written by hand, {@link RawHttp}). */
  public String cookieHeader() {
    return cookies.getCookieStore().getCookies().stream()
        .map(c -> c.getName() + "=" + c.getValue())
        .collect(Collectors.joining("; "));
  }

  /** The CSRF token the page at {@code pagePath} carries. */
  public String csrf(String pagePath) {
    Matcher m = CSRF.matcher(get(pagePath).body());
    if (!m.find()) {
      throw new IllegalStateException("no CSRF token on " + pagePath);
    }
    return m.group(1);
  }

  /** Posts a form from the page at {@code pagePath}, with that page's CSRF token. */
  public HttpResponse<String> postForm(String pagePath, String action, Map<String, String> fields) {
    Map<String, String> all = new LinkedHashMap<>(fields);
    Matcher m = CSRF.matcher(get(pagePath).body());
    if (m.find()) {
      all.put("_csrf", m.group(1));
    }
    return postFormRaw(action, all);
  }

  /**
   * Posts a form whose fields may repeat (several checkboxes of one name), with the CSRF token of
   * the page at {@code pagePath}.
   */
  public HttpResponse<String> postFormPairs(
      String pagePath, String action, java.util.List<Map.Entry<String, String>> fields) {
    java.util.List<Map.Entry<String, String>> all = new java.util.ArrayList<>(fields);
    Matcher m = CSRF.matcher(get(pagePath).body());
    if (m.find()) {
      all.add(Map.entry("_csrf", m.group(1)));
    }
    String body =
        all.stream()
            .map(
                e ->
                    URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8)
                        + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
            .collect(Collectors.joining("&"));
    return send(
        request(action)
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build());
  }

  public HttpResponse<String> postFormRaw(String action, Map<String, String> fields) {
    String body =
        fields.entrySet().stream()
            .map(
                e ->
                    URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8)
                        + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
            .collect(Collectors.joining("&"));
    return send(
        request(action)
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build());
  }

  /** Posts raw bytes with a content type (e.g. a message to analyse). */
  public HttpResponse<String> postBytes(String path, String contentType, byte[] body) {
    return send(
        request(path)
            .header("Content-Type", contentType)
            .POST(HttpRequest.BodyPublishers.ofByteArray(body))
            .build());
  }

  /** Uploads one file through the form of the page at {@code pagePath}, with its CSRF token. */
  public HttpResponse<String> upload(
      String pagePath, String action, String field, String filename, byte[] content) {
    return uploadWith(pagePath, action, field, filename, content, Map.of());
  }

  /** As {@link #upload}, with other form fields beside the file. */
  public HttpResponse<String> uploadWith(
      String pagePath,
      String action,
      String field,
      String filename,
      byte[] content,
      Map<String, String> fields) {
    Map<String, String> all = new LinkedHashMap<>(fields);
    Matcher m = CSRF.matcher(get(pagePath).body());
    if (m.find()) {
      all.put("_csrf", m.group(1));
    }
    String boundary = "----renkei" + System.nanoTime();
    java.io.ByteArrayOutputStream body = new java.io.ByteArrayOutputStream();
    for (Map.Entry<String, String> f : all.entrySet()) {
      body.writeBytes(
          ("--"
                  + boundary
                  + "\r\nContent-Disposition: form-data; name=\""
                  + f.getKey()
                  + "\"\r\n\r\n"
                  + f.getValue()
                  + "\r\n")
              .getBytes(StandardCharsets.UTF_8));
    }
    body.writeBytes(
        ("--"
                + boundary
                + "\r\nContent-Disposition: form-data; name=\""
                + field
                + "\"; filename=\""
                + filename
                + "\"\r\nContent-Type: message/rfc822\r\n\r\n")
            .getBytes(StandardCharsets.UTF_8));
    body.writeBytes(content);
    body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
    return send(
        request(action)
            .header("Content-Type", "multipart/form-data; boundary=" + boundary)
            .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()))
            .build());
  }

  /** Signs in through the login form; returns the response (a redirect). */
  public HttpResponse<String> signIn(String login, String password) {
    return postForm("/login", "/login", Map.of("login", login, "password", password));
  }

  private HttpRequest.Builder request(String path) {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
            .timeout(Duration.ofSeconds(30));
    if (bearer != null) {
      b.header("Authorization", "Bearer " + bearer);
    }
    if (forwardedFor != null) {
      b.header("X-Forwarded-For", forwardedFor);
    }
    return b;
  }

  private HttpResponse<String> send(HttpRequest request) {
    try {
      return client.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
