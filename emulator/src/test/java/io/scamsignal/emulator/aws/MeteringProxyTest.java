package io.scamsignal.emulator.aws;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** The proxy forwards requests unchanged and counts operations, items and write units as AWS bills them. */
class MeteringProxyTest {

    @Test
    void forwardsAndCountsTransactionalItemsAndUnits() throws Exception {
        AtomicReference<String> seen = new AtomicReference<>();
        HttpServer target = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        target.createContext("/", exchange -> {
            seen.set(exchange.getRequestHeaders().getFirst("X-Amz-Target") + " "
                    + new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            byte[] body = "{}".getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("x-amzn-RequestId", "r1");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        target.start();
        String big = "x".repeat(1500);
        String transaction = """
                {"TransactItems":[
                 {"Put":{"TableName":"t","Item":{"pk":{"S":"a"},"n":{"N":"12345"}}}},
                 {"Put":{"TableName":"t","Item":{"pk":{"S":"b"},"state":{"S":"%s"}}}},
                 {"Delete":{"TableName":"t","Key":{"pk":{"S":"c"}}}}]}""".formatted(big);
        try (MeteringProxy proxy = MeteringProxy.start("http://127.0.0.1:" + target.getAddress().getPort())) {
            HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                            URI.create(proxy.endpoint() + "/"))
                    .header("X-Amz-Target", "DynamoDB_20120810.TransactWriteItems")
                    .POST(HttpRequest.BodyPublishers.ofString(transaction)).build(), HttpResponse.BodyHandlers.ofString());

            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.body()).isEqualTo("{}");
            assertThat(response.headers().firstValue("x-amzn-RequestId")).contains("r1");
            assertThat(seen.get()).isEqualTo("DynamoDB_20120810.TransactWriteItems " + transaction);
            assertThat(proxy.requests()).containsEntry("TransactWriteItems", 1L);
            assertThat(proxy.writtenItems()).isEqualTo(3);
            // 1 KB, 2 KB (1,500 bytes of state), a delete as 1 KB: each doubled in a transaction
            assertThat(proxy.writeUnits()).isEqualTo(2 + 4 + 2);
            proxy.reset();
            assertThat(proxy.totalRequests()).isZero();
        } finally {
            target.stop(0);
        }
        // names and values: "pk" + "a", "n" + 5 digits (3 bytes + 1)
        assertThat(MeteringProxy.size(new ObjectMapper().readTree("{\"pk\":{\"S\":\"a\"},\"n\":{\"N\":\"12345\"}}")))
                .isEqualTo(2 + 1 + 1 + 4);
    }
}
