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

/** A JSON Schema of contracts/ (draft 2020-12), as AlertSchema reads the alert message's. */
public final class ContractSchema {

    public static final ContractSchema REFERRAL_PACKET = new ContractSchema("referral-packet.schema.json");

    private final JsonSchema schema;

    private ContractSchema(String name) {
        Path file = Path.of(System.getProperty("scamsignal.contracts", "../../contracts"), name);
        try (InputStream in = Files.newInputStream(file)) {
            schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file.toAbsolutePath(), e);
        }
    }

    /** The schema's complaints about a document; empty when it conforms. */
    public String violations(JsonNode document) {
        Set<ValidationMessage> messages = schema.validate(document);
        return messages.stream().map(ValidationMessage::getMessage).sorted().collect(Collectors.joining("; "));
    }
}
