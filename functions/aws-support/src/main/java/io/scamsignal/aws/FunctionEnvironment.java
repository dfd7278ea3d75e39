package io.scamsignal.aws;

import java.util.Map;
import java.util.function.Supplier;

/**
 * The environment a function was configured with by the template. Handlers have one construction
 * path, Lambda's: the public no-arg constructor reads {@link #current()}. In Lambda that is the
 * process environment; the local runner, which runs several functions in one process, constructs
 * each handler inside {@link #constructWith} with the variables its template entry declares.
 */
public record FunctionEnvironment(Map<String, String> variables) {

    private static final ThreadLocal<FunctionEnvironment> CONSTRUCTING = new ThreadLocal<>();

    public FunctionEnvironment {
        variables = Map.copyOf(variables);
    }

    public static FunctionEnvironment system() {
        return new FunctionEnvironment(System.getenv());
    }

    /** The environment of the function being constructed: the runner's, inside {@link #constructWith}; else the process's. */
    public static FunctionEnvironment current() {
        FunctionEnvironment given = CONSTRUCTING.get();
        return given != null ? given : system();
    }

    /** Runs {@code constructor} (a handler's no-arg constructor) with {@code variables} as its {@link #current()}. */
    public static <T> T constructWith(Map<String, String> variables, Supplier<T> constructor) {
        FunctionEnvironment previous = CONSTRUCTING.get();
        CONSTRUCTING.set(new FunctionEnvironment(variables));
        try {
            return constructor.get();
        } finally {
            if (previous == null) {
                CONSTRUCTING.remove();
            } else {
                CONSTRUCTING.set(previous);
            }
        }
    }

    public String require(String name) {
        String value = variables.get(name);
        if (value == null || value.isBlank()) {
            throw new IllegalStateException("environment variable " + name + " is not set; the template sets it");
        }
        return value;
    }

    public String get(String name) {
        String value = variables.get(name);
        return value == null || value.isBlank() ? null : value;
    }

    public String getOrDefault(String name, String fallback) {
        String value = get(name);
        return value == null ? fallback : value;
    }
}
