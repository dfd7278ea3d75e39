package io.scamsignal.partnerapi;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.fasterxml.jackson.databind.JsonNode;
import io.scamsignal.aws.AwsClients;
import io.scamsignal.aws.FunctionEnvironment;
import io.scamsignal.aws.HttpApiResponse;
import io.scamsignal.aws.JsonLog;
import io.scamsignal.domain.feed.FeedRequestException;
import io.scamsignal.domain.feed.MispFeed;
import io.scamsignal.domain.feed.NextTokens;
import io.scamsignal.domain.feed.NumberFeed;
import io.scamsignal.domain.feed.NumberFeedPager;
import io.scamsignal.domain.feed.TaxiiPage;
import io.scamsignal.domain.feed.TaxiiPager;
import io.scamsignal.domain.feed.TaxiiQuery;
import io.scamsignal.domain.feed.TaxiiResources;
import io.scamsignal.domain.feed.TaxiiResources.Collection;
import io.scamsignal.domain.json.Json;
import io.scamsignal.domain.stix.ExpiryRules;
import io.scamsignal.domain.stix.Tlp;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Base64;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;

/**
 * The partner read side behind the HttpApi's partner-key authorizer: TAXII 2.1 (discovery, API
 * root, collections, objects, manifest, an object's versions). The authorizer's context says which
 * collections the key may read; any other collection is refused with 403 and shows in no listing.
 * A stream handler: it reads the event's JSON itself.
 */
public final class PartnerApiHandler implements RequestStreamHandler {

    private static final JsonLog LOG = new JsonLog("partner-api");
    static final String API_ROOT_PATH = "/taxii2/api/";
    private static final Pattern COLLECTION = Pattern.compile(
            "/taxii2/api/collections/([0-9a-f-]{36})/(?:(objects|manifest)/(?:([a-z0-9-]+--[0-9a-f-]{36})/(versions/)?)?)?");
    private static final long MAX_CONTENT_LENGTH = 6 * 1024 * 1024;

    private static final Pattern MISP_FILE = Pattern.compile("/misp/([0-9a-f-]{36}\\.json|manifest\\.json)/?");
    private static final Pattern NUMBERS = Pattern.compile("/feeds/numbers\\.(csv|jsonl)/?");

    /** The MISP and number feeds: the indicators as they stand, with the deployment's TLP and expiry. */
    record Feeds(DynamoDbCurrentIndicators current, MispFeed misp, NumberFeed numbers, Clock clock) {
    }

    private final DynamoDbFeedReader reader;
    private final Feeds feeds;
    private final Supplier<NextTokens> tokens;
    private final int maxPage;
    private final int maxScanned;

    public PartnerApiHandler() {
        this(FunctionEnvironment.current());
    }

    private PartnerApiHandler(FunctionEnvironment env) {
        this(AwsClients.build(DynamoDbClient.builder(), env), env);
    }

    private PartnerApiHandler(DynamoDbClient dynamoDb, FunctionEnvironment env) {
        this(new DynamoDbFeedReader(dynamoDb, env.require("FEED_TABLE")),
                new LazyNextTokens(AwsClients.build(SecretsManagerClient.builder(), env), env.require("TAXII_NEXT_SECRET_ARN")),
                Integer.parseInt(env.getOrDefault("TAXII_MAX_PAGE", "1000")),
                feeds(dynamoDb, env));
    }

    private static Feeds feeds(DynamoDbClient dynamoDb, FunctionEnvironment env) {
        Tlp tlp = Tlp.parse(env.getOrDefault("STIX_TLP", "green"));
        ExpiryRules expiry = ExpiryRules.parse(env.get("STIX_EXPIRY"));
        return new Feeds(new DynamoDbCurrentIndicators(dynamoDb, env.require("FEED_TABLE")),
                new MispFeed(tlp, MispFeed.defaults().orgName(), MispFeed.defaults().orgUuid(), expiry),
                new NumberFeed(expiry), Clock.systemUTC());
    }

    PartnerApiHandler(DynamoDbFeedReader reader, NextTokens tokens, int maxPage, Feeds feeds) {
        this(reader, () -> tokens, maxPage, feeds);
    }

    PartnerApiHandler(DynamoDbFeedReader reader, Supplier<NextTokens> tokens, int maxPage, Feeds feeds) {
        this.reader = reader;
        this.feeds = feeds;
        this.tokens = tokens;
        this.maxPage = maxPage;
        this.maxScanned = maxPage * 5;
    }

