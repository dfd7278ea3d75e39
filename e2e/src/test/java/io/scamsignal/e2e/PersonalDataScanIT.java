package io.scamsignal.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.scamsignal.emulator.LocalPipeline;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.scamsignal.emulator.aws.EmulatorClients;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.sns.model.MessageAttributeValue;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/**
 * The personal-data scan against a deployed stack can fail: a clean stack passes, and personal
 * data planted in a table (and so its stream), in a queue, deep in another queue, in an alert
 * received, in an alert published (in each subscription's delivery) and in the logs is found in
 * each place.
 */
class PersonalDataScanIT {

    @Test
    void aCleanStackPassesAndPlantedPersonalDataIsFoundWhereverItIs() throws Exception {
        LogCapture.install();
        String stack = "scan-" + UUID.randomUUID().toString().substring(0, 8);
        try (LocalPipeline pipeline = LocalPipeline.start(LocalPipeline.Options.defaults(
                TestEmulator.projectDir().resolve("infra/template.yaml"), TestEmulator.endpoint(), stack))) {
            int logsFrom = LogCapture.length();
            HttpResponse<String> posted = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                            URI.create("http://127.0.0.1:" + pipeline.port() + "/reports"))
                    .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString("""
                            {"contactMethod":"popup","impersonatedCompany":"Microsoft","incidentDate":"2026-11-20",
                             "country":"US","scammer":{"phoneNumbers":["+1 844 392 6105"]},
                             "reporter":{"email":"planted.reporter@example.org","name":"Kim Plant"}}""")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(posted.statusCode()).isEqualTo(202);
            assertThat(pipeline.awaitIdle(Duration.ofMillis(500), Duration.ofSeconds(60))).isTrue();

            Set<String> personal = PersonalDataScan.reporterValues(pipeline.aws(), pipeline.stack());
            assertThat(personal).contains("planted.reporter@example.org", "Kim Plant");
            PersonalDataScan scan = PersonalDataScan.of(personal);
            List<PersonalDataScan.Finding> clean = scan.scanStack(pipeline.aws(), pipeline.stack(), List.of(),
                    LogCapture.since(logsFrom));
            assertThat(clean).isEmpty();

            pipeline.close();

            // planted once the functions are stopped (they would read the planted records and might
            // log them, into the logs other tests scan): an aggregate whose state carries the e-mail
            // JSON-escaped, a stored report whose payload names the reporter (in the table and in its
            // stream), a queued message, a log line
            try (EmulatorClients aws = EmulatorClients.create(TestEmulator.endpoint(), "us-east-1", "test", "test")) {
                aws.dynamoDb().putItem(b -> b.tableName(pipeline.ref("IndicatorsTable")).item(Map.of(
                        "pk", AttributeValue.fromS("phone#+10000000000"), "sk", AttributeValue.fromS("AGG"),
                        "state", AttributeValue.fromS("{\"note\":\"PLANTED.Reporter@example.org\"}"))));
                aws.dynamoDb().putItem(b -> b.tableName(pipeline.ref("ReportsTable")).item(Map.of(
                        "reportId", AttributeValue.fromS("planted-" + UUID.randomUUID()),
                        "payload", AttributeValue.fromS("{\"reporter\":{\"name\":\"Kim Plant\"}}"))));
                aws.sqs().sendMessage(b -> b.queueUrl(pipeline.ref("EnrichmentFailureQueue"))
                        .messageBody("who=planted.reporter%40example.org"));
                // a deep queue: 35 clean messages, then one naming the reporter (a scan of the first 30 misses it)
                for (int i = 0; i < 35; i++) {
                    int n = i;
                    aws.sqs().sendMessage(b -> b.queueUrl(pipeline.ref("AlertingFailureQueue")).messageBody("clean " + n));
                }
                aws.sqs().sendMessage(b -> b.queueUrl(pipeline.ref("AlertingFailureQueue"))
                        .messageBody("{\"reporter\":\"Kim Plant\"}"));
                // an alert that names the reporter, as received, and published: SNS delivers it to the
                // subscribed queues (the Microsoft partner's filter passes it)
                String alertJson = "{\"alertId\":\"planted\",\"type\":\"alert\",\"note\":\"by planted.reporter@example.org\"}";
                JsonNode alert = new ObjectMapper().readTree(alertJson);
                aws.sns().publish(b -> b.topicArn(pipeline.ref("AlertsTopic")).message(alertJson).messageAttributes(Map.of(
                        "brands", MessageAttributeValue.builder().dataType("String").stringValue("Microsoft").build())));
                String logs = LogCapture.since(logsFrom) + "{\"level\":\"INFO\",\"email\":\"planted.reporter@example.org\"}\n";

                List<PersonalDataScan.Finding> found = scan.scanStack(aws, pipeline.stack(), List.of(alert), logs);
                assertThat(found).extracting(PersonalDataScan.Finding::where)
                        .anySatisfy(w -> assertThat(w).startsWith("IndicatorsTable item"))
                        .anySatisfy(w -> assertThat(w).startsWith("ReportsTable item"))
                        .anySatisfy(w -> assertThat(w).startsWith("ReportsTable stream record"))
                        .anySatisfy(w -> assertThat(w).startsWith("EnrichmentFailureQueue message"))
                        .anySatisfy(w -> assertThat(w).startsWith("AlertingFailureQueue message"))
                        .anySatisfy(w -> assertThat(w).isEqualTo("alert 0 planted"))
                        .anySatisfy(w -> assertThat(w).startsWith("MicrosoftPartnerQueue message"))
                        .anySatisfy(w -> assertThat(w).startsWith("AlertsTopic delivery to " + stack + "-inbox-"))
                        .anySatisfy(w -> assertThat(w).isEqualTo("captured logs"));
                assertThat(found).noneSatisfy(f -> assertThat(f.where()).startsWith("ReporterDataTable"));
                assertThat(found).noneSatisfy(f -> assertThat(f.form()).isIn("not drained", "not read to its end",
                        "deliveries not scanned"));
                assertThatThrownBy(() -> scan.assertClean(aws, pipeline.stack(), List.of(), logs))
                        .isInstanceOf(AssertionError.class).hasMessageContaining("IndicatorsTable item pk=phone#+10000000000");
                // the scan left every message for its consumers
                assertThat(aws.sqs().getQueueAttributes(b -> b.queueUrl(pipeline.ref("AlertingFailureQueue"))
                        .attributeNames(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES)).attributes()
                        .get(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES)).isEqualTo("36");
            }
        }
    }
}
