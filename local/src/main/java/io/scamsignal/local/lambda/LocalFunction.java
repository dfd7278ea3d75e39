package io.scamsignal.local.lambda;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.amazonaws.services.lambda.runtime.serialization.PojoSerializer;
import com.amazonaws.services.lambda.runtime.serialization.events.LambdaEventSerializers;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.scamsignal.local.emulator.StackDeployer.FunctionSpec;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

/**
 * One function's execution environment: the handler class named in the template, built once with
 * the environment the template gives it, invoked one event at a time. As in the Java Lambda
 * runtime, a {@link RequestStreamHandler} gets the event's JSON bytes and writes its response's;
 * a POJO handler gets events and responses through the runtime's own serialisation library.
 */
public final class LocalFunction {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final FunctionSpec spec;
    private final Object handler;
    private final Method method;
    private final PojoSerializer<Object> input;
    private final String arn;

    private LocalFunction(FunctionSpec spec, Object handler, Method method, PojoSerializer<Object> input, String arn) {
        this.spec = spec;
        this.handler = handler;
        this.method = method;
        this.input = input;
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
        Class<?> type = Class.forName(parts[0]);
        Object handler;
        try {
            handler = type.getConstructor(Map.class).newInstance(Map.copyOf(environment));
        } catch (NoSuchMethodException noEnvironmentConstructor) {
            handler = type.getConstructor().newInstance();
        }
        String methodName = parts.length > 1 ? parts[1] : "handleRequest";
        if (handler instanceof RequestStreamHandler && methodName.equals("handleRequest")) {
            return new LocalFunction(spec, handler, null, null, arn);
        }
        Method method = null;
        for (Method m : type.getMethods()) {
            if (m.getName().equals(methodName) && m.getParameterCount() == 2 && !m.isBridge()
                    && m.getParameterTypes()[1] == Context.class) {
                method = m;
            }
        }
        if (method == null) {
            throw new NoSuchMethodException(spec.handler() + "(event, Context)");
        }
        @SuppressWarnings("unchecked")
        PojoSerializer<Object> input = (PojoSerializer<Object>) LambdaEventSerializers.serializerFor(
                method.getParameterTypes()[0], LocalFunction.class.getClassLoader());
        return new LocalFunction(spec, handler, method, input, arn);
    }

    public FunctionSpec spec() {
        return spec;
    }

    public String arn() {
        return arn;
    }

    /**
     * Invokes the handler with an event given as JSON. One invocation at a time, as in one Lambda
     * execution environment. A handler exception is a function error, as Lambda reports it.
     */
    public synchronized JsonNode invoke(String eventJson) throws FunctionError {
        String requestId = UUID.randomUUID().toString();
        Context context = new LocalContext(requestId, spec.name(), arn, 1024,
                System.currentTimeMillis() + spec.timeoutSeconds() * 1000L);
        try {
            if (handler instanceof RequestStreamHandler streamHandler && method == null) {
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                streamHandler.handleRequest(new ByteArrayInputStream(eventJson.getBytes(StandardCharsets.UTF_8)), out,
                        context);
                return out.size() == 0 ? JSON.nullNode() : JSON.readTree(out.toByteArray());
            }
            Object event = input.fromJson(eventJson);
            Object response = method.invoke(handler, event, context);
            return toJson(response);
        } catch (InvocationTargetException e) {
            throw new FunctionError(spec.name(), e.getCause());
        } catch (IllegalAccessException | java.io.IOException | RuntimeException e) {
            throw new FunctionError(spec.name(), e);
        }
    }

    private static JsonNode toJson(Object response) {
        if (response == null) {
            return JSON.nullNode();
        }
        try {
            @SuppressWarnings("unchecked")
            PojoSerializer<Object> serializer = (PojoSerializer<Object>) LambdaEventSerializers.serializerFor(
                    response.getClass(), LocalFunction.class.getClassLoader());
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            serializer.toJson(response, out);
            return JSON.readTree(out.toByteArray());
        } catch (java.io.IOException | RuntimeException e) {
            return JSON.valueToTree(response);
        }
    }

    /** The function failed (Lambda's "Unhandled" function error). */
    public static final class FunctionError extends Exception {
        public FunctionError(String function, Throwable cause) {
            super(function + ": " + cause.getClass().getSimpleName() + ": " + cause.getMessage(), cause);
        }
    }
}
