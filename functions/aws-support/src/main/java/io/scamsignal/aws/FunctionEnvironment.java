package io.scamsignal.aws;

import java.util.Map;

/**
 * The environment a function was configured with by the template. In Lambda it is the process
 * environment; the local runner hands each function the variables its template entry declares.
 */
public record FunctionEnvironment(Map<String, String> variables) {

    public FunctionEnvironment {
        variables = Map.copyOf(variables);
    }

    public static FunctionEnvironment system() {
        return new FunctionEnvironment(System.getenv());
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
