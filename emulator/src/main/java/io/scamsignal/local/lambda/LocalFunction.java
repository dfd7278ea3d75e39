package io.scamsignal.local.lambda;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.scamsignal.aws.FunctionEnvironment;
import io.scamsignal.local.emulator.StackDeployer.FunctionSpec;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

/**
 * One function's execution environment: the handler class named in the template, built once as
 * Lambda builds it (its public no-arg constructor), with the environment the template gives it
 * made visible through {@link FunctionEnvironment#current()}, invoked one event at a time. Every
 * function of the project is a {@link RequestStreamHandler}: it gets the event's JSON bytes and
 * writes its response's.
 */
public final class LocalFunction implements StreamEventSourceMapping.Target {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final FunctionSpec spec;
    private final RequestStreamHandler handler;
    private final String arn;

    LocalFunction(FunctionSpec spec, RequestStreamHandler handler, String arn) {
        this.spec = spec;
        this.handler = handler;
        this.arn = arn;
    }

    /** Lambda sets AWS_REGION, credentials and the function's name; the template sets the rest. */
    public static LocalFunction load(FunctionSpec spec, Map<String, String> lambdaEnvironment, String arn)
            throws ReflectiveOperationException {
        Map<String, String> environment = new HashMap<>(lambdaEnvironment);
        environment.putAll(spec.environment());
        environment.put("AWS_LAMBDA_FUNCTION_NAME", spec.name());
        environment.put("_HANDLER", spec.handler());
        String[] parts = spec.handler().split("::");
        if (parts.length > 1 && !parts[1].equals("handleRequest")) {
            throw new NoSuchMethodException(spec.handler() + ": the runner invokes RequestStreamHandler.handleRequest only");
        }
        Class<?> type = Class.forName(parts[0]);
        if (!RequestStreamHandler.class.isAssignableFrom(type)) {
            throw new IllegalArgumentException(spec.handler() + " is no RequestStreamHandler; the runner runs stream handlers only");
        }
        var constructor = type.asSubclass(RequestStreamHandler.class).getConstructor();
        RequestStreamHandler handler = FunctionEnvironment.constructWith(environment, () -> {
            try {
                return constructor.newInstance();
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException(spec.handler() + " could not be constructed", e);
            }
        });
        return new LocalFunction(spec, handler, arn);
    }

    public FunctionSpec spec() {
        return spec;
    }

    @Override
    public String name() {
        return spec.name();
    }

    @Override
    public String arn() {
        return arn;
    }

    /**
     * Invokes the handler with an event given as JSON. One invocation at a time, as in one Lambda
     * execution environment. A handler exception is a function error, as Lambda reports it.
     */
    @Override
    public synchronized JsonNode invoke(String eventJson) throws FunctionError {
        String requestId = UUID.randomUUID().toString();
        Context context = new LocalContext(requestId, spec.name(), arn, 1024,
                System.currentTimeMillis() + spec.timeoutSeconds() * 1000L);
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            handler.handleRequest(new ByteArrayInputStream(eventJson.getBytes(StandardCharsets.UTF_8)), out, context);
            return out.size() == 0 ? JSON.nullNode() : JSON.readTree(out.toByteArray());
        } catch (IOException | RuntimeException e) {
            throw new FunctionError(spec.name(), e);
        }
    }

    /** The function failed (Lambda's "Unhandled" function error). */
    public static final class FunctionError extends Exception {
        public FunctionError(String function, Throwable cause) {
            super(function + ": " + cause.getClass().getSimpleName() + ": " + cause.getMessage(), cause);
        }
    }
}
