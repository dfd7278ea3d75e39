package io.scamsignal.emulator.aws;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.scamsignal.emulator.template.Resolver.PhysicalResource;
import io.scamsignal.emulator.template.Resolver;
import io.scamsignal.emulator.template.SamTemplate;
import java.io.IOException;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.Projection;
import software.amazon.awssdk.services.dynamodb.model.ResourceInUseException;
import software.amazon.awssdk.services.dynamodb.model.StreamSpecification;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;
import software.amazon.awssdk.services.dynamodb.model.TimeToLiveSpecification;
import software.amazon.awssdk.services.secretsmanager.model.ResourceExistsException;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/**
 * Creates on the emulator what the template declares, as CloudFormation would: physical names
 * {@code <stack>-<LogicalId>} unless the template names the resource. Re-running against the same
 * emulator reuses what is there.
 */
public final class StackDeployer {

    /** @param iam the route has AWS IAM authorization: API Gateway takes only SigV4-signed requests */
    public record HttpRoute(String method, String path, boolean iam) {
        public HttpRoute(String method, String path) {
            this(method, path, false);
        }
    }

    public record StreamMapping(String eventName, String streamArn, String startingPosition, int batchSize,
                                int batchingWindowSeconds, boolean bisectOnError, int maximumRetryAttempts,
                                int maximumRecordAgeSeconds, boolean reportBatchItemFailures, List<JsonNode> filters,
                                String onFailureArn) {

        /** Refuses what AWS refuses: {@link EventSourceMappingLimits}. */
        public StreamMapping {
            EventSourceMappingLimits.checkNumbers(eventName, batchSize, batchingWindowSeconds, maximumRetryAttempts,
                    maximumRecordAgeSeconds);
        }
    }

    /** @param code the deployment package the template's CodeUri names (the shaded jar Lambda runs), or null */
    public record FunctionSpec(String logicalId, String name, String handler, Map<String, String> environment,
                               int timeoutSeconds, List<StreamMapping> streamMappings, Path code) {
    }

    /** An HttpApi's CORS configuration, which API Gateway applies before any function sees a request. */
    public record Cors(List<String> allowOrigins, List<String> allowMethods, List<String> allowHeaders, int maxAge) {
    }

    /**
     * @param routes each HttpApi route and the logical id of the function it invokes, from the API's
     *               OpenAPI definition ({@code x-amazon-apigateway-integration}) or a function's HttpApi event
     */
    public record DeployedStack(String stackName, Resolver resolver, List<FunctionSpec> functions,
                                Map<HttpRoute, String> routes, Map<String, String> queueUrlsByArn,
                                List<String> notEmulated, Cors cors, Map<HttpRoute, Authorizer> authorizers) {

        public DeployedStack(String stackName, Resolver resolver, List<FunctionSpec> functions,
                             Map<HttpRoute, String> routes, Map<String, String> queueUrlsByArn,
                             List<String> notEmulated, Cors cors) {
            this(stackName, resolver, functions, routes, queueUrlsByArn, notEmulated, cors, Map.of());
        }
    }

    /**
     * A route's Lambda REQUEST authorizer (HttpApi, payload 2.0, simple responses), from the OpenAPI
     * document's securitySchemes ({@code x-amazon-apigateway-authorizer}): the function, the header
     * that is its identity source (and cache key), and how long an answer is cached.
     */
    public record Authorizer(String name, String functionId, String identityHeader, int ttlSeconds) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> ORDER = List.of("AWS::SecretsManager::Secret", "AWS::DynamoDB::Table", "AWS::SQS::Queue", "AWS::SNS::Topic",
            "AWS::SNS::Subscription", "AWS::Serverless::Function", "AWS::Serverless::HttpApi");

    private final EmulatorClients aws;
    private final String accountId;

    public StackDeployer(EmulatorClients aws, String accountId) {
        this.aws = aws;
        this.accountId = accountId;
    }