    @Override
    public void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
        handle(Json.mapper().readTree(input)).write(output);
    }

    HttpApiResponse handle(JsonNode event) {
        String path = event.path("rawPath").asText("/");
        if (!path.endsWith("/")) {
            path = path + "/";
        }
        Map<String, String> headers = new HashMap<>();
        event.path("headers").fields().forEachRemaining(h -> headers.put(h.getKey().toLowerCase(Locale.ROOT), h.getValue().asText()));
        Map<String, String> params = new HashMap<>();
        event.path("queryStringParameters").fields().forEachRemaining(p -> params.put(p.getKey(), p.getValue().asText()));
        JsonNode auth = event.path("requestContext").path("authorizer").path("lambda");
        Set<String> allowed = allowed(auth.path("collections").asText(""));
        Locale locale = headers.getOrDefault("accept-language", "en").toLowerCase(Locale.ROOT).startsWith("de")
                ? Locale.GERMAN : Locale.ENGLISH;
        if (path.startsWith("/misp/") || path.startsWith("/feeds/")) {
            // the feeds derive from the indicators collection: a key must be allowed to read it
            if (!allowed.contains("*") && !allowed.contains(Collection.INDICATORS.id())) {
                return plain(403, "application/json", Json.write(Map.of("code", "forbidden",
                        "message", "This key may not read the indicators.")));
            }
            try {
                return feed(path, params, headers.get("if-none-match"));
            } catch (FeedRequestException e) {
                return plain(400, "application/json", Json.write(Map.of("code", e.code().wire(), "message", e.message(locale))));
            }
        }
        if (!TaxiiResources.accepts(headers.get("accept"))) {
            return error(406, "not_acceptable", "This server answers application/taxii+json;version=2.1 only.");
        }
        try {
            if (path.equals("/taxii2/")) {
                String proto = headers.getOrDefault("x-forwarded-proto", "https");
                String host = event.path("requestContext").path("domainName").asText(headers.getOrDefault("host", "localhost"));
                return taxii(200, Map.of(), Json.write(TaxiiResources.discovery(proto + "://" + host + API_ROOT_PATH)));
            }
            if (path.equals(API_ROOT_PATH)) {
                return taxii(200, Map.of(), Json.write(TaxiiResources.apiRoot(MAX_CONTENT_LENGTH)));
            }
            if (path.equals(API_ROOT_PATH + "collections/")) {
                List<Collection> readable = new ArrayList<>();
                for (Collection c : Collection.values()) {
                    if (allowed.contains("*") || allowed.contains(c.id())) {
                        readable.add(c);
                    }
                }
                return taxii(200, Map.of(), Json.write(TaxiiResources.collections(readable)));
            }
            Matcher m = COLLECTION.matcher(path);
            if (!m.matches()) {
                return error(404, "not_found", "No such TAXII resource.");
            }
            Optional<Collection> collection = Collection.byId(m.group(1));
            if (collection.isEmpty()) {
                return error(404, "not_found", "No such collection.");
            }
            if (!allowed.contains("*") && !allowed.contains(collection.get().id())) {
                LOG.info("collection refused", Map.of("keyId", auth.path("keyId").asText(""), "collection", m.group(1)));
                return error(403, "forbidden", "This key may not read this collection.");
            }
            if (m.group(2) == null) {
                return taxii(200, Map.of(), Json.write(collection.get().resource()));
            }
            Map<String, String> query = new HashMap<>(params);
            if (m.group(3) != null) {
                query.put("match[id]", m.group(3));
                if (m.group(4) != null) {
                    query.putIfAbsent("match[version]", "all");
                }
            }
            NextTokens signer = tokens.get();
            TaxiiQuery q = TaxiiQuery.fromParameters(collection.get().id(), query, maxPage, signer);
            DynamoDbFeedReader.Scan scan = reader.scan(q);
            TaxiiPage page = TaxiiPager.page(q, scan, scan, signer, maxScanned);
            String body = m.group(4) != null ? page.versionsJson()
                    : m.group(2).equals("manifest") ? page.manifestJson() : page.envelopeJson();
            if (m.group(3) != null && page.entries().isEmpty() && q.after() == null) {
                return error(404, "not_found", "No such object in this collection.");
            }
            return taxii(200, page.headers(), body);
        } catch (FeedRequestException e) {
            return error(400, e.code().wire(), e.message(locale));
        }
    }

    /**
     * The MISP feed's files and the number feed, each request reading only what its answer holds:
     * the manifest the day summaries, an event its day's indicators, a number page its page (and the
     * next candidate of each index). Every 200 carries an {@code ETag}; a request whose
     * {@code If-None-Match} names it gets 304 without a body.
     */
    private HttpApiResponse feed(String path, Map<String, String> params, String ifNoneMatch) {
        Instant now = feeds.clock().instant();
        String collection = Collection.INDICATORS.id();
        Matcher misp = MISP_FILE.matcher(path.substring(0, path.length() - 1));
        if (misp.matches()) {
            String file = misp.group(1);
            if (file.equals("manifest.json")) {
                return conditional(200, "application/json", feeds.misp().manifest(feeds.current().daySummaries(collection)),
                        Map.of(), ifNoneMatch);
            }
            String uuid = file.substring(0, file.length() - ".json".length());
            Optional<MispFeed.DaySummary> summary = feeds.current().daySummary(collection, uuid);
            if (summary.isEmpty()) {
                return plain(404, "application/json", Json.write(Map.of("code", "not_found", "message", "No such event.")));
            }
            LocalDate day = summary.get().day();
            String body = Json.write(feeds.misp().event(day, feeds.current().day(collection, day), now, summary.get()));
            return conditional(200, "application/json", body, Map.of(), ifNoneMatch);
        }
        Matcher numbers = NUMBERS.matcher(path.substring(0, path.length() - 1));
        if (numbers.matches()) {
            NextTokens signer = tokens.get();
            NumberFeedPager.Query q = NumberFeedPager.Query.fromParameters(params, maxPage, signer);
            String start = q.exclusiveStartKey();
            String end = NumberFeedPager.Query.endKey(now);
            NumberFeedPager.Page page = NumberFeedPager.page(q,
                    feeds.current().numbers(collection, false,
                            q.liveStartKey(now, feeds.numbers().expiry().of("phone")), end, q.limit() + 1),
                    feeds.current().numbers(collection, true, start, end, q.limit() + 1),
                    feeds.numbers(), now, signer, maxScanned);
            Map<String, String> extra = new LinkedHashMap<>();
            if (page.more()) {
                extra.put("X-Next", page.next());
                extra.put("Link", "</feeds/numbers." + numbers.group(1) + "?next="
                        + URLEncoder.encode(page.next(), StandardCharsets.UTF_8) + ">; rel=\"next\"");
            }
            return numbers.group(1).equals("csv")
                    ? conditional(200, "text/csv; charset=utf-8; header=present", NumberFeed.csv(page.rows()), extra, ifNoneMatch)
                    : conditional(200, "application/jsonl; charset=utf-8", NumberFeed.jsonLines(page.rows()), extra, ifNoneMatch);
        }
        return plain(404, "application/json", Json.write(Map.of("code", "not_found", "message", "No such feed.")));
    }

    /** A feed answer with its ETag (a hash of the body), or 304 when the client has that body already. */
    static HttpApiResponse conditional(int status, String contentType, String body, Map<String, String> extra,
                                       String ifNoneMatch) {
        String etag = etag(body);
        Map<String, String> h = new LinkedHashMap<>(extra);
        h.put("ETag", etag);
        // clients may keep a copy but must ask again; the ETag makes asking again cheap
        h.put("Cache-Control", "private, no-cache");
        h.put("X-Content-Type-Options", "nosniff");
        if (matches(ifNoneMatch, etag)) {
            return new HttpApiResponse(304, h, "");
        }
        h.put("Content-Type", contentType);
        return new HttpApiResponse(status, h, body);
    }

    static String etag(String body) {
        byte[] digest = sha256(body);
        return "\"" + Base64.getUrlEncoder().withoutPadding().encodeToString(Arrays.copyOf(digest, 18)) + "\"";
    }

    /** RFC 9110's weak comparison for If-None-Match: a list of tags, W/ ignored, or {@code *}. */
    static boolean matches(String ifNoneMatch, String etag) {
        if (ifNoneMatch == null || ifNoneMatch.isBlank()) {
            return false;
        }
        for (String candidate : ifNoneMatch.split(",")) {
            String c = candidate.trim();
            if (c.startsWith("W/")) {
                c = c.substring(2);
            }
            if (c.equals("*") || c.equals(etag)) {
                return true;
            }
        }
        return false;
    }

    private static HttpApiResponse plain(int status, String contentType, String body) {
        return new HttpApiResponse(status, Map.of("Content-Type", contentType, "Cache-Control", "no-store",
                "X-Content-Type-Options", "nosniff"), body);
    }

    private static Set<String> allowed(String collections) {
        return Set.of(collections.split(","));
    }

    private static HttpApiResponse taxii(int status, Map<String, String> headers, String body) {
        Map<String, String> h = new LinkedHashMap<>(headers);
        h.put("Content-Type", TaxiiPage.TAXII_MEDIA_TYPE);
        h.put("Cache-Control", "no-store");
        h.put("X-Content-Type-Options", "nosniff");
        return new HttpApiResponse(status, h, body);
    }

    /** A TAXII error message resource. */
    private static HttpApiResponse error(int status, String code, String description) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("title", code);
        body.put("description", description);
        body.put("error_code", code);
        body.put("http_status", Integer.toString(status));
        return taxii(status, Map.of(), Json.write(body));
    }

    /** The token key from the deployment's secret: a hash makes any secret text 32 bytes long. */
    static byte[] sha256(String secret) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
