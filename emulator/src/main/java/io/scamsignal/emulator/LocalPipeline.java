package io.scamsignal.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import io.scamsignal.emulator.aws.EmulatorClients;
import io.scamsignal.emulator.aws.StackDeployer;
import io.scamsignal.emulator.aws.StackDeployer.DeployedStack;
import io.scamsignal.emulator.aws.StackDeployer.FunctionSpec;
import io.scamsignal.emulator.aws.StackDeployer.HttpRoute;
import io.scamsignal.emulator.aws.StackDeployer.StreamMapping;
import io.scamsignal.emulator.lambda.HttpApiGateway;
import io.scamsignal.emulator.lambda.SigV4Verifier;
import io.scamsignal.emulator.lambda.LocalFunction;
import io.scamsignal.emulator.lambda.StreamEventSourceMapping;
import io.scamsignal.emulator.lambda.StreamEventSourceMapping.Redelivery;
import io.scamsignal.emulator.template.SamTemplate;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import software.amazon.awssdk.services.dynamodb.model.ShardIteratorType;

/**
 * The whole pipeline on one machine: the template's resources on an emulator, its functions in
 * this JVM behind an HTTP API and stream event-source mappings, and an inbox subscribed to every
 * topic it declares.
 */
public final class LocalPipeline implements AutoCloseable {

    public record Options(Path template, String endpoint, String region, String accessKeyId, String secretAccessKey,
                          String accountId, String stackName, String host, int port, Map<String, String> parameters,
                          Duration retryBackoff, Redelivery redelivery, Consumer<JsonNode> onAlert,
                          Consumer<String> log) {

        public static Options defaults(Path template, String endpoint, String stackName) {
            return new Options(template, endpoint, "us-east-1", "test", "test", "123456789012", stackName,
                    "127.0.0.1", 0, Map.of(), Duration.ofMillis(50), Redelivery.ONCE, alert -> { }, System.err::println);
        }

        public Options withPort(int newPort) {
            return new Options(template, endpoint, region, accessKeyId, secretAccessKey, accountId, stackName, host,
                    newPort, parameters, retryBackoff, redelivery, onAlert, log);
        }

        public Options withAlerts(Consumer<JsonNode> handler) {
            return new Options(template, endpoint, region, accessKeyId, secretAccessKey, accountId, stackName, host,
                    port, parameters, retryBackoff, redelivery, handler, log);
        }

        public Options withCredentials(String region, String keyId, String secret) {
            return new Options(template, endpoint, region, keyId, secret, accountId, stackName, host, port, parameters,
                    retryBackoff, redelivery, onAlert, log);
        }

        public Options withParameters(Map<String, String> newParameters) {
            return new Options(template, endpoint, region, accessKeyId, secretAccessKey, accountId, stackName, host,
                    port, newParameters, retryBackoff, redelivery, onAlert, log);
        }

        public Options withRedelivery(Redelivery newRedelivery) {
            return new Options(template, endpoint, region, accessKeyId, secretAccessKey, accountId, stackName, host,
                    port, parameters, retryBackoff, newRedelivery, onAlert, log);
        }
    }

    private final Options options;
    private final EmulatorClients aws;
    private final DeployedStack stack;
    private final Map<String, LocalFunction> functions;
    private final List<StreamEventSourceMapping> mappings = new ArrayList<>();
    private final List<AlertInbox> inboxes = new ArrayList<>();
    private HttpApiGateway gateway;
    private volatile boolean ready;
    private boolean closed;

    private LocalPipeline(Options options, EmulatorClients aws, DeployedStack stack, Map<String, LocalFunction> functions) {
        this.options = options;
        this.aws = aws;
        this.stack = stack;
        this.functions = functions;
    }