    public DeployedStack deploy(SamTemplate template, String stackName, Map<String, String> parameterOverrides)
            throws IOException {
        Resolver resolver = new Resolver(template, parameterOverrides, Map.of(
                "AWS::Region", aws.region(), "AWS::AccountId", accountId, "AWS::StackName", stackName,
                "AWS::Partition", "aws", "AWS::URLSuffix", "amazonaws.com", "AWS::StackId",
                "arn:aws:cloudformation:" + aws.region() + ":" + accountId + ":stack/" + stackName + "/local"));
        List<FunctionSpec> functions = new ArrayList<>();
        Map<String, String> queueUrlsByArn = new HashMap<>();
        Map<HttpRoute, String> routes = new LinkedHashMap<>();
        Map<HttpRoute, Authorizer> authorizers = new LinkedHashMap<>();
        Map<String, String> functionIdsByArn = new HashMap<>();
        Cors cors = null;
        Map<String, Integer> skipped = new TreeMap<>();
        // what the emulator does not hold (log groups, alarms, policies) still answers Ref and Arn,
        // so the resources that point at it can be created
        template.resources().forEach((id, r) -> {
            if (!ORDER.contains(String.valueOf(r.get("Type")))) {
                String name = stackName + "-" + id;
                resolver.register(id, new PhysicalResource(String.valueOf(r.get("Type")), name, Map.of("Arn",
                        "arn:aws:local:" + aws.region() + ":" + accountId + ":" + name)));
            }
        });
        for (String type : ORDER) {
            for (var entry : template.resources().entrySet()) {
                String logicalId = entry.getKey();
                Map<String, Object> resource = entry.getValue();
                if (!type.equals(resource.get("Type"))) {
                    continue;
                }
                if (resource.containsKey("Condition") && !resolver.condition(resource.get("Condition").toString())) {
                    continue;
                }
                @SuppressWarnings("unchecked")
                Map<String, Object> props = (Map<String, Object>) resolver.resolve(
                        resource.getOrDefault("Properties", Map.of()));
                String physicalName = stackName + "-" + logicalId;
                switch (type) {
                    case "AWS::SecretsManager::Secret" -> resolver.register(logicalId, secret(props, physicalName));
                    case "AWS::DynamoDB::Table" -> resolver.register(logicalId, table(props, physicalName));
                    case "AWS::SQS::Queue" -> {
                        PhysicalResource queue = queue(props, physicalName);
                        queueUrlsByArn.put(queue.attributes().get("Arn"), queue.ref());
                        resolver.register(logicalId, queue);
                    }
                    case "AWS::SNS::Topic" -> resolver.register(logicalId, topic(props, physicalName));
                    case "AWS::SNS::Subscription" -> resolver.register(logicalId, subscription(props));
                    case "AWS::Serverless::HttpApi" -> {
                        resolver.register(logicalId, new PhysicalResource(type, physicalName, Map.of()));
                        if (props.get("DefinitionBody") instanceof Map<?, ?> body) {
                            routes.putAll(openApiRoutes(logicalId, body, functionIdsByArn));
                            authorizers.putAll(openApiAuthorizers(logicalId, body, functionIdsByArn));
                            cors = cors(body.get("x-amazon-apigateway-cors"));
                        }
                        if (props.containsKey("CorsConfiguration")) {
                            cors = cors(props.get("CorsConfiguration"));
                        }
                    }
                    case "AWS::Serverless::Function" -> {
                        FunctionSpec function = function(logicalId, props, template, resolver, physicalName);
                        functions.add(function);
                        String arn = "arn:aws:lambda:" + aws.region() + ":" + accountId + ":function:" + function.name();
                        resolver.register(logicalId, new PhysicalResource(type, function.name(), Map.of("Arn", arn)));
                        functionIdsByArn.put(arn, logicalId);
                        // SAM's AutoPublishAlias: the alias answers Ref as <Function>.Alias and <Function>Alias<name>
                        Object alias = props.getOrDefault("AutoPublishAlias",
                                resolver.resolve(template.functionGlobals()) instanceof Map<?, ?> g
                                        ? g.get("AutoPublishAlias") : null);
                        if (alias != null) {
                            PhysicalResource aliasResource = new PhysicalResource("AWS::Lambda::Alias", arn + ":" + alias,
                                    Map.of());
                            resolver.register(logicalId + ".Alias", aliasResource);
                            resolver.register(logicalId + "Alias" + alias, aliasResource);
                            functionIdsByArn.put(arn + ":" + alias, logicalId);
                        }
                        httpApiEvents(logicalId, props).forEach(route -> routes.put(route, logicalId));
                    }
                    default -> throw new IllegalStateException(type);
                }
            }
        }
        template.resources().forEach((id, r) -> {
            if (!ORDER.contains(String.valueOf(r.get("Type")))) {
                skipped.merge(String.valueOf(r.get("Type")), 1, Integer::sum);
            }
        });
        List<String> notEmulated = skipped.entrySet().stream().map(e -> e.getKey() + " x" + e.getValue()).toList();
        return new DeployedStack(stackName, resolver, functions, routes, queueUrlsByArn, notEmulated, cors, authorizers);
    }

