package io.scamsignal.domain.storage;

import static org.assertj.core.api.Assertions.assertThat;

import io.scamsignal.domain.support.DynamoDbExpressions;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every DynamoDB expression the code writes (key conditions, conditions, updates, filters and
 * projections) names a reserved word only through an {@code #alias}: DynamoDB rejects the request
 * otherwise, and moto does not check key conditions. The source scan reads each expression the
 * sources spell out, string constants resolved; what the code composes at run time is checked on
 * every request of the integration tests by e2e's ReservedWordGuard.
 */
class ReservedWordsTest {

    private static final Path ROOT = Path.of(System.getProperty("scamsignal.projectDir", "../..")).toAbsolutePath().normalize();
    private static final Pattern CALL = Pattern.compile(
            "\\.(keyConditionExpression|conditionExpression|updateExpression|filterExpression|projectionExpression)\\(");
    private static final Pattern CONSTANT = Pattern.compile("static final String (\\w+) = \"((?:[^\"\\\\]|\\\\.)*)\";");
    private static final Pattern LITERAL = Pattern.compile("\"((?:[^\"\\\\]|\\\\.)*)\"");

    @Test
    void theVendoredListIsAwsPublishedListAndHoldsTheWordsThatBitThisProject() {
        assertThat(DynamoDbExpressions.reservedWords()).hasSize(573)
                .contains("INDICATOR", "STATUS", "COUNT", "OWNER", "NAME", "DATA", "TTL");
    }

    @Test
    void anUnaliasedReservedNameIsFoundWhereverItStands() {
        assertThat(DynamoDbExpressions.unaliasedReservedNames("indicator = :i")).containsExactly("indicator");
        assertThat(DynamoDbExpressions.unaliasedReservedNames("SET #s = :s, status = :x")).containsExactly("status");
        assertThat(DynamoDbExpressions.unaliasedReservedNames("attribute_not_exists(owner) OR ttl < :now"))
                .containsExactly("owner", "ttl");
        assertThat(DynamoDbExpressions.unaliasedReservedNames("begins_with(sk, :p) AND a.comment = :c"))
                .containsExactly("comment");
    }

    @Test
    void aliasesPlaceholdersFunctionsAndClauseWordsAreNotNames() {
        assertThat(DynamoDbExpressions.unaliasedReservedNames(
                "#indicator = :i AND attribute_not_exists(pk) AND size(#data) BETWEEN :lo AND :hi")).isEmpty();
        assertThat(DynamoDbExpressions.unaliasedReservedNames(
                "ADD reports :n SET expiresAt = if_not_exists(expiresAt, :ttl) REMOVE leaseUntil DELETE tags :t")).isEmpty();
    }

    @Test
    void everyExpressionInTheSourcesAliasesItsReservedNames() throws IOException {
        List<Path> sources = mainSources();
        Map<String, List<String>> constants = constants(sources);
        List<String> problems = new ArrayList<>();
        int checked = 0;
        int composed = 0;
        for (Path file : sources) {
            String text = Files.readString(file);
            Matcher call = CALL.matcher(text);
            while (call.find()) {
                List<String> expressions = expand(argumentAt(text, call.end()), constants);
                if (expressions == null) {
                    composed++;
                    continue;
                }
                for (String expression : expressions) {
                    checked++;
                    List<String> bad = DynamoDbExpressions.unaliasedReservedNames(expression);
                    if (!bad.isEmpty()) {
                        problems.add(ROOT.relativize(file) + ": \"" + expression + "\" names " + bad + " without an #alias");
                    }
                }
            }
        }
        System.out.println("[figure] DynamoDB expressions read from the sources: " + checked
                + " spelled out, " + composed + " composed at run time (checked by the integration tests' ReservedWordGuard)");
        assertThat(checked).as("the scan found the expressions").isGreaterThan(40);
        assertThat(problems).isEmpty();
    }

    /** The sources that run against DynamoDB: the functions, the operator commands, the emulator and the benchmarks. */
    private static List<Path> mainSources() throws IOException {
        List<Path> roots = new ArrayList<>();
        try (Stream<Path> modules = Files.list(ROOT.resolve("functions"))) {
            modules.map(m -> m.resolve("src/main/java")).forEach(roots::add);
        }
        roots.add(ROOT.resolve("ops/src/main/java"));
        roots.add(ROOT.resolve("emulator/src/main/java"));
        roots.add(ROOT.resolve("bench/src/main/java"));
        List<Path> files = new ArrayList<>();
        for (Path root : roots) {
            if (Files.isDirectory(root)) {
                try (Stream<Path> walk = Files.walk(root)) {
                    walk.filter(p -> p.toString().endsWith(".java")).forEach(files::add);
                }
            }
        }
        return files;
    }

    private static Map<String, List<String>> constants(List<Path> sources) {
        Map<String, List<String>> constants = new HashMap<>();
        for (Path file : sources) {
            try {
                Matcher m = CONSTANT.matcher(Files.readString(file));
                while (m.find()) {
                    constants.computeIfAbsent(m.group(1), k -> new ArrayList<>()).add(m.group(2));
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return constants;
    }

    /** The text between the parentheses of the call whose argument starts at {@code start}. */
    private static String argumentAt(String text, int start) {
        int depth = 1;
        boolean inString = false;
        for (int i = start; i < text.length(); i++) {
            char c = text.charAt(i);
            if (inString) {
                if (c == '\\') {
                    i++;
                } else if (c == '"') {
                    inString = false;
                }
            } else if (c == '"') {
                inString = true;
            } else if (c == '(') {
                depth++;
            } else if (c == ')' && --depth == 0) {
                return text.substring(start, i);
            }
        }
        throw new IllegalStateException("unbalanced call at " + start);
    }

    /**
     * The expressions an argument can be: string literals and named string constants joined by
     * {@code +} (a constant with several definitions gives each); null when a part is computed.
     */
    private static List<String> expand(String argument, Map<String, List<String>> constants) {
        List<String> results = List.of("");
        for (String part : splitOnPlus(argument)) {
            String p = part.strip();
            String simpleName = p.substring(p.lastIndexOf('.') + 1);
            List<String> values;
            Matcher literal = LITERAL.matcher(p);
            if (literal.matches()) {
                values = List.of(literal.group(1));
            } else if (p.matches("[A-Za-z_][\\w.]*") && constants.containsKey(simpleName)) {
                values = constants.get(simpleName);
            } else {
                return null;
            }
            List<String> joined = new ArrayList<>();
            for (String r : results) {
                for (String v : values) {
                    joined.add(r + v);
                }
            }
            results = joined;
        }
        return results;
    }

    private static List<String> splitOnPlus(String argument) {
        List<String> parts = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        boolean inString = false;
        for (int i = 0; i < argument.length(); i++) {
            char c = argument.charAt(i);
            if (inString && c == '\\') {
                current.append(c).append(argument.charAt(++i));
                continue;
            }
            if (c == '"') {
                inString = !inString;
            }
            if (c == '+' && !inString) {
                parts.add(current.toString());
                current.setLength(0);
            } else {
                current.append(c);
            }
        }
        parts.add(current.toString());
        return parts;
    }
}
