package io.scamsignal.emulator.template;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The HttpApi is the OpenAPI contract, wired to the intake's live alias; every function's logs are kept. */
class TemplateApiTest {

    private static final Path PROJECT = Path.of(System.getProperty("scamsignal.projectDir", ".."));
    private static final Path TEMPLATE = PROJECT.resolve("infra/template.yaml");

    @SuppressWarnings("unchecked")
    private static Map<String, Object> properties(SamTemplate template, String id) {
        return (Map<String, Object>) template.resources().get(id).get("Properties");
    }

    @Test
    @SuppressWarnings("unchecked")
    void theApisDefinitionIsTheContractDocumentWithALambdaProxyToTheIntakesAlias() throws Exception {
        SamTemplate template = SamTemplate.load(TEMPLATE);
        Map<String, Object> contract = (Map<String, Object>) new org.yaml.snakeyaml.Yaml().load(
                java.nio.file.Files.readString(PROJECT.resolve("contracts/report-api.openapi.yaml")));

        Map<String, Object> body = (Map<String, Object>) properties(template, "ReportsApi").get("DefinitionBody");
        assertThat(body).isEqualTo(contract);

        Map<String, Object> post = (Map<String, Object>) ((Map<String, Object>) ((Map<String, Object>)
                body.get("paths")).get("/reports")).get("post");
        Map<String, Object> integration = (Map<String, Object>) post.get("x-amazon-apigateway-integration");
        assertThat(integration).containsEntry("type", "aws_proxy").containsEntry("payloadFormatVersion", "2.0");
        String uri = ((Map<String, Object>) integration.get("uri")).get("Fn::Sub").toString();
        Matcher alias = Pattern.compile("/functions/\\$\\{(\\w+)Alias(\\w+)}/invocations$").matcher(uri);
        assertThat(alias.find()).as(uri).isTrue();
        String function = alias.group(1);
        assertThat(template.resources().get(function)).containsEntry("Type", "AWS::Serverless::Function");
        Object publishedAs = properties(template, function).getOrDefault("AutoPublishAlias",
                template.functionGlobals().get("AutoPublishAlias"));
        assertThat(alias.group(2)).isEqualTo(publishedAs);

        // API Gateway may invoke that alias, on that route only
        Map<String, Object> permission = properties(template, "SubmitReportApiPermission");
        assertThat(permission.get("FunctionName")).isEqualTo(Map.of("Ref", function + ".Alias"));
        assertThat(permission.get("Principal")).isEqualTo("apigateway.amazonaws.com");
        assertThat(permission.get("SourceArn").toString()).endsWith("${ReportsApi}/*/POST/reports}");
    }

    @Test
    @SuppressWarnings("unchecked")
    void everyFunctionLogsToItsOwnLogGroupWithRetentionAndRunsUnderItsOwnRole() throws Exception {
        SamTemplate template = SamTemplate.load(TEMPLATE);
        List<String> functions = template.resources().entrySet().stream()
                .filter(e -> "AWS::Serverless::Function".equals(e.getValue().get("Type"))).map(Map.Entry::getKey).toList();

        assertThat(functions).containsExactlyInAnyOrder("SubmitReportFunction", "EnrichReportFunction",
                "ThresholdAlertFunction", "ReferralFunction", "PartnerApiFunction", "PartnerReportsFunction",
                "PartnerAuthFunction").allSatisfy(id -> {
            Map<String, Object> props = properties(template, id);
            Map<String, Object> logging = (Map<String, Object>) props.get("LoggingConfig");
            assertThat(logging).containsEntry("LogFormat", "JSON");
            String logGroup = ((Map<String, Object>) logging.get("LogGroup")).get("Ref").toString();
            assertThat(template.resources().get(logGroup)).containsEntry("Type", "AWS::Logs::LogGroup");
            assertThat(properties(template, logGroup)).containsKey("RetentionInDays");

            String role = ((List<String>) ((Map<String, Object>) props.get("Role")).get("Fn::GetAtt")).get(0);
            assertThat(template.resources().get(role)).containsEntry("Type", "AWS::IAM::Role");
            assertThat(properties(template, role)).doesNotContainKey("ManagedPolicyArns");
            assertThat(props).doesNotContainKey("Policies");
        });
    }

    /** A revoked or narrowed partner key stops writing within a minute: the write route's authorizer cache is at most 60 s. */
    @Test
    @SuppressWarnings("unchecked")
    void partnerWritesAreAuthorizedWithACacheOfAtMostSixtySecondsOfTheirOwn() throws Exception {
        SamTemplate template = SamTemplate.load(TEMPLATE);
        Map<String, Object> body = (Map<String, Object>) properties(template, "ReportsApi").get("DefinitionBody");
        Map<String, Object> post = (Map<String, Object>) ((Map<String, Object>) ((Map<String, Object>)
                body.get("paths")).get("/partner/reports")).get("post");
        List<Map<String, Object>> security = (List<Map<String, Object>>) post.get("security");
        assertThat(security).hasSize(1);
        String scheme = security.get(0).keySet().iterator().next();
        Map<String, Object> authorizer = (Map<String, Object>) ((Map<String, Object>) ((Map<String, Object>) ((Map<String, Object>)
                body.get("components")).get("securitySchemes")).get(scheme)).get("x-amazon-apigateway-authorizer");
        String parameter = ((Map<String, Object>) authorizer.get("authorizerResultTtlInSeconds")).get("Ref").toString();
        Map<String, Object> declared = template.parameters().get(parameter);
        assertThat(((Number) declared.get("MaxValue")).intValue()).isLessThanOrEqualTo(60);
        assertThat(((Number) declared.get("Default")).intValue()).isLessThanOrEqualTo(60);
        // no other route shares that cache
        ((Map<String, Object>) body.get("paths")).forEach((path, item) -> ((Map<String, Object>) item).forEach((method, op) -> {
            if (!path.equals("/partner/reports") && op instanceof Map<?, ?> o && o.get("security") instanceof List<?> l) {
                assertThat(l.toString()).as(method + " " + path).doesNotContain(scheme + "=");
            }
        }));
    }
}