    public static LocalPipeline start(Options options) throws Exception {
        // the functions' SDK clients find the emulator through the SDK's own endpoint setting
        System.setProperty("aws.endpointUrl", options.endpoint());
        EmulatorClients aws = EmulatorClients.create(options.endpoint(), options.region(), options.accessKeyId(),
                options.secretAccessKey());
        DeployedStack stack = new StackDeployer(aws, options.accountId())
                .deploy(SamTemplate.load(options.template()), options.stackName(), options.parameters());
        if (!stack.notEmulated().isEmpty()) {
            options.log().accept("not emulated locally (no effect on the pipeline): " + String.join(", ", stack.notEmulated()));
        }
        Map<String, String> lambdaEnvironment = Map.of(
                "AWS_REGION", options.region(),
                "AWS_DEFAULT_REGION", options.region(),
                "AWS_ACCESS_KEY_ID", options.accessKeyId(),
                "AWS_SECRET_ACCESS_KEY", options.secretAccessKey(),
                "AWS_ENDPOINT_URL", options.endpoint());
        Map<String, LocalFunction> functions = new LinkedHashMap<>();
        for (FunctionSpec spec : stack.functions()) {
            String arn = stack.resolver().resource(spec.logicalId()).attributes().get("Arn");
            functions.put(spec.logicalId(), LocalFunction.load(spec, lambdaEnvironment, arn));
        }
        LocalPipeline pipeline = new LocalPipeline(options, aws, stack, functions);
        try {
            pipeline.startMappings(null);
            pipeline.subscribeInboxes();
            Map<HttpRoute, LocalFunction> routes = new HashMap<>();
            stack.routes().forEach((route, functionId) -> routes.put(route, functions.get(functionId)));
            Map<HttpRoute, HttpApiGateway.RouteAuthorizer> authorizers = new HashMap<>();
            stack.authorizers().forEach((route, a) -> authorizers.put(route,
                    new HttpApiGateway.RouteAuthorizer(a, functions.get(a.functionId()))));
            pipeline.gateway = new HttpApiGateway(options.host(), options.port(), routes, authorizers, () -> pipeline.ready,
                    options.accountId(), stack.cors(),
                    new SigV4Verifier(options.accessKeyId(), options.secretAccessKey(), options.region()), options.log());
            pipeline.ready = true;
            return pipeline;
        } catch (Exception e) {
            pipeline.close();
            throw e;
        }
    }

    private void startMappings(ShardIteratorType override) {
        for (LocalFunction function : functions.values()) {
            for (StreamMapping m : function.spec().streamMappings()) {
                String dlq = m.onFailureArn() == null ? null : stack.queueUrlsByArn().get(m.onFailureArn());
                ShardIteratorType position = override != null ? override : ShardIteratorType.fromValue(m.startingPosition());
                mappings.add(StreamEventSourceMapping.onDynamoDb(m, function, aws, dlq, position, options.retryBackoff(),
                        options.redelivery(), options.log()).start());
            }
        }
    }

    private void subscribeInboxes() {
        for (var entry : SamTemplateTopics.topicArns(stack).entrySet()) {
            inboxes.add(AlertInbox.subscribe(aws, entry.getValue(), options.stackName() + "-inbox-" + entry.getKey(),
                    options.onAlert()));
        }
    }

    /**
     * Replaces the stream mappings with new ones that read every stream from TRIM_HORIZON, as if the
     * event-source mappings were deleted and created again: every record is delivered once more.
     */
    public void replayStreamsFromTrimHorizon() {
        mappings.forEach(StreamEventSourceMapping::close);
        mappings.clear();
        startMappings(ShardIteratorType.TRIM_HORIZON);
    }

    /**
     * Stops every stream mapping: nothing reaches a function from a stream any more unless the caller
     * delivers it (ManualStreamDelivery), for tests that decide the order of deliveries themselves.
     */
    public void stopStreams() {
        mappings.forEach(StreamEventSourceMapping::close);
        mappings.clear();
    }

    /**
     * Declares that the emulator at {@code endpoint} makes a stream record readable as soon as the
     * write that made it has returned, as moto server and MiniStack do (the integration tests declare
     * the ones they start): {@link #awaitIdle} on a pipeline there also ends once every mapping has
     * completed two poll rounds, the second begun after all were idle, and none of them was busy since.
     */
    public static void streamsReadableAtOnce(String endpoint) {
        STREAMS_READABLE_AT_ONCE.add(endpoint);
    }

