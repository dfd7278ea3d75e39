package io.scamsignal.emulator.aws;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.ToLongFunction;
import java.util.concurrent.ExecutorService;

/**
 * An HTTP proxy in front of the emulator that counts what the pipeline asks of it: requests by
 * operation ({@code X-Amz-Target}), and the items and write units of DynamoDB writes as AWS bills
 * on-demand tables — each item's size (attribute names and values, DynamoDB's rules) rounded up to
 * 1 KB, doubled inside a transaction; a delete counted as one 1 KB item. For benchmarks and tests:
 * the functions' own SDK clients cannot be instrumented from outside their class loaders, but their
 * requests all pass here when the pipeline's endpoint is this proxy's.
 */
public final class MeteringProxy implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> HOP_BY_HOP = Set.of("host", "content-length", "connection", "expect", "upgrade",
            "transfer-encoding", "keep-alive");

    private final URI target;
    private final HttpServer server;
    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private final Map<String, LongAdder> requests = new ConcurrentHashMap<>();
    private final LongAdder writtenItems = new LongAdder();
    private final LongAdder writeUnits = new LongAdder();

    private MeteringProxy(URI target, HttpServer server) {
        this.target = target;
        this.server = server;
    }

    /** A proxy on a free loopback port forwarding to {@code targetEndpoint}. */
    public static MeteringProxy start(String targetEndpoint) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        MeteringProxy proxy = new MeteringProxy(URI.create(targetEndpoint), server);
        server.createContext("/", proxy::forward);
        server.setExecutor(Executors.newFixedThreadPool(8, r -> {
            Thread t = new Thread(r, "metering-proxy");
            t.setDaemon(true);
            return t;
        }));
        server.start();
        return proxy;
    }

    public String endpoint() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** Requests by operation since the last {@link #reset()}. */
    public Map<String, Long> requests() {
        Map<String, Long> out = new TreeMap<>();
        requests.forEach((operation, n) -> out.put(operation, n.sum()));
        return out;
    }

    public long totalRequests() {
        return requests.values().stream().mapToLong(LongAdder::sum).sum();
    }

    /** Items written (put, update or delete, in a transaction or not) since the last reset. */
    public long writtenItems() {
        return writtenItems.sum();
    }

    /** Write capacity units those writes cost on an on-demand table. */
    public long writeUnits() {
        return writeUnits.sum();
    }

    public void reset() {
        requests.clear();
        writtenItems.reset();
        writeUnits.reset();
    }

    private void forward(HttpExchange exchange) throws IOException {
        try (exchange) {
            byte[] body;
            try (InputStream in = exchange.getRequestBody()) {
                body = in.readAllBytes();
            }
            String operation = exchange.getRequestHeaders().getFirst("X-Amz-Target");
            count(operation, body);
            HttpRequest.Builder request = HttpRequest.newBuilder(target.resolve(exchange.getRequestURI().toString()))
                    .method(exchange.getRequestMethod(), HttpRequest.BodyPublishers.ofByteArray(body));
            exchange.getRequestHeaders().forEach((name, values) -> {
                if (!HOP_BY_HOP.contains(name.toLowerCase())) {
                    values.forEach(v -> request.header(name, v));
                }
            });
            HttpResponse<byte[]> response = client.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
            response.headers().map().forEach((name, values) -> {
                if (!HOP_BY_HOP.contains(name.toLowerCase()) && !name.startsWith(":")) {
                    exchange.getResponseHeaders().put(name, values);
                }
            });
            byte[] out = response.body();
            exchange.sendResponseHeaders(response.statusCode(), out.length == 0 ? -1 : out.length);
            if (out.length > 0) {
                try (OutputStream o = exchange.getResponseBody()) {
                    o.write(out);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            exchange.sendResponseHeaders(502, -1);
        }
    }

    private void count(String target, byte[] body) {
        String operation = target == null ? "other" : target.substring(target.indexOf('.') + 1);
        requests.computeIfAbsent(operation, o -> new LongAdder()).increment();
        if (target == null || !target.startsWith("DynamoDB_")) {
            return;
        }
        try {
            switch (operation) {
                case "TransactWriteItems" -> {
                    for (JsonNode item : JSON.readTree(body).path("TransactItems")) {
                        if (item.has("Put")) {
                            write(item.get("Put").get("Item"), 2);
                        } else if (item.has("Update") || item.has("Delete")) {
                            write(null, 2);
                        }
                    }
                }
                case "PutItem" -> write(JSON.readTree(body).get("Item"), 1);
                case "UpdateItem", "DeleteItem" -> write(null, 1);
                case "BatchWriteItem" -> {
                    for (JsonNode requestsOfTable : JSON.readTree(body).path("RequestItems")) {
                        for (JsonNode r : requestsOfTable) {
                            write(r.has("PutRequest") ? r.get("PutRequest").get("Item") : null, 1);
                        }
                    }
                }
                default -> {
                }
            }
        } catch (IOException e) {
            // not JSON: nothing to count beyond the request
        }
    }

    private void write(JsonNode item, int factor) {
        writtenItems.increment();
        long bytes = item == null ? 1 : size(item);
        writeUnits.add(factor * Math.max(1, (bytes + 1023) / 1024));
    }

    /** An item's size by DynamoDB's rules: each attribute's name plus its value. */
    static long size(JsonNode item) {
        long bytes = 0;
        for (Iterator<Map.Entry<String, JsonNode>> it = item.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> attribute = it.next();
            bytes += utf8(attribute.getKey()) + valueSize(attribute.getValue());
        }
        return bytes;
    }

    private static long valueSize(JsonNode value) {
        Map.Entry<String, JsonNode> typed = value.fields().next();
        JsonNode v = typed.getValue();
        return switch (typed.getKey()) {
            case "S" -> utf8(v.asText());
            case "N" -> number(v.asText());
            case "B" -> Base64.getDecoder().decode(v.asText()).length;
            case "BOOL", "NULL" -> 1;
            case "SS" -> sum(v, e -> utf8(e.asText()));
            case "NS" -> sum(v, e -> number(e.asText()));
            case "BS" -> sum(v, e -> Base64.getDecoder().decode(e.asText()).length);
            case "M" -> 3 + size(v) + v.size();
            case "L" -> 3 + sum(v, e -> 1 + valueSize(e));
            default -> 0;
        };
    }

    private static long sum(JsonNode array, ToLongFunction<JsonNode> size) {
        long total = 0;
        for (JsonNode e : array) {
            total += size.applyAsLong(e);
        }
        return total;
    }

    /** About one byte per two significant digits, plus one. */
    private static long number(String n) {
        String digits = n.replaceAll("[^0-9]", "").replaceFirst("^0+", "");
        return (digits.length() + 1) / 2 + 1;
    }

    private static long utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8).length;
    }

    @Override
    public void close() {
        server.stop(0);
        ((ExecutorService) server.getExecutor()).shutdownNow();
    }
}
