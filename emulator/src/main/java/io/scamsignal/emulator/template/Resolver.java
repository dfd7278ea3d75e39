package io.scamsignal.emulator.template;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Evaluates CloudFormation intrinsic functions against the parameters and the resources created
 * so far. What it cannot evaluate is an error with the path to it, never a silent guess.
 */
public final class Resolver {

    /** What a created resource answers to {@code Ref} and {@code Fn::GetAtt}. */
    public record PhysicalResource(String type, String ref, Map<String, String> attributes) {
    }

    private static final Pattern SUB_VARIABLE = Pattern.compile("\\$\\{([^}!][^}]*)}");
    private final Map<String, Object> parameters;
    private final Map<String, String> pseudo;
    private final Map<String, Object> conditions;
    private final Map<String, PhysicalResource> resources = new LinkedHashMap<>();
    private final Map<String, Boolean> conditionValues = new HashMap<>();

    public Resolver(SamTemplate template, Map<String, String> parameterOverrides, Map<String, String> pseudoParameters) {
        this.parameters = new HashMap<>();
        template.parameters().forEach((name, spec) -> {
            Object value = parameterOverrides.getOrDefault(name, spec.get("Default") == null ? null
                    : String.valueOf(spec.get("Default")));
            if (value == null) {
                throw new IllegalArgumentException("template parameter " + name + " has no default and no value");
            }
            // a list parameter is a list to !Ref, as in CloudFormation
            parameters.put(name, String.valueOf(spec.get("Type")).startsWith("CommaDelimitedList")
                    ? List.of(value.toString().split("\\s*,\\s*")) : value.toString());
        });
        this.pseudo = Map.copyOf(pseudoParameters);
        @SuppressWarnings("unchecked")
        Map<String, Object> c = (Map<String, Object>) template.root().getOrDefault("Conditions", Map.of());
        this.conditions = c;
    }

    public void register(String logicalId, PhysicalResource resource) {
        resources.put(logicalId, resource);
    }

    public PhysicalResource resource(String logicalId) {
        PhysicalResource r = resources.get(logicalId);
        if (r == null) {
            throw new IllegalArgumentException("resource " + logicalId + " is not created (yet)");
        }
        return r;
    }

    public Map<String, PhysicalResource> resources() {
        return Collections.unmodifiableMap(resources);
    }

    public String string(Object value) {
        Object resolved = resolve(value);
        return resolved == null ? null : resolved.toString();
    }

    public boolean condition(String name) {
        return conditionValues.computeIfAbsent(name, n -> {
            Object definition = conditions.get(n);
            if (definition == null) {
                throw new IllegalArgumentException("unknown condition " + n);
            }
            return truthy(resolve(definition));
        });
    }

    @SuppressWarnings("unchecked")
    public Object resolve(Object value) {
        if (value instanceof Map<?, ?> map) {
            if (map.size() == 1) {
                Map.Entry<?, ?> only = map.entrySet().iterator().next();
                String key = only.getKey().toString();
                if (key.equals("Ref") || key.startsWith("Fn::") || key.equals("Condition") && only.getValue() instanceof String
                        && conditions.containsKey(only.getValue())) {
                    return intrinsic(key, only.getValue());
                }
            }
            Map<String, Object> out = new LinkedHashMap<>();
            ((Map<Object, Object>) map).forEach((k, v) -> {
                Object r = resolve(v);
                if (r != NoValue.INSTANCE) {
                    out.put(k.toString(), r);
                }
            });
            return out;
        }
        if (value instanceof List<?> list) {
            List<Object> out = new ArrayList<>();
            for (Object item : list) {
                Object r = resolve(item);
                if (r != NoValue.INSTANCE) {
                    out.add(r);
                }
            }
            return out;
        }
        return value;
    }

    private Object intrinsic(String name, Object argument) {
        return switch (name) {
            case "Ref" -> ref(argument.toString());
            case "Condition" -> condition(argument.toString());
            case "Fn::GetAtt" -> {
                List<?> parts = (List<?>) argument;
                String attribute = string(parts.get(1));
                String value = resource(parts.get(0).toString()).attributes().get(attribute);
                if (value == null) {
                    throw new IllegalArgumentException("the local runner knows no attribute " + attribute
                            + " of " + parts.get(0));
                }
                yield value;
            }
            case "Fn::Sub" -> sub(argument);
            case "Fn::Join" -> {
                List<?> args = (List<?>) argument;
                List<?> items = (List<?>) resolve(args.get(1));
                yield String.join(args.get(0).toString(), items.stream().map(Object::toString).toList());
            }
            case "Fn::Select" -> {
                List<?> args = (List<?>) argument;
                yield ((List<?>) resolve(args.get(1))).get(Integer.parseInt(string(args.get(0))));
            }
            case "Fn::Split" -> {
                List<?> args = (List<?>) argument;
                yield List.of(string(args.get(1)).split(Pattern.quote(args.get(0).toString()), -1));
            }
            case "Fn::If" -> {
                List<?> args = (List<?>) argument;
                yield resolve(condition(args.get(0).toString()) ? args.get(1) : args.get(2));
            }
            case "Fn::Equals" -> {
                List<?> args = (List<?>) argument;
                yield String.valueOf(resolve(args.get(0))).equals(String.valueOf(resolve(args.get(1))));
            }
            case "Fn::Not" -> !truthy(resolve(((List<?>) argument).get(0)));
            case "Fn::And" -> ((List<?>) argument).stream().allMatch(a -> truthy(resolve(a)));
            case "Fn::Or" -> ((List<?>) argument).stream().anyMatch(a -> truthy(resolve(a)));
            case "Fn::Base64" -> Base64.getEncoder().encodeToString(string(argument).getBytes(StandardCharsets.UTF_8));
            default -> throw new IllegalArgumentException("the local runner does not evaluate " + name);
        };
    }

    private Object ref(String name) {
        if (name.equals("AWS::NoValue")) {
            return NoValue.INSTANCE;
        }
        if (pseudo.containsKey(name)) {
            return pseudo.get(name);
        }
        if (parameters.containsKey(name)) {
            return parameters.get(name);
        }
        return resource(name).ref();
    }

    private String sub(Object argument) {
        String text;
        Map<?, ?> variables = Map.of();
        if (argument instanceof List<?> args) {
            text = args.get(0).toString();
            variables = (Map<?, ?>) args.get(1);
        } else {
            text = argument.toString();
        }
        Matcher m = SUB_VARIABLE.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String variable = m.group(1);
            String value;
            if (variables.containsKey(variable)) {
                value = string(variables.get(variable));
            } else if (variable.contains(".") && !variable.startsWith("AWS::")) {
                int dot = variable.indexOf('.');
                value = string(Map.of("Fn::GetAtt", List.of(variable.substring(0, dot), variable.substring(dot + 1))));
            } else {
                value = String.valueOf(ref(variable));
            }
            m.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        m.appendTail(out);
        return out.toString().replace("${!", "${");
    }

    private static boolean truthy(Object value) {
        return value instanceof Boolean b ? b : Boolean.parseBoolean(String.valueOf(value));
    }

    /** {@code AWS::NoValue}: the property is left out. */
    public enum NoValue {
        INSTANCE
    }
}