    private static final Set<String> STREAMS_READABLE_AT_ONCE = ConcurrentHashMap.newKeySet();

    /**
     * Waits until every stream mapping has been caught up for {@code quiet}; false on timeout. On an
     * emulator {@linkplain #streamsReadableAtOnce declared} to show stream records at once, it also
     * returns, sooner, as soon as every mapping has completed a whole poll round that began after all
     * of them were idle, and not one round of any was busy since: every record written before then was
     * read, and nothing delivered since wrote another.
     */
    public boolean awaitIdle(Duration quiet, Duration timeout) throws InterruptedException {
        boolean byRounds = STREAMS_READABLE_AT_ONCE.contains(options.endpoint());
        Instant deadline = Instant.now().plus(timeout);
        Instant idleSince = null;
        List<StreamEventSourceMapping> watched = List.of();
        long[] rounds = null;
        long[] busy = null;
        while (Instant.now().isBefore(deadline)) {
            List<StreamEventSourceMapping> current = List.copyOf(mappings);
            boolean idle = current.stream().allMatch(StreamEventSourceMapping::idle);
            if (!idle) {
                idleSince = null;
                rounds = null;
            } else {
                if (idleSince == null) {
                    idleSince = Instant.now();
                } else if (Duration.between(idleSince, Instant.now()).compareTo(quiet) >= 0) {
                    return true;
                }
                if (byRounds && (rounds == null || !current.equals(watched))) {
                    watched = current;
                    // busy rounds first, then rounds: a busy round that ends in between shows up as busy since
                    busy = current.stream().mapToLong(StreamEventSourceMapping::busyRounds).toArray();
                    rounds = current.stream().mapToLong(StreamEventSourceMapping::rounds).toArray();
                } else if (byRounds) {
                    boolean settled = true;
                    boolean busySince = false;
                    for (int i = 0; i < watched.size(); i++) {
                        // rounds first, then busy rounds (counted first by the mapping): no busy round is missed
                        settled &= watched.get(i).rounds() >= rounds[i] + 2;
                        busySince |= watched.get(i).busyRounds() != busy[i];
                    }
                    if (busySince) {
                        rounds = null;
                    } else if (settled) {
                        return true;
                    }
                }
            }
            Thread.sleep(byRounds && rounds != null ? 10 : 50);
        }
        options.log().accept("not idle within " + timeout + ": " + mappings.stream().map(m -> m.toString()
                + (m.idle() ? " idle" : " busy") + " (" + m.busyRounds() + " of " + m.rounds() + " rounds busy)").toList());
        return false;
    }

    public int port() {
        return gateway.port();
    }

    public boolean ready() {
        return ready;
    }

    public EmulatorClients aws() {
        return aws;
    }

    public DeployedStack stack() {
        return stack;
    }

    /** The functions by logical id, each loaded from its deployment package. */
    public Map<String, LocalFunction> functions() {
        return Map.copyOf(functions);
    }

    public List<StreamEventSourceMapping> mappings() {
        return List.copyOf(mappings);
    }

    public List<AlertInbox> inboxes() {
        return List.copyOf(inboxes);
    }

    /** The physical id ({@code Ref}) of a resource of the template, e.g. a table's name or a queue's URL. */
    public String ref(String logicalId) {
        return stack.resolver().resource(logicalId).ref();
    }

    public String attribute(String logicalId, String attribute) {
        return stack.resolver().resource(logicalId).attributes().get(attribute);
    }

    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        ready = false;
        if (gateway != null) {
            gateway.close();
        }
        mappings.forEach(StreamEventSourceMapping::close);
        inboxes.forEach(AlertInbox::close);
        aws.close();
        for (LocalFunction function : functions.values()) {
            try {
                function.close();
            } catch (IOException e) {
                options.log().accept(function.name() + ": its jar could not be closed: " + e.getMessage());
            }
        }
    }
}
