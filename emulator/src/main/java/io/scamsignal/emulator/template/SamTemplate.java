package io.scamsignal.emulator.template;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.AbstractConstruct;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * A SAM/CloudFormation template as plain maps and lists. The short-form intrinsic tags
 * ({@code !Ref}, {@code !GetAtt}, {@code !Sub}, …) become their long forms ({@code {"Ref": …}},
 * {@code {"Fn::GetAtt": […]}}), so the resolver has one shape to handle.
 */
public record SamTemplate(Path path, Map<String, Object> root) {

    private static final List<String> FUNCTIONS = List.of("Base64", "Cidr", "Equals", "FindInMap", "GetAZs",
            "ImportValue", "Join", "Select", "Split", "Sub", "Transform", "And", "If", "Not", "Or");

    public static SamTemplate load(Path path) throws IOException {
        LoaderOptions options = new LoaderOptions();
        options.setAllowDuplicateKeys(false);
        Yaml yaml = new Yaml(new IntrinsicConstructor(options));
        Path absolute = path.toAbsolutePath().normalize();
        try (Reader reader = Files.newBufferedReader(absolute)) {
            Map<String, Object> root = yaml.load(reader);
            @SuppressWarnings("unchecked")
            Map<String, Object> expanded = (Map<String, Object>) include(root, absolute.getParent(), yaml);
            return new SamTemplate(absolute, expanded);
        }
    }

    /**
     * Replaces each {@code Fn::Transform: {Name: AWS::Include, Parameters: {Location: file}}} by the
     * file's content, as CloudFormation does after {@code sam deploy} uploaded the file: the HttpApi's
     * OpenAPI document (contracts/report-api.openapi.yaml) is included this way.
     */
    @SuppressWarnings("unchecked")
    private static Object include(Object node, Path directory, Yaml yaml) throws IOException {
        if (node instanceof Map<?, ?> map) {
            if (map.size() == 1 && map.get("Fn::Transform") instanceof Map<?, ?> transform
                    && "AWS::Include".equals(transform.get("Name"))) {
                Object location = ((Map<String, Object>) transform.get("Parameters")).get("Location");
                if (!(location instanceof String file) || file.startsWith("s3://")) {
                    throw new IllegalArgumentException("the local runner includes local files only, not " + location);
                }
                Path included = directory.resolve(file).normalize();
                try (Reader reader = Files.newBufferedReader(included)) {
                    return include(yaml.load(reader), included.getParent(), yaml);
                }
            }
            Map<Object, Object> out = new LinkedHashMap<>();
            for (var e : map.entrySet()) {
                out.put(e.getKey(), include(e.getValue(), directory, yaml));
            }
            return out;
        }
        if (node instanceof List<?> list) {
            List<Object> out = new ArrayList<>();
            for (Object item : list) {
                out.add(include(item, directory, yaml));
            }
            return out;
        }
        return node;
    }

    @SuppressWarnings("unchecked")
    public Map<String, Map<String, Object>> resources() {
        return (Map<String, Map<String, Object>>) root.getOrDefault("Resources", Map.of());
    }

    @SuppressWarnings("unchecked")
    public Map<String, Map<String, Object>> parameters() {
        return (Map<String, Map<String, Object>>) root.getOrDefault("Parameters", Map.of());
    }

    @SuppressWarnings("unchecked")
    public Map<String, Object> functionGlobals() {
        Map<String, Object> globals = (Map<String, Object>) root.getOrDefault("Globals", Map.of());
        return (Map<String, Object>) globals.getOrDefault("Function", Map.of());
    }

    private static final class IntrinsicConstructor extends SafeConstructor {

        IntrinsicConstructor(LoaderOptions options) {
            super(options);
            yamlConstructors.put(new Tag("!Ref"), new Intrinsic("Ref"));
            yamlConstructors.put(new Tag("!Condition"), new Intrinsic("Condition"));
            yamlConstructors.put(new Tag("!GetAtt"), new GetAtt());
            for (String fn : FUNCTIONS) {
                yamlConstructors.put(new Tag("!" + fn), new Intrinsic("Fn::" + fn));
            }
        }

        private Object plain(Node node) {
            if (node instanceof ScalarNode scalar) {
                return scalar.getValue();
            }
            if (node instanceof SequenceNode sequence) {
                List<Object> list = new ArrayList<>();
                for (Node child : sequence.getValue()) {
                    list.add(constructObject(child));
                }
                return list;
            }
            Map<Object, Object> map = new LinkedHashMap<>();
            for (var tuple : ((MappingNode) node).getValue()) {
                map.put(constructObject(tuple.getKeyNode()), constructObject(tuple.getValueNode()));
            }
            return map;
        }

        private final class Intrinsic extends AbstractConstruct {
            private final String name;

            Intrinsic(String name) {
                this.name = name;
            }

            @Override
            public Object construct(Node node) {
                return Map.of(name, plain(node));
            }
        }

        private final class GetAtt extends AbstractConstruct {
            @Override
            public Object construct(Node node) {
                Object value = plain(node);
                if (value instanceof String s) {
                    int dot = s.indexOf('.');
                    value = List.of(s.substring(0, dot), s.substring(dot + 1));
                }
                return Map.of("Fn::GetAtt", value);
            }
        }
    }
}