    private static final Pattern LAMBDA_INTEGRATION = Pattern.compile(
            "arn:[^:]+:apigateway:[^:]+:lambda:path/2015-03-31/functions/(.+)/invocations");

    /** Routes of an OpenAPI definition whose integration is a Lambda proxy to a function of this template. */
    @SuppressWarnings("unchecked")
    private static Map<HttpRoute, String> openApiRoutes(String apiId, Map<?, ?> body,
                                                        Map<String, String> functionIdsByArn) {
        Map<HttpRoute, String> routes = new LinkedHashMap<>();
        Map<String, Object> paths = body.get("paths") instanceof Map<?, ?> p ? (Map<String, Object>) p : Map.of();
        paths.forEach((path, item) -> ((Map<String, Object>) item).forEach((method, operation) -> {
            if (!(operation instanceof Map<?, ?> op)
                    || !(reference(body, op.get("x-amazon-apigateway-integration")) instanceof Map<?, ?> i)) {
                return;
            }
            var m = LAMBDA_INTEGRATION.matcher(String.valueOf(i.get("uri")));
            if (!"aws_proxy".equals(i.get("type")) || !m.matches() || !functionIdsByArn.containsKey(m.group(1))) {
                throw new IllegalArgumentException("the local runner serves Lambda proxy integrations to this "
                        + "template's functions only; " + apiId + " " + method + " " + path + " has " + i);
            }
            if (!"2.0".equals(String.valueOf(i.get("payloadFormatVersion")))) {
                throw new IllegalArgumentException(apiId + " " + method + " " + path
                        + ": the local runner sends payload format 2.0 events only");
            }
            routes.put(new HttpRoute(method.toUpperCase(), path, iam(body, op)), functionIdsByArn.get(m.group(1)));
        }));
        return routes;
    }

    /** An OpenAPI {@code $ref} within the document (#/a/b/c), or the node itself. */
    private static Object reference(Map<?, ?> body, Object node) {
        if (node instanceof Map<?, ?> m && m.size() == 1 && m.get("$ref") instanceof String ref && ref.startsWith("#/")) {
            Object target = body;
            for (String part : ref.substring(2).split("/")) {
                target = target instanceof Map<?, ?> t ? t.get(part) : null;
            }
            return target;
        }
        return node;
    }

