package io.scamsignal.emulator.template;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Rules every stream event-source mapping of infra/template.yaml must keep. */
class TemplateMappingsTest {

    private static final Path TEMPLATE = Path.of(System.getProperty("scamsignal.projectDir", ".."), "infra/template.yaml");

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> streamMappings(SamTemplate template) {
        List<Map<String, Object>> mappings = new ArrayList<>();
        template.resources().values().stream()
                .filter(r -> "AWS::Serverless::Function".equals(r.get("Type")))
                .forEach(r -> {
                    Map<String, Object> props = (Map<String, Object>) r.get("Properties");
                    ((Map<String, Object>) props.getOrDefault("Events", Map.of())).values().stream()
                            .map(e -> (Map<String, Object>) e)
                            .filter(e -> List.of("DynamoDB", "Kinesis", "SQS").contains(e.get("Type")))
                            .forEach(e -> mappings.add((Map<String, Object>) e.get("Properties")));
                });
        return mappings;
    }

    @Test
    @SuppressWarnings("unchecked")
    void everyStreamMappingReportsPartialFailuresAndNeverLosesARecord() throws Exception {
        List<Map<String, Object>> mappings = streamMappings(SamTemplate.load(TEMPLATE));

        assertThat(mappings).hasSize(3).allSatisfy(m -> {
            assertThat((List<Object>) m.get("FunctionResponseTypes")).contains("ReportBatchItemFailures");
            assertThat(m.get("BisectBatchOnFunctionError")).isEqualTo(true);
            assertThat((Integer) m.get("MaximumRetryAttempts")).isBetween(0, 10_000);
            assertThat((Integer) m.get("MaximumRecordAgeInSeconds")).isBetween(60, 604_800);
            assertThat(m).containsKey("FilterCriteria");
            assertThat(m).extracting("DestinationConfig").extracting("OnFailure").extracting("Destination")
                    .isNotNull();
        });
    }

    @Test
    @SuppressWarnings("unchecked")
    void noFunctionHasAFunctionLevelDeadLetterQueueOrAHardCodedTableName() throws Exception {
        SamTemplate template = SamTemplate.load(TEMPLATE);

        template.resources().forEach((id, r) -> {
            @SuppressWarnings("unchecked")
            Map<String, Object> props = (Map<String, Object>) r.getOrDefault("Properties", Map.of());
            assertThat(props).as(id).doesNotContainKey("DeadLetterQueue").doesNotContainKey("TableName");
        });
    }

    @Test
    @SuppressWarnings("unchecked")
    void shortFormIntrinsicsBecomeLongForm() throws Exception {
        SamTemplate template = SamTemplate.load(TEMPLATE);

        Map<?, ?> enrich = (Map<?, ?>) template.resources().get("EnrichReportFunction").get("Properties");
        Map<?, ?> stream = (Map<?, ?>) ((Map<?, ?>) ((Map<?, ?>) enrich.get("Events")).get("ReportsStream")).get("Properties");
        assertThat(stream.get("Stream")).isEqualTo(Map.of("Fn::GetAtt", List.of("ReportsTable", "StreamArn")));
    }
}
