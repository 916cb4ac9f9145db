package org.waymark.support;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * A browser reduced to what matters for sessions: it keeps Waymark's session cookie, sends a
 * browser identification of its choice, follows no redirects, and fills in the CSRF token of
 * the form it submits. Requests go over real HTTP, through the database sessions.
 */
public final class WebBrowser {

    public static final String CHROME_ON_ANDROID = "Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 "
            + "(KHTML, like Gecko) Chrome/126.0.0.0 Mobile Safari/537.36";
    public static final String FIREFOX_ON_WINDOWS = "Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:128.0) "
            + "Gecko/20100101 Firefox/128.0";

    private static final String COOKIE = "WAYMARK_SESSION";

    private final HttpClient http = HttpClient.newHttpClient();
    private String base;
    private final String userAgent;
    private String sessionCookie;

    public WebBrowser(int port, String userAgent) {
        this.base = "http://localhost:" + port;
        this.userAgent = userAgent;
    }

    /** A response: its status, where it redirects to (or null) and its body as a page. */
    public record Response(int status, String location, Document page) {
        public boolean signedOut() {
            return status == 302 && location != null && location.contains("/sign-in");
        }
    }

    /** Sends the following requests, with the same cookie, to another instance of Waymark. */
    public void useInstance(int port) {
        this.base = "http://localhost:" + port;
    }

    public String sessionCookie() {
        return sessionCookie;
    }

    /** Signs in through the sign-in form; fails unless Waymark accepted the email and password. This browser. */
    public WebBrowser signIn(String email, String password) {
        Response form = get("/sign-in");
        Response signedIn = post("/sign-in", Map.of("email", email, "password", password,
                "_csrf", form.page().select("form[action=/sign-in] input[name=_csrf]").val()));
        if (signedIn.status() != 302 || signedIn.location().contains("error")) {
            throw new AssertionError("sign-in failed for " + email + ": " + signedIn.status() + " "
                    + signedIn.location());
        }
        return this;
    }

    public Response get(String path) {
        return send(request(path).GET());
    }

    /** The body of a file, such as a PDF, as this browser downloads it; fails unless it is there. */
    public byte[] download(String path) {
        HttpResponse<byte[]> response = ApiClient.exchange(http, request(path).setHeader("Accept", "*/*").GET().build(),
                HttpResponse.BodyHandlers.ofByteArray());
        if (response.statusCode() != 200) {
            throw new AssertionError(path + " answered " + response.statusCode());
        }
        return response.body();
    }

    /** Opens {@code page} and submits its form whose action is {@code action}, with its CSRF token. */
    public Response submit(String page, String action) {
        Element form = get(page).page().selectFirst("form[action=" + action + "]");
        if (form == null) {
            throw new AssertionError("no form for " + action + " on " + page);
        }
        return post(action, Map.of("_csrf", form.select("input[name=_csrf]").val()));
    }

    public Response post(String path, Map<String, String> fields) {
        String body = new LinkedHashMap<>(fields).entrySet().stream()
                .map(field -> encode(field.getKey()) + "=" + encode(field.getValue()))
                .collect(Collectors.joining("&"));
        return send(request(path).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    private HttpRequest.Builder request(String path) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).header("User-Agent", userAgent)
                .header("Accept", "text/html");
        if (sessionCookie != null) {
            request.header("Cookie", COOKIE + "=" + sessionCookie);
        }
        return request;
    }

    private Response send(HttpRequest.Builder request) {
        HttpResponse<String> response = ApiClient.exchange(http, request.build(), HttpResponse.BodyHandlers.ofString());
        response.headers().allValues("Set-Cookie").stream().filter(cookie -> cookie.startsWith(COOKIE + "="))
                .forEach(cookie -> {
                    String value = cookie.substring(COOKIE.length() + 1, cookie.indexOf(';'));
                    sessionCookie = value.isEmpty() ? null : value;
                });
        return new Response(response.statusCode(), response.headers().firstValue("Location").orElse(null),
                Jsoup.parse(response.body(), base));
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