    /** The Lambda authorizer of each route whose operation names a security scheme that has one. */
    @SuppressWarnings("unchecked")
    private static Map<HttpRoute, Authorizer> openApiAuthorizers(String apiId, Map<?, ?> body,
                                                                 Map<String, String> functionIdsByArn) {
        Map<HttpRoute, Authorizer> out = new LinkedHashMap<>();
        Map<String, Object> schemes = body.get("components") instanceof Map<?, ?> c
                && c.get("securitySchemes") instanceof Map<?, ?> s ? (Map<String, Object>) s : Map.of();
        Map<String, Object> paths = body.get("paths") instanceof Map<?, ?> p ? (Map<String, Object>) p : Map.of();
        paths.forEach((path, item) -> ((Map<String, Object>) item).forEach((method, operation) -> {
            if (!(operation instanceof Map<?, ?> op) || !(op.get("security") instanceof List<?> security)) {
                return;
            }
            for (Object requirement : security) {
                for (Object name : ((Map<?, ?>) requirement).keySet()) {
                    if (!(schemes.get(name) instanceof Map<?, ?> scheme)
                            || !(scheme.get("x-amazon-apigateway-authorizer") instanceof Map<?, ?> a)) {
                        continue;
                    }
                    var m = LAMBDA_INTEGRATION.matcher(String.valueOf(a.get("authorizerUri")));
                    if (!"request".equals(a.get("type")) || !m.matches() || !functionIdsByArn.containsKey(m.group(1))
                            || !Boolean.TRUE.equals(a.get("enableSimpleResponses"))) {
                        throw new IllegalArgumentException("the local runner emulates REQUEST authorizers with simple"
                                + " responses on this template's functions only; " + apiId + " " + name + " has " + a);
                    }
                    String source = String.valueOf(a.get("identitySource"));
                    if (!source.startsWith("$request.header.")) {
                        throw new IllegalArgumentException(apiId + " " + name + ": identity sources other than one header: " + source);
                    }
                    Object ttl = a.get("authorizerResultTtlInSeconds");
                    // the same key as the route's (with its IAM flag), so that the gateway finds it
                    out.put(new HttpRoute(method.toUpperCase(), path, iam(body, op)), new Authorizer(String.valueOf(name),
                            functionIdsByArn.get(m.group(1)), source.substring("$request.header.".length()).toLowerCase(),
                            ttl == null ? 0 : Integer.parseInt(String.valueOf(ttl))));
                }
            }
        }));
        return out;
    }

    /**
     * Whether an operation (or, without its own {@code security}, the document) requires a security
     * scheme with {@code x-amazon-apigateway-authtype: awsSigv4}: IAM authorization of an HTTP API.
     */
    @SuppressWarnings("unchecked")
    private static boolean iam(Map<?, ?> body, Map<?, ?> operation) {
        Object security = operation.containsKey("security") ? operation.get("security") : body.get("security");
        if (!(security instanceof List<?> requirements)) {
            return false;
        }
        Map<String, Object> schemes = body.get("components") instanceof Map<?, ?> c
                && c.get("securitySchemes") instanceof Map<?, ?> s ? (Map<String, Object>) s : Map.of();
        return requirements.stream().filter(r -> r instanceof Map<?, ?>)
                .flatMap(r -> ((Map<String, Object>) r).keySet().stream())
                .anyMatch(name -> schemes.get(name) instanceof Map<?, ?> scheme
                        && "awsSigv4".equals(scheme.get("x-amazon-apigateway-authtype")));
    }

    @SuppressWarnings("unchecked")
    private static List<HttpRoute> httpApiEvents(String logicalId, Map<String, Object> props) {
        List<HttpRoute> routes = new ArrayList<>();
        Map<String, Object> events = (Map<String, Object>) props.getOrDefault("Events", Map.of());
        for (Object event : events.values()) {
            Map<String, Object> e = (Map<String, Object>) event;
            if ("HttpApi".equals(e.get("Type"))) {
                Map<String, Object> p = (Map<String, Object>) e.getOrDefault("Properties", Map.of());
                routes.add(new HttpRoute(String.valueOf(p.getOrDefault("Method", "ANY")).toUpperCase(),
                        String.valueOf(p.getOrDefault("Path", "/$default"))));
            }
        }
        return routes;
    }

    /**
     * An HttpApi's CORS settings: its CorsConfiguration property (AllowOrigins, …) or the
     * {@code x-amazon-apigateway-cors} extension of its OpenAPI definition (allowOrigins, …).
     */
    private static Cors cors(Object configuration) {
        if (!(configuration instanceof Map<?, ?> c)) {
            return null;
        }
        Object maxAge = either(c, "MaxAge");
        return new Cors(strings(either(c, "AllowOrigins")), strings(either(c, "AllowMethods")),
                strings(either(c, "AllowHeaders")), maxAge == null ? 0 : Integer.parseInt(maxAge.toString()));
    }

    /** {@code name} as the property spells it, or as the OpenAPI extension does (first letter in lower case). */
    private static Object either(Map<?, ?> c, String name) {
        Object value = c.get(name);
        return value != null ? value : c.get(Character.toLowerCase(name.charAt(0)) + name.substring(1));
    }

    private static List<String> strings(Object value) {
        return value instanceof List<?> list ? list.stream().map(Object::toString).toList() : List.of();
    }

