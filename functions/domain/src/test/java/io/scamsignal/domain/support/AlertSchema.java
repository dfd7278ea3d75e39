package io.scamsignal.domain.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.stream.Collectors;

/** contracts/alert-message.schema.json, the partner contract every published message must meet. */
public final class AlertSchema {

    private static final JsonSchema SCHEMA = load();

    private AlertSchema() {
    }

    private static JsonSchema load() {
        Path file = Path.of(System.getProperty("scamsignal.contracts", "../../contracts"), "alert-message.schema.json");
        try (InputStream in = Files.newInputStream(file)) {
            return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file.toAbsolutePath(), e);
        }
    }

    /** The schema's complaints about a message; empty when it conforms. */
    public static String violations(JsonNode message) {
        Set<ValidationMessage> messages = SCHEMA.validate(message);
        return messages.stream().map(ValidationMessage::getMessage).sorted().collect(Collectors.joining("; "));
    }
}
