package io.scamsignal.partnerauth.handler;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.scamsignal.aws.FunctionEnvironment;
import io.scamsignal.partnerauth.config.PartnerAuthConfig;
import io.scamsignal.partnerauth.service.PartnerKeyAuthorizer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/**
 * The HttpApi's Lambda authorizer for partner routes (REQUEST type, payload 2.0, simple responses):
 * reads the request's Authorization header and answers with {@link PartnerKeyAuthorizer}'s decision.
 */
public final class PartnerAuthHandler implements RequestStreamHandler {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final PartnerKeyAuthorizer authorizer;

    public PartnerAuthHandler() {
        this(PartnerAuthConfig.authorizer(FunctionEnvironment.current()));
    }

    PartnerAuthHandler(PartnerKeyAuthorizer authorizer) {
        this.authorizer = authorizer;
    }

    @Override
    public void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
        JsonNode event = JSON.readTree(input);
        JSON.writeValue(output, authorizer.authorize(event.path("headers").path("authorization").asText(null)));
    }
}