    /**
     * A secret as CloudFormation makes it: SecretString as given, or generated by GenerateSecretString
     * (length, excluded characters and classes) with a secure random; Ref is its ARN. A secret that
     * exists already (a re-run against the same emulator) is kept, value and all.
     */
    @SuppressWarnings("unchecked")
    private PhysicalResource secret(Map<String, Object> p, String physicalName) {
        String name = p.containsKey("Name") ? p.get("Name").toString() : physicalName;
        String value = p.containsKey("SecretString") ? p.get("SecretString").toString()
                : generate((Map<String, Object>) p.getOrDefault("GenerateSecretString", Map.of()));
        String arn;
        try {
            arn = aws.secretsManager().createSecret(b -> b.name(name).secretString(value)).arn();
        } catch (ResourceExistsException exists) {
            arn = aws.secretsManager().describeSecret(b -> b.secretId(name)).arn();
        }
        return new PhysicalResource("AWS::SecretsManager::Secret", arn, Map.of("Id", arn));
    }

    /** GenerateSecretString's password (no SecretStringTemplate: the template's secrets are plain strings). */
    static String generate(Map<String, Object> g) {
        if (g.containsKey("SecretStringTemplate")) {
            throw new IllegalArgumentException("the local runner generates plain string secrets only");
        }
        int length = Integer.parseInt(String.valueOf(g.getOrDefault("PasswordLength", 32)));
        String excluded = String.valueOf(g.getOrDefault("ExcludeCharacters", ""));
        StringBuilder alphabet = new StringBuilder();
        if (!flag(g, "ExcludeUppercase")) {
            alphabet.append("ABCDEFGHIJKLMNOPQRSTUVWXYZ");
        }
        if (!flag(g, "ExcludeLowercase")) {
            alphabet.append("abcdefghijklmnopqrstuvwxyz");
        }
        if (!flag(g, "ExcludeNumbers")) {
            alphabet.append("0123456789");
        }
        if (!flag(g, "ExcludePunctuation")) {
            alphabet.append("!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~");
        }
        if (flag(g, "IncludeSpace")) {
            alphabet.append(' ');
        }
        String chars = alphabet.chars().filter(c -> excluded.indexOf(c) < 0)
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString();
        SecureRandom random = new SecureRandom();
        StringBuilder secret = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            secret.append(chars.charAt(random.nextInt(chars.length())));
        }
        return secret.toString();
    }

    private static boolean flag(Map<String, Object> g, String name) {
        return Boolean.parseBoolean(String.valueOf(g.getOrDefault(name, "false")));
    }

    @SuppressWarnings("unchecked")
    private PhysicalResource table(Map<String, Object> p, String physicalName) {
        String name = p.containsKey("TableName") ? p.get("TableName").toString() : physicalName;
        CreateTableRequest.Builder request = CreateTableRequest.builder()
                .tableName(name)
                .billingMode(BillingMode.PAY_PER_REQUEST)
                .attributeDefinitions(list(p.get("AttributeDefinitions")).stream().map(a -> AttributeDefinition.builder()
                        .attributeName(a.get("AttributeName").toString())
                        .attributeType(a.get("AttributeType").toString()).build()).toList())
                .keySchema(keySchema(p.get("KeySchema")));
        if (p.containsKey("GlobalSecondaryIndexes")) {
            request.globalSecondaryIndexes(list(p.get("GlobalSecondaryIndexes")).stream().map(g -> {
                Map<String, Object> projection = (Map<String, Object>) g.get("Projection");
                return GlobalSecondaryIndex.builder()
                        .indexName(g.get("IndexName").toString())
                        .keySchema(keySchema(g.get("KeySchema")))
                        .projection(Projection.builder().projectionType(projection.get("ProjectionType").toString())
                                .nonKeyAttributes((List<String>) projection.get("NonKeyAttributes")).build())
                        .build();
            }).toList());
        }
        Map<String, Object> stream = (Map<String, Object>) p.get("StreamSpecification");
        if (stream != null) {
            request.streamSpecification(StreamSpecification.builder().streamEnabled(true)
                    .streamViewType(stream.get("StreamViewType").toString()).build());
        }
        TableDescription table;
        try {
            table = aws.dynamoDb().createTable(request.build()).tableDescription();
        } catch (ResourceInUseException exists) {
            table = aws.dynamoDb().describeTable(b -> b.tableName(name)).table();
        }
        aws.dynamoDb().waiter().waitUntilTableExists(b -> b.tableName(name));
        Map<String, Object> ttl = (Map<String, Object>) p.get("TimeToLiveSpecification");
        if (ttl != null && Boolean.parseBoolean(String.valueOf(ttl.get("Enabled")))) {
            try {
                aws.dynamoDb().updateTimeToLive(b -> b.tableName(name).timeToLiveSpecification(
                        TimeToLiveSpecification.builder().attributeName(ttl.get("AttributeName").toString()).enabled(true).build()));
            } catch (DynamoDbException alreadyOn) {
                // enabling TTL twice is refused; it is on, which is what we want
            }
        }
        Map<String, String> attributes = new HashMap<>();
        attributes.put("Arn", table.tableArn());
        if (table.latestStreamArn() != null) {
            attributes.put("StreamArn", table.latestStreamArn());
        }
        return new PhysicalResource("AWS::DynamoDB::Table", name, attributes);
    }

    private PhysicalResource queue(Map<String, Object> p, String physicalName) {
        boolean fifo = Boolean.parseBoolean(String.valueOf(p.getOrDefault("FifoQueue", "false")));
        String name = p.containsKey("QueueName") ? p.get("QueueName").toString() : physicalName + (fifo ? ".fifo" : "");
        Map<QueueAttributeName, String> attributes = new HashMap<>();
        for (String attribute : List.of("MessageRetentionPeriod", "VisibilityTimeout", "DelaySeconds",
                "MaximumMessageSize", "ReceiveMessageWaitTimeSeconds", "FifoQueue", "ContentBasedDeduplication")) {
            if (p.containsKey(attribute)) {
                attributes.put(QueueAttributeName.fromValue(attribute), p.get(attribute).toString());
            }
        }
        String url = aws.sqs().createQueue(b -> b.queueName(name).attributes(attributes)).queueUrl();
        String arn = aws.sqs().getQueueAttributes(b -> b.queueUrl(url).attributeNames(QueueAttributeName.QUEUE_ARN))
                .attributes().get(QueueAttributeName.QUEUE_ARN);
        return new PhysicalResource("AWS::SQS::Queue", url, Map.of("Arn", arn, "QueueName", name, "QueueUrl", url));
    }

    private PhysicalResource topic(Map<String, Object> p, String physicalName) {
        boolean fifo = Boolean.parseBoolean(String.valueOf(p.getOrDefault("FifoTopic", "false")));
        String name = p.containsKey("TopicName") ? p.get("TopicName").toString() : physicalName + (fifo ? ".fifo" : "");
        Map<String, String> attributes = new HashMap<>();
        if (fifo) {
            attributes.put("FifoTopic", "true");
            attributes.put("ContentBasedDeduplication", String.valueOf(p.getOrDefault("ContentBasedDeduplication", "false")));
        }
        String arn = aws.sns().createTopic(b -> b.name(name).attributes(attributes)).topicArn();
        return new PhysicalResource("AWS::SNS::Topic", arn, Map.of("TopicArn", arn, "TopicName", name));
    }

    private PhysicalResource subscription(Map<String, Object> p) throws IOException {
        Map<String, String> attributes = new HashMap<>();
        if (p.containsKey("FilterPolicy")) {
            Object policy = p.get("FilterPolicy");
            attributes.put("FilterPolicy", policy instanceof String s ? s : JSON.writeValueAsString(policy));
        }
        for (String attribute : List.of("FilterPolicyScope", "RawMessageDelivery")) {
            if (p.containsKey(attribute)) {
                attributes.put(attribute, p.get(attribute).toString());
            }
        }
        String arn = aws.sns().subscribe(b -> b.topicArn(p.get("TopicArn").toString())
                .protocol(p.get("Protocol").toString()).endpoint(p.get("Endpoint").toString())
                .attributes(attributes).returnSubscriptionArn(true)).subscriptionArn();
        return new PhysicalResource("AWS::SNS::Subscription", arn, Map.of());
    }

    @SuppressWarnings("unchecked")
    private FunctionSpec function(String logicalId, Map<String, Object> props, SamTemplate template, Resolver resolver,
                                  String physicalName) throws IOException {
        Map<String, Object> globals = (Map<String, Object>) resolver.resolve(template.functionGlobals());
        Map<String, String> environment = new LinkedHashMap<>();
        for (Map<String, Object> source : List.of(globals, props)) {
            Map<String, Object> env = (Map<String, Object>) source.getOrDefault("Environment", Map.of());
            ((Map<String, Object>) env.getOrDefault("Variables", Map.of()))
                    .forEach((k, v) -> environment.put(k, String.valueOf(v)));
        }
        String name = props.containsKey("FunctionName") ? props.get("FunctionName").toString() : physicalName;
        int timeout = Integer.parseInt(String.valueOf(props.getOrDefault("Timeout", globals.getOrDefault("Timeout", 3))));
        List<StreamMapping> mappings = new ArrayList<>();
        Map<String, Object> events = (Map<String, Object>) props.getOrDefault("Events", Map.of());
        for (var event : events.entrySet()) {
            Map<String, Object> e = (Map<String, Object>) event.getValue();
            Map<String, Object> p = (Map<String, Object>) e.getOrDefault("Properties", Map.of());
            switch (String.valueOf(e.get("Type"))) {
                case "HttpApi" -> {
                    // routed with the API (httpApiEvents)
                }
                case "DynamoDB" -> mappings.add(streamMapping(event.getKey(), p));
                default -> throw new IllegalArgumentException("the local runner does not emulate " + e.get("Type")
                        + " events (function " + logicalId + ")");
            }
        }
        Object codeUri = props.getOrDefault("CodeUri", globals.get("CodeUri"));
        Path code = codeUri instanceof String uri ? template.path().getParent().resolve(uri).normalize() : null;
        return new FunctionSpec(logicalId, name, props.get("Handler").toString(), environment, timeout, mappings, code);
    }

    @SuppressWarnings("unchecked")
    private StreamMapping streamMapping(String eventName, Map<String, Object> p) throws IOException {
        EventSourceMappingLimits.check(eventName, p);
        List<JsonNode> filters = new ArrayList<>();
        Map<String, Object> criteria = (Map<String, Object>) p.get("FilterCriteria");
        if (criteria != null) {
            for (Map<String, Object> filter : list(criteria.get("Filters"))) {
                Object pattern = filter.get("Pattern");
                filters.add(pattern instanceof String s ? JSON.readTree(s) : JSON.valueToTree(pattern));
            }
        }
        String onFailure = null;
        Map<String, Object> destination = (Map<String, Object>) p.get("DestinationConfig");
        if (destination != null && destination.get("OnFailure") != null) {
            onFailure = ((Map<String, Object>) destination.get("OnFailure")).get("Destination").toString();
        }
        List<String> responseTypes = (List<String>) p.getOrDefault("FunctionResponseTypes", List.of());
        return new StreamMapping(eventName, p.get("Stream").toString(),
                String.valueOf(p.getOrDefault("StartingPosition", "LATEST")),
                integer(p, "BatchSize", 100), integer(p, "MaximumBatchingWindowInSeconds", 0),
                Boolean.parseBoolean(String.valueOf(p.getOrDefault("BisectBatchOnFunctionError", "false"))),
                integer(p, "MaximumRetryAttempts", -1), integer(p, "MaximumRecordAgeInSeconds", -1),
                responseTypes.contains("ReportBatchItemFailures"), filters, onFailure);
    }

    private static int integer(Map<String, Object> p, String name, int fallback) {
        return p.containsKey(name) ? Integer.parseInt(p.get(name).toString()) : fallback;
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> list(Object value) {
        return value == null ? List.of() : (List<Map<String, Object>>) value;
    }

    private static List<KeySchemaElement> keySchema(Object value) {
        return list(value).stream().map(k -> KeySchemaElement.builder().attributeName(k.get("AttributeName").toString())
                .keyType(k.get("KeyType").toString()).build()).toList();
    }
}
