package io.scamsignal.emulator.lambda;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.scamsignal.emulator.aws.StackDeployer.FunctionSpec;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * One function's execution environment, as Lambda builds it: the deployment package the template's
 * {@code CodeUri} names (the shaded {@code *-lambda.jar} that {@code mvn package} writes) opened in a
 * class loader of its own whose parent is the platform class loader, so the handler sees its jar
 * and the JDK and nothing of the runner's class path; the handler class named in the template
 * built once (its public no-arg constructor) with the environment the template gives it made
 * visible through the jar's own {@code FunctionEnvironment.current()}; invoked one event at a time.
 * Every function of the project is a {@code RequestStreamHandler}: it gets the event's JSON bytes
 * and writes its response's. The handler's types ({@code Context}, {@code RequestStreamHandler})
 * are the jar's copies, not the runner's, so the runner calls it reflectively, as Lambda's runtime
 * client does.
 *
 * <p>With the system property {@value #SHARED_LOADERS} set to {@code true} (the integration tests'
 * JVMs, which deploy a stack per test), a function's class loader is kept and used again by every
 * later load of the same function from the same, unchanged jar in this JVM: each load still builds a
 * new handler with its own environment and SDK clients, but the jar's classes (and the read-only
 * tables they load once, such as the benign lists) are loaded and compiled once per JVM, not once per
 * stack. Without it (make run, the benchmarks) every load opens the jar afresh, as a cold start does.
 */
