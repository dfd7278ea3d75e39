package io.scamsignal.emulator.lambda;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.scamsignal.emulator.aws.StackDeployer.HttpRoute;
import io.scamsignal.emulator.aws.StackDeployer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/**
 * An HTTP API (API Gateway v2) on loopback: the template's HttpApi routes invoke their functions
 * with payload format 2.0 events; {@code GET /health} tells when the pipeline is ready; everything
 * else under {@code GET} is the reference report form's static files.
 */
public final class HttpApiGateway implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int MAX_PAYLOAD = 10 * 1024 * 1024;
    private static final DateTimeFormatter REQUEST_TIME =
            DateTimeFormatter.ofPattern("dd/MMM/yyyy:HH:mm:ss Z", Locale.ENGLISH).withZone(ZoneOffset.UTC);
    private static final Map<String, String> STATIC_TYPES = Map.of("html", "text/html; charset=utf-8",
            "css", "text/css; charset=utf-8", "js", "text/javascript; charset=utf-8", "svg", "image/svg+xml",
            "png", "image/png", "ico", "image/x-icon");

    /** A route's authorizer and the function that runs it. */
    public record RouteAuthorizer(StackDeployer.Authorizer spec, LocalFunction function) {
    }

    private record CachedAnswer(JsonNode answer, long until) {
    }

    private final HttpServer server;
    private final Map<HttpRoute, LocalFunction> routes;
    private final Map<HttpRoute, RouteAuthorizer> authorizers;
    /** API Gateway's authorizer cache: per authorizer and identity (the header's value), for the TTL. */
    private final Map<String, CachedAnswer> authorizerCache = new ConcurrentHashMap<>();
    private final BooleanSupplier ready;
    private final String accountId;
    private final Consumer<String> log;
    private final StackDeployer.Cors cors;
    private final SigV4Verifier sigV4;

    public HttpApiGateway(String host, int port, Map<HttpRoute, LocalFunction> routes, BooleanSupplier ready,
                          String accountId, StackDeployer.Cors cors, Consumer<String> log) throws IOException {
        this(host, port, routes, Map.of(), ready, accountId, cors, null, log);
    }

    /**
     * @param authorizers the Lambda REQUEST authorizer of each route that has one
     * @param sigV4 verifies the signatures of routes with IAM authorization (null: every such request is 403)
     */
    public HttpApiGateway(String host, int port, Map<HttpRoute, LocalFunction> routes,
                          Map<HttpRoute, RouteAuthorizer> authorizers, BooleanSupplier ready,
                          String accountId, StackDeployer.Cors cors, SigV4Verifier sigV4, Consumer<String> log)
            throws IOException {
        this.cors = cors;
        this.sigV4 = sigV4;
        this.routes = Map.copyOf(routes);
        this.authorizers = Map.copyOf(authorizers);
        this.ready = ready;
        this.accountId = accountId;
        this.log = log;
        this.server = HttpServer.create(new InetSocketAddress(host, port), 64);
        this.server.setExecutor(Executors.newFixedThreadPool(8));
        this.server.createContext("/", this::handle);
        this.server.start();
    }

    public int port() {
        return server.getAddress().getPort();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String method = exchange.getRequestMethod().toUpperCase(Locale.ROOT);
            String path = exchange.getRequestURI().getRawPath();
            String origin = exchange.getRequestHeaders().getFirst("Origin");
            boolean allowedOrigin = cors != null && origin != null
                    && (cors.allowOrigins().contains(origin) || cors.allowOrigins().contains("*"));
            if (method.equals("OPTIONS") && cors != null
                    && exchange.getRequestHeaders().getFirst("Access-Control-Request-Method") != null) {
                // a CORS preflight: API Gateway answers it from the CorsConfiguration, no function runs
                Map<String, String> headers = new HashMap<>();
                if (allowedOrigin) {
                    headers.put("Access-Control-Allow-Origin", origin);
                    headers.put("Access-Control-Allow-Methods", String.join(",", cors.allowMethods()));
                    headers.put("Access-Control-Allow-Headers", String.join(",", cors.allowHeaders()));
                    if (cors.maxAge() > 0) {
                        headers.put("Access-Control-Max-Age", Integer.toString(cors.maxAge()));
                    }
                }
                send(exchange, 204, null, new byte[0], headers);
                return;
            }
            if (allowedOrigin) {
                exchange.getResponseHeaders().set("Access-Control-Allow-Origin", origin);
                exchange.getResponseHeaders().set("Vary", "Origin");
            }
            if (method.equals("GET") && path.equals("/health")) {
                boolean ok = ready.getAsBoolean();
                send(exchange, ok ? 200 : 503, "application/json", (ok ? "{\"status\":\"ok\"}" : "{\"status\":\"starting\"}")
                        .getBytes(StandardCharsets.UTF_8), Map.of());
                return;
            }
            // API Gateway prefers the most specific route: exact paths before paths with {parameters}
            HttpRoute match = null;
            Map<String, String> pathParameters = null;
            for (HttpRoute r : routes.keySet()) {
                if (!(r.method().equals(method) || r.method().equals("ANY"))) {
                    continue;
                }
                Map<String, String> p = matchPath(r.path(), path);
                if (p != null && (match == null || p.size() < pathParameters.size())) {
                    match = r;
                    pathParameters = p;
                }
            }
            if (match != null) {
                invoke(exchange, match, routes.get(match), pathParameters);
                return;
            }
            if (method.equals("GET") && serveStatic(exchange, path)) {
                return;
            }
            send(exchange, 404, "application/json", "{\"message\":\"Not Found\"}".getBytes(StandardCharsets.UTF_8), Map.of());
        } catch (RuntimeException e) {
            log.accept("gateway error: " + e);
        }
    }

    /**
     * The path parameters of {@code path} under a route's template, as OpenAPI writes it ({name} one
     * whole, non-empty segment, {name+} the rest), or null when it does not match. A '+' in a path
     * segment is a plus, not a space (path, not form encoding).
     */
    static Map<String, String> matchPath(String template, String path) {
        if (!template.contains("{")) {
            return template.equals(path) ? Map.of() : null;
        }
        String[] t = template.split("/", -1);
        String[] p = path.split("/", -1);
        Map<String, String> out = new LinkedHashMap<>();
        for (int i = 0; i < t.length; i++) {
            if (t[i].startsWith("{") && t[i].endsWith("+}")) {
                out.put(t[i].substring(1, t[i].length() - 2), String.join("/", Arrays.copyOfRange(p, i, p.length)));
                return out;
            }
            if (i >= p.length) {
                return null;
            }
            if (t[i].startsWith("{") && t[i].endsWith("}")) {
                if (p[i].isEmpty()) {
                    return null;
                }
                out.put(t[i].substring(1, t[i].length() - 1), URLDecoder.decode(p[i].replace("+", "%2B"), StandardCharsets.UTF_8));
            } else if (!t[i].equals(p[i])) {
                return null;
            }
        }
        return t.length == p.length ? out : null;
    }

    /**
     * The route's authorizer, as API Gateway runs it: no identity header, 401 without calling it;
     * otherwise its (cached) answer; isAuthorized false, 403. Returns the context to pass on, or
     * null when the request was answered here.
     */
    private JsonNode authorize(HttpExchange exchange, HttpRoute route, ObjectNode event) throws IOException {
        RouteAuthorizer authorizer = authorizers.get(route);
        if (authorizer == null) {
            return JSON.createObjectNode();
        }
        String identity = exchange.getRequestHeaders().getFirst(authorizer.spec().identityHeader());
        if (identity == null || identity.isEmpty()) {
            send(exchange, 401, "application/json", "{\"message\":\"Unauthorized\"}".getBytes(StandardCharsets.UTF_8), Map.of());
            return null;
        }
        String cacheKey = authorizer.spec().name() + "|" + identity;
        CachedAnswer cached = authorizerCache.get(cacheKey);
        JsonNode answer;
        if (cached != null && cached.until() > System.currentTimeMillis()) {
            answer = cached.answer();
        } else {
            ObjectNode request = event.deepCopy();
            request.remove("body");
            request.put("type", "REQUEST");
            request.put("routeArn", "arn:aws:execute-api:local:" + accountId + ":local/$default/" + route.method() + route.path());
            request.putArray("identitySource").add(identity);
            try {
                answer = authorizer.function().invoke(request.toString());
            } catch (LocalFunction.FunctionError e) {
                log.accept("authorizer " + authorizer.function().spec().name() + " failed: " + e.getMessage());
                send(exchange, 500, "application/json", "{\"message\":\"Internal Server Error\"}"
                        .getBytes(StandardCharsets.UTF_8), Map.of());
                return null;
            }
            if (authorizer.spec().ttlSeconds() > 0) {
                authorizerCache.put(cacheKey, new CachedAnswer(answer,
                        System.currentTimeMillis() + authorizer.spec().ttlSeconds() * 1000L));
            }
        }
        if (!answer.path("isAuthorized").asBoolean(false)) {
            send(exchange, 403, "application/json", "{\"message\":\"Forbidden\"}".getBytes(StandardCharsets.UTF_8), Map.of());
            return null;
        }
        return answer.path("context").isObject() ? answer.get("context") : JSON.createObjectNode();
    }

    private void invoke(HttpExchange exchange, HttpRoute route, LocalFunction function, Map<String, String> pathParameters)
            throws IOException {
        byte[] body;
        try (InputStream in = exchange.getRequestBody()) {
            body = in.readNBytes(MAX_PAYLOAD + 1);
        }
        if (body.length > MAX_PAYLOAD) {
            send(exchange, 413, "application/json", "{\"message\":\"Request Entity Too Large\"}"
                    .getBytes(StandardCharsets.UTF_8), Map.of());
            return;
        }
        if (route.iam()) {
            String refusal = sigV4 == null ? "no credentials to verify signatures with"
                    : sigV4.refusal(exchange.getRequestMethod().toUpperCase(Locale.ROOT),
                    exchange.getRequestURI().getRawPath(), exchange.getRequestURI().getRawQuery(),
                    name -> {
                        var values = exchange.getRequestHeaders().get(name);
                        return values == null ? null : String.join(",", values);
                    }, body, Instant.now());
            if (refusal != null) {
                // API Gateway's own answer to a request IAM authorization refuses; the function never runs
                log.accept("gateway: 403 for " + route.method() + " " + route.path() + ": " + refusal);
                send(exchange, 403, "application/json", "{\"message\":\"Forbidden\"}".getBytes(StandardCharsets.UTF_8),
                        Map.of());
                return;
            }
        }
        ObjectNode event = event(exchange, route, body);
        if (!pathParameters.isEmpty()) {
            ObjectNode p = event.putObject("pathParameters");
            pathParameters.forEach(p::put);
        }
        JsonNode authorizerContext = authorize(exchange, route, event);
        if (authorizerContext == null) {
            return;
        }
        if (authorizers.containsKey(route)) {
            ((ObjectNode) event.get("requestContext")).putObject("authorizer").set("lambda", authorizerContext);
        }
        JsonNode response;
        try {
            response = function.invoke(event.toString());
        } catch (LocalFunction.FunctionError e) {
            log.accept("function " + function.spec().name() + " failed: " + e.getMessage());
            send(exchange, 500, "application/json", "{\"message\":\"Internal Server Error\"}"
                    .getBytes(StandardCharsets.UTF_8), Map.of());
            return;
        }
        int status = response.path("statusCode").asInt(200);
        byte[] out;
        if (response.has("body") && !response.get("body").isNull()) {
            String text = response.get("body").asText();
            out = response.path("isBase64Encoded").asBoolean(false) ? Base64.getDecoder().decode(text)
                    : text.getBytes(StandardCharsets.UTF_8);
        } else {
            out = new byte[0];
        }
        Map<String, String> headers = new HashMap<>();
        response.path("headers").fields().forEachRemaining(h -> headers.put(h.getKey(), h.getValue().asText()));
        send(exchange, status, null, out, headers);
    }

    private ObjectNode event(HttpExchange exchange, HttpRoute route, byte[] body) {
        ObjectNode event = JSON.createObjectNode();
        String routeKey = route.method() + " " + route.path();
        event.put("version", "2.0");
        event.put("routeKey", routeKey);
        event.put("rawPath", exchange.getRequestURI().getRawPath());
        event.put("rawQueryString", exchange.getRequestURI().getRawQuery() == null ? ""
                : exchange.getRequestURI().getRawQuery());
        String rawQuery = exchange.getRequestURI().getRawQuery();
        if (rawQuery != null && !rawQuery.isEmpty()) {
            // as API Gateway does: decoded, repeated names joined with commas
            ObjectNode parameters = event.putObject("queryStringParameters");
            for (String pair : rawQuery.split("&")) {
                int eq = pair.indexOf('=');
                String name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
                String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
                parameters.put(name, parameters.has(name) ? parameters.get(name).asText() + "," + value : value);
            }
        }
        ObjectNode headers = event.putObject("headers");
        exchange.getRequestHeaders().forEach((name, values) ->
                headers.put(name.toLowerCase(Locale.ROOT), String.join(",", values)));
        // API Gateway tells the function how the client connected; locally, plain HTTP
        headers.put("x-forwarded-proto", "http");
        String host = exchange.getRequestHeaders().getFirst("Host");
        Instant now = Instant.now();
        ObjectNode context = event.putObject("requestContext");
        context.put("accountId", accountId);
        context.put("apiId", "local");
        context.put("domainName", host == null ? "localhost" : host);
        context.put("domainPrefix", "local");
        ObjectNode http = context.putObject("http");
        http.put("method", exchange.getRequestMethod().toUpperCase(Locale.ROOT));
        http.put("path", exchange.getRequestURI().getRawPath());
        http.put("protocol", exchange.getProtocol());
        http.put("sourceIp", sourceIp(exchange.getRemoteAddress().getAddress(),
                exchange.getRequestHeaders().getFirst("X-Forwarded-For")));
        String userAgent = exchange.getRequestHeaders().getFirst("User-Agent");
        http.put("userAgent", userAgent == null ? "" : userAgent);
        context.put("requestId", UUID.randomUUID().toString());
        context.put("routeKey", routeKey);
        context.put("stage", "$default");
        context.put("time", REQUEST_TIME.format(now));
        context.put("timeEpoch", now.toEpochMilli());
        if (body.length > 0) {
            String text = textBody(exchange.getRequestHeaders().getFirst("Content-Type"), body);
            event.put("body", text != null ? text : Base64.getEncoder().encodeToString(body));
            event.put("isBase64Encoded", text == null);
        } else {
            event.put("isBase64Encoded", false);
        }
        return event;
    }

    /**
     * The client address API Gateway would give: the connection's. From loopback only, the first
     * X-Forwarded-For entry stands in for it, so tests and developers on this machine can play
     * reporters on several networks; a request from anywhere else cannot choose its address.
     */
    static String sourceIp(InetAddress peer, String forwardedFor) {
        if (peer.isLoopbackAddress() && forwardedFor != null) {
            String first = forwardedFor.split(",", 2)[0].strip();
            if (!first.isEmpty()) {
                return first;
            }
        }
        return peer.getHostAddress();
    }

    /** API Gateway passes text media types as text and base64-encodes everything else. */
    private static String textBody(String contentType, byte[] body) {
        String type = contentType == null ? "" : contentType.toLowerCase(Locale.ROOT);
        if (!(type.startsWith("text/") || type.startsWith("application/json")
                || type.startsWith("application/x-www-form-urlencoded") || type.startsWith("application/xml"))) {
            return null;
        }
        try {
            return StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(body)).toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }

    private boolean serveStatic(HttpExchange exchange, String path) throws IOException {
        String file = path.substring(1) + (path.endsWith("/") ? "index.html" : "");
        if (file.contains("..") || file.isEmpty()) {
            return false;
        }
        Optional<String> formLanguage = FormPages.languageOf(file);
        if (formLanguage.isPresent()) {
            // the four form pages come from one template and the language's bundle
            send(exchange, 200, STATIC_TYPES.get("html"), FormPages.render(formLanguage.get())
                    .getBytes(StandardCharsets.UTF_8), Map.of("Cache-Control", "no-cache"));
            return true;
        }
        try (InputStream in = HttpApiGateway.class.getResourceAsStream("/web/" + file)) {
            if (in == null) {
                return false;
            }
            String extension = file.substring(file.lastIndexOf('.') + 1);
            send(exchange, 200, STATIC_TYPES.getOrDefault(extension, "application/octet-stream"), in.readAllBytes(),
                    Map.of("Cache-Control", "no-cache"));
            return true;
        }
    }

    private static void send(HttpExchange exchange, int status, String contentType, byte[] body,
                             Map<String, String> headers) throws IOException {
        headers.forEach((k, v) -> exchange.getResponseHeaders().set(k, v));
        if (contentType != null) {
            exchange.getResponseHeaders().set("Content-Type", contentType);
        }
        exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        if (body.length > 0) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
    }

    @Override
    public void close() {
        server.stop(0);
        ((ExecutorService) server.getExecutor()).shutdownNow();
    }

}
