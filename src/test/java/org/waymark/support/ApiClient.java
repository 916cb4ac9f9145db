package org.waymark.support;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A plain HTTP client for the JSON API, as another system would call it. */
public final class ApiClient {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final HttpClient http = HttpClient.newHttpClient();
    private final String base;

    public ApiClient(int port) {
        this.base = "http://localhost:" + port;
    }

    /** A response: status, headers and the body as JSON (a missing node when the body is empty). */
    public record Response(int status, HttpResponse<String> raw, JsonNode json) {
        public String contentType() {
            return raw.headers().firstValue("Content-Type").orElse("");
        }

        public String header(String name) {
            return raw.headers().firstValue(name).orElse(null);
        }

        public String text(String field) {
            return json.path(field).asString();
        }
    }

    public static String basic(String email, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((email + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    public static String bearer(String token) {
        return "Bearer " + token;
    }

    public Response get(String path, String authorization) {
        return send(request(path, authorization).GET());
    }

    public Response post(String path, String body, String authorization) {
        return send(request(path, authorization).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body == null ? "" : body)));
    }

    /**
     * The same POST sent {@code copies} times at once, as a double-clicked button or a client
     * retrying in a hurry would: each from its own thread, all released together; the answers.
     */
    public List<Response> postAtOnce(int copies, String path, String body, String authorization) {
        CyclicBarrier start = new CyclicBarrier(copies);
        ExecutorService pool = Executors.newFixedThreadPool(copies);
        try {
            List<Future<Response>> sent = new ArrayList<>();
            for (int i = 0; i < copies; i++) {
                sent.add(pool.submit(() -> {
                    start.await(10, TimeUnit.SECONDS);
                    return post(path, body, authorization);
                }));
            }
            List<Response> answers = new ArrayList<>();
            for (Future<Response> answer : sent) {
                answers.add(answer.get(60, TimeUnit.SECONDS));
            }
            return answers;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("a request sent at once did not come back", e);
        } finally {
            pool.shutdownNow();
        }
    }

    public Response put(String path, String body, String authorization) {
        return send(request(path, authorization).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(body)));
    }

    public Response send(String method, String path, String contentType, String body, String authorization) {
        HttpRequest.Builder request = request(path, authorization);
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        return send(request.method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(body)));
    }

    /** A request with extra headers, such as Idempotency-Key; without a content type or body when null. */
    public Response sendWith(String method, String path, String contentType, String body, String authorization,
            java.util.Map<String, String> headers) {
        HttpRequest.Builder request = request(path, authorization);
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        headers.forEach(request::header);
        return send(request.method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(body)));
    }

    /** A POST of raw bytes, such as a file in another encoding. */
    public Response sendBytes(String path, String contentType, byte[] body, String authorization) {
        return send(request(path, authorization).header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)));
    }

    /** A GET of a file, such as a PDF, as bytes. */
    public HttpResponse<byte[]> download(String path, String authorization) {
        return exchange(http, request(path, authorization).setHeader("Accept", "*/*").build(),
                HttpResponse.BodyHandlers.ofByteArray());
    }

    /** Issues a bearer token for the user through POST /api/v1/tokens. */
    public String token(String email, String password) {
        Response response = post("/api/v1/tokens", null, basic(email, password));
        if (response.status() != 201) {
            throw new AssertionError("no token for " + email + ": " + response.status() + " " + response.raw().body());
        }
        return response.text("token");
    }

    public static String json(Object value) {
        return JSON.writeValueAsString(value);
    }

    private HttpRequest.Builder request(String path, String authorization) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).header("Accept",
                "application/json");
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return request;
    }

    private Response send(HttpRequest.Builder request) {
        HttpResponse<String> response = exchange(http, request.build(), HttpResponse.BodyHandlers.ofString());
        JsonNode json = response.body().isBlank() ? JSON.missingNode() : parse(response.body());
        return new Response(response.statusCode(), response, json);
    }

    /** Sends the request and waits for the answer; not reaching Waymark fails the test unchecked. */
    static <T> HttpResponse<T> exchange(HttpClient http, HttpRequest request, HttpResponse.BodyHandler<T> body) {
        try {
            return http.send(request, body);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static JsonNode parse(String body) {
        try {
            return JSON.readTree(body);
        } catch (RuntimeException notJson) {
            return JSON.missingNode();
        }
    }
}