public final class LocalFunction implements StreamEventSourceMapping.Target, AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String HANDLER_TYPE = "com.amazonaws.services.lambda.runtime.RequestStreamHandler";
    private static final String CONTEXT_TYPE = "com.amazonaws.services.lambda.runtime.Context";
    private static final String LOGGER_TYPE = "com.amazonaws.services.lambda.runtime.LambdaLogger";
    private static final String ENVIRONMENT_TYPE = "io.scamsignal.aws.FunctionEnvironment";
    /** The system property that keeps each function's class loader for later loads in this JVM. */
    public static final String SHARED_LOADERS = "scamsignal.sharedFunctionLoaders";
    /** The kept class loaders, by function, jar, and the jar's size and time of last change. */
    private static final Map<String, URLClassLoader> SHARED = new HashMap<>();
    private final FunctionSpec spec;
    private final URLClassLoader loader;
    private final Object handler;
    private final Method handleRequest;
    private final Class<?> contextType;
    private final Object logger;
    private final String arn;
    private final boolean sharedLoader;

    private LocalFunction(FunctionSpec spec, URLClassLoader loader, boolean sharedLoader, Object handler,
                          Method handleRequest, String arn) {
        this.spec = spec;
        this.loader = loader;
        this.sharedLoader = sharedLoader;
        this.handler = handler;
        this.handleRequest = handleRequest;
        this.contextType = handleRequest.getParameterTypes()[2];
        this.logger = proxy(loader, LOGGER_TYPE, (p, m, args) -> switch (m.getName()) {
            case "log" -> {
                System.out.println(args[0] instanceof byte[] bytes ? new String(bytes, StandardCharsets.UTF_8) : String.valueOf(args[0]));
                yield null;
            }
            default -> objectMethod(p, m, args);
        });
        this.arn = arn;
    }

    /** Lambda sets AWS_REGION, credentials and the function's name; the template sets the rest. */
    public static LocalFunction load(FunctionSpec spec, Map<String, String> lambdaEnvironment, String arn)
            throws ReflectiveOperationException, IOException {
        Map<String, String> environment = new HashMap<>(lambdaEnvironment);
        environment.putAll(spec.environment());
        environment.put("AWS_LAMBDA_FUNCTION_NAME", spec.name());
        environment.put("_HANDLER", spec.handler());
        String[] parts = spec.handler().split("::");
        if (parts.length > 1 && !parts[1].equals("handleRequest")) {
            throw new NoSuchMethodException(spec.handler() + ": the runner invokes RequestStreamHandler.handleRequest only");
        }
        if (spec.code() == null || !Files.isRegularFile(spec.code())) {
            throw new IOException(spec.logicalId() + ": no deployment package at " + spec.code()
                    + " (the template's CodeUri); build it first: mvn package (make build)");
        }
        boolean shared = Boolean.getBoolean(SHARED_LOADERS);
        URLClassLoader loader = shared ? sharedLoader(spec) : newLoader(spec.name(), spec);
        try {
            Class<?> type = Class.forName(parts[0], false, loader);
            Class<?> handlerType = Class.forName(HANDLER_TYPE, false, loader);
            if (!handlerType.isAssignableFrom(type)) {
                throw new IllegalArgumentException(spec.handler() + " is no RequestStreamHandler; the runner runs stream handlers only");
            }
            Method handleRequest = handlerType.getMethod("handleRequest", InputStream.class, OutputStream.class,
                    Class.forName(CONTEXT_TYPE, false, loader));
            var constructor = type.getConstructor();
            Method constructWith = Class.forName(ENVIRONMENT_TYPE, true, loader)
                    .getMethod("constructWith", Map.class, Supplier.class);
            Supplier<Object> construct = () -> {
                try {
                    return constructor.newInstance();
                } catch (InvocationTargetException e) {
                    throw new IllegalStateException(spec.handler() + " could not be constructed: " + e.getCause(), e.getCause());
                } catch (ReflectiveOperationException e) {
                    throw new IllegalStateException(spec.handler() + " could not be constructed", e);
                }
            };
            Object handler = withContextLoader(loader, () -> constructWith.invoke(null, environment, construct));
            return new LocalFunction(spec, loader, shared, handler, handleRequest, arn);
        } catch (ReflectiveOperationException | RuntimeException e) {
            if (!shared) {
                loader.close();
            }
            throw e;
        }
    }

    private static URLClassLoader newLoader(String name, FunctionSpec spec) throws IOException {
        return new URLClassLoader(name, new URL[] {spec.code().toUri().toURL()}, ClassLoader.getPlatformClassLoader());
    }

    private static URLClassLoader sharedLoader(FunctionSpec spec) throws IOException {
        Path jar = spec.code().toAbsolutePath().normalize();
        String key = spec.logicalId() + " " + jar + " " + Files.size(jar) + " " + Files.getLastModifiedTime(jar).toMillis();
        synchronized (SHARED) {
            URLClassLoader loader = SHARED.get(key);
            if (loader == null) {
                loader = newLoader(spec.logicalId(), spec);
                SHARED.put(key, loader);
            }
            return loader;
        }
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
        LocalContext local = new LocalContext(UUID.randomUUID().toString(), spec.name(), arn, 1024,
                System.currentTimeMillis() + spec.timeoutSeconds() * 1000L);
        Object context = proxy(loader, contextType.getName(), (p, m, args) -> switch (m.getName()) {
            case "getLogger" -> logger;
            case "getIdentity", "getClientContext" -> null;
            case "equals", "hashCode", "toString" -> objectMethod(p, m, args);
            default -> m.isDefault() ? InvocationHandler.invokeDefault(p, m, args)
                    : LocalContext.class.getMethod(m.getName()).invoke(local);
        });
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            withContextLoader(loader, () -> handleRequest.invoke(handler,
                    new ByteArrayInputStream(eventJson.getBytes(StandardCharsets.UTF_8)), out, context));
            return out.size() == 0 ? JSON.nullNode() : JSON.readTree(out.toByteArray());
        } catch (InvocationTargetException e) {
            throw new FunctionError(spec.name(), e.getCause());
        } catch (IOException | ReflectiveOperationException | RuntimeException e) {
            throw new FunctionError(spec.name(), e);
        }
    }

    /** The function's class loader: its jar only, over the platform class loader. */
    public ClassLoader classLoader() {
        return loader;
    }

    @Override
    public void close() throws IOException {
        if (!sharedLoader) {
            loader.close();
        }
    }

    private interface Call {
        Object run() throws ReflectiveOperationException;
    }

    /** Lambda's runtime runs the handler with its jar's loader as the context loader (the SDK's service lookup uses it). */
    private static Object withContextLoader(ClassLoader loader, Call call) throws ReflectiveOperationException {
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(loader);
        try {
            return call.run();
        } finally {
            thread.setContextClassLoader(previous);
        }
    }

    private static Object proxy(ClassLoader loader, String interfaceName, InvocationHandler handler) {
        try {
            return Proxy.newProxyInstance(loader, new Class<?>[] {Class.forName(interfaceName, false, loader)}, handler);
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException(interfaceName + " is not in the function's jar", e);
        }
    }

    private static Object objectMethod(Object proxy, Method method, Object[] args) {
        return switch (method.getName()) {
            case "equals" -> proxy == args[0];
            case "hashCode" -> System.identityHashCode(proxy);
            case "toString" -> "local " + method.getDeclaringClass().getSimpleName();
            default -> null;
        };
    }

    /** The function failed (Lambda's "Unhandled" function error). */
    public static final class FunctionError extends Exception {
        public FunctionError(String function, Throwable cause) {
            super(function + ": " + cause.getClass().getSimpleName() + ": " + cause.getMessage(), cause);
        }
    }
}
