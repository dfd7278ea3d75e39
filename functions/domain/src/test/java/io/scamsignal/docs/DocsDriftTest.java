package io.scamsignal.docs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.AbstractConstruct;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * The README and docs/ against what they describe, so that they cannot drift silently:
 * <ol>
 *   <li>every environment variable infra/template.yaml gives a function (Globals and each
 *   function's Environment.Variables) is documented in docs/operations.md;</li>
 *   <li>every {@code make <target>} in the README and docs/ (in code spans and code blocks) is a
 *   target of the Makefile;</li>
 *   <li>every figure in the README, a number with a unit (ms, s, µs, ×, %, KB, KiB, MB, GB), is
 *   quoted verbatim from docs/performance.md, where the measurements live;</li>
 *   <li>the README stays a front page: at most 10 KB;</li>
 *   <li>every relative link in the README and docs/ names an existing file (and heading).</li>
 * </ol>
 * The repository root comes from {@code scamsignal.projectDir} (set by the root pom's Surefire
 * configuration).
 */
class DocsDriftTest {

    private static final Path ROOT = Path.of(System.getProperty("scamsignal.projectDir", "../..")).toAbsolutePath().normalize();
    private static final int README_MAX_BYTES = 10 * 1024;
    static final Pattern FIGURE = Pattern.compile(
            "(?<![\\w.,])\\d[\\d,]*(?:\\.\\d+)?(?:\\s?(?:ms|µs|s|%|KB|KiB|MB|GB)(?![\\w])|\\s?×)");
    private static final Pattern MAKE = Pattern.compile("(?:^|[\\s`;(&|])make\\s+([a-z][a-z0-9-]*)");
    private static final Pattern LINK = Pattern.compile("\\[[^\\]]*]\\(([^)\\s]+)\\)");
    private static final Pattern FENCE = Pattern.compile("(?ms)^```[^\\n]*\\n(.*?)^```");
    private static final Pattern CODE_SPAN = Pattern.compile("`([^`\\n]+)`");

    @Test
    void everyEnvironmentVariableTheTemplateSetsIsDocumented() throws IOException {
        Set<String> variables = templateEnvironmentVariables();
        String operations = read("docs/operations.md");

        assertThat(variables).as("variables found in the template").contains("REPORTS_TABLE", "JAVA_TOOL_OPTIONS");
        assertThat(variables.stream().filter(name -> !operations.contains("`" + name + "`")).toList())
                .as("variables the template sets that docs/operations.md does not document").isEmpty();
    }

    @Test
    void everyMakeTargetTheDocsNameExists() throws IOException {
        Set<String> targets = makefileTargets();
        assertThat(targets).as("targets found in the Makefile").contains("run", "test");
        for (Path doc : documents()) {
            for (String target : makeTargets(read(doc))) {
                assertThat(targets).as("`make %s` in %s", target, ROOT.relativize(doc)).contains(target);
            }
        }
    }

    @Test
    void everyFigureInTheReadmeIsQuotedFromThePerformanceDocument() throws IOException {
        String performance = read("docs/performance.md");
        List<String> figures = figures(read("README.md"));

        assertThat(figures).as("figures found in the README").isNotEmpty();
        assertThat(figures.stream().filter(figure -> !performance.contains(figure)).toList())
                .as("figures in the README that docs/performance.md does not hold verbatim").isEmpty();
    }

    @Test
    void theReadmeIsAFrontPage() throws IOException {
        assertThat(Files.size(ROOT.resolve("README.md"))).isLessThanOrEqualTo(README_MAX_BYTES);
    }

    @Test
    void everyRelativeLinkResolves() throws IOException {
        for (Path doc : documents()) {
            Matcher m = LINK.matcher(read(doc));
            while (m.find()) {
                String target = m.group(1);
                if (target.matches("^[a-z]+:.*")) {
                    continue;
                }
                int hash = target.indexOf('#');
                String file = hash < 0 ? target : target.substring(0, hash);
                Path resolved = file.isEmpty() ? doc : doc.getParent().resolve(file).normalize();
                assertThat(resolved).as("link %s in %s", target, ROOT.relativize(doc)).exists();
                assertThat(resolved.startsWith(ROOT)).as("link %s stays in the repository", target).isTrue();
                if (hash >= 0 && resolved.toString().endsWith(".md")) {
                    assertThat(headingAnchors(Files.readString(resolved)))
                            .as("heading #%s in %s (link in %s)", target.substring(hash + 1), file, ROOT.relativize(doc))
                            .contains(target.substring(hash + 1));
                }
            }
        }
    }

    @Test
    void theFigureConventionFindsNumbersWithUnitsOnly() {
        assertThat(figures("cold start 570 ms, 0.50× and 14.1×; 20.8 s; 105 / 158 MB; 99%")).containsExactly(
                "570 ms", "0.50×", "14.1×", "20.8 s", "158 MB", "99%");
        assertThat(figures("10,000 reports on 2 cores, issue 3, make run, 3,808 classes")).isEmpty();
    }

    @Test
    void theTolerantLoaderReadsCloudFormationTags() {
        Map<String, Object> doc = yaml().load("""
                A: !Ref Table
                B: !GetAtt [Table, Arn]
                C: !If [Cond, !Sub "${X}", {k: v}]
                """);
        assertThat(doc).containsEntry("A", "Table").containsEntry("B", List.of("Table", "Arn"))
                .containsEntry("C", List.of("Cond", "${X}", Map.of("k", "v")));
    }

    static List<String> figures(String text) {
        List<String> found = new ArrayList<>();
        Matcher m = FIGURE.matcher(text);
        while (m.find()) {
            found.add(m.group());
        }
        return found;
    }

    /** Make targets named in code: fenced blocks and code spans, where commands are written. */
    static Set<String> makeTargets(String markdown) {
        List<String> code = new ArrayList<>();
        Matcher fences = FENCE.matcher(markdown);
        StringBuilder prose = new StringBuilder();
        int last = 0;
        while (fences.find()) {
            code.add(fences.group(1));
            prose.append(markdown, last, fences.start());
            last = fences.end();
        }
        prose.append(markdown.substring(last));
        Matcher spans = CODE_SPAN.matcher(prose);
        while (spans.find()) {
            code.add(spans.group(1));
        }
        Set<String> targets = new TreeSet<>();
        for (String snippet : code) {
            Matcher m = MAKE.matcher(snippet);
            while (m.find()) {
                targets.add(m.group(1));
            }
        }
        return targets;
    }

    private static Set<String> makefileTargets() throws IOException {
        Set<String> targets = new TreeSet<>();
        for (String line : read("Makefile").split("\n")) {
            Matcher m = Pattern.compile("^([A-Za-z0-9_.-]+(?:[ \\t]+[A-Za-z0-9_.-]+)*)[ \\t]*:(?![=:])").matcher(line);
            if (m.find()) {
                targets.addAll(List.of(m.group(1).trim().split("[ \\t]+")));
            }
        }
        return targets;
    }

    @SuppressWarnings("unchecked")
    private static Set<String> templateEnvironmentVariables() throws IOException {
        Map<String, Object> template = yaml().load(read("infra/template.yaml"));
        Set<String> names = new TreeSet<>();
        Map<String, Object> globals = (Map<String, Object>) template.getOrDefault("Globals", Map.of());
        names.addAll(variables((Map<String, Object>) globals.get("Function")));
        Map<String, Object> resources = (Map<String, Object>) template.get("Resources");
        for (Object resource : resources.values()) {
            Map<String, Object> r = (Map<String, Object>) resource;
            if ("AWS::Serverless::Function".equals(r.get("Type")) || "AWS::Lambda::Function".equals(r.get("Type"))) {
                names.addAll(variables((Map<String, Object>) r.get("Properties")));
            }
        }
        return names;
    }

    @SuppressWarnings("unchecked")
    private static Set<String> variables(Map<String, Object> function) {
        if (function == null || !(function.get("Environment") instanceof Map<?, ?> environment)) {
            return Set.of();
        }
        Object variables = environment.get("Variables");
        return variables instanceof Map<?, ?> map ? ((Map<String, Object>) map).keySet() : Set.of();
    }

    /** GitHub's heading anchors: lower case, punctuation dropped, spaces as hyphens. */
    private static Set<String> headingAnchors(String markdown) {
        Set<String> anchors = new TreeSet<>();
        for (String line : FENCE.matcher(markdown).replaceAll("").split("\n")) {
            if (line.startsWith("#")) {
                String heading = line.replaceFirst("^#+\\s*", "").strip().toLowerCase(Locale.ROOT);
                anchors.add(heading.replaceAll("[^\\p{L}\\p{N} _-]", "").replace(' ', '-'));
            }
        }
        return anchors;
    }

    private static List<Path> documents() throws IOException {
        List<Path> docs = new ArrayList<>();
        docs.add(ROOT.resolve("README.md"));
        try (Stream<Path> files = Files.list(ROOT.resolve("docs"))) {
            files.filter(f -> f.toString().endsWith(".md")).sorted().forEach(docs::add);
        }
        return docs;
    }

    private static String read(String relative) throws IOException {
        return read(ROOT.resolve(relative));
    }

    private static String read(Path file) throws IOException {
        return Files.readString(file);
    }

    private static Yaml yaml() {
        return new Yaml(new CloudFormationConstructor());
    }

    /** Loads CloudFormation's short-form tags (!Ref, !Sub, !GetAtt, !If …) as the plain value they tag. */
    private static final class CloudFormationConstructor extends SafeConstructor {

        CloudFormationConstructor() {
            super(new LoaderOptions());
            yamlMultiConstructors.put("!", new AbstractConstruct() {
                @Override
                public Object construct(Node node) {
                    return switch (node) {
                        case ScalarNode scalar -> scalar.getValue();
                        case SequenceNode sequence -> constructSequence(sequence);
                        case MappingNode mapping -> constructMapping(mapping);
                        default -> throw new IllegalArgumentException("unexpected node " + node);
                    };
                }
            });
        }
    }
}
