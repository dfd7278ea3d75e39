package io.scamsignal.domain.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * DynamoDB's rule that an expression may not name an attribute with a reserved word unless through
 * an {@code #alias}: the vendored list (resources {@code dynamodb/reserved-words.txt}, written by
 * tools/refresh_dynamodb_reserved_words.py from AWS's published page) and a check of one expression.
 * Moto does not apply the rule to key conditions; DynamoDB rejects such a request with a
 * ValidationException.
 */
public final class DynamoDbExpressions {

    /** Words of the expression grammar itself: functions, operators and update clauses. */
    private static final Set<String> GRAMMAR = Set.of("attribute_exists", "attribute_not_exists", "attribute_type",
            "begins_with", "contains", "size", "if_not_exists", "list_append",
            "and", "or", "not", "between", "in", "set", "remove", "add", "delete");

    /** A bare name: not after {@code #} or {@code :}, not a number. */
    private static final Pattern NAME = Pattern.compile("(?<![#:\\w])[A-Za-z_][A-Za-z0-9_]*");

    private static final Set<String> RESERVED = load();

    private DynamoDbExpressions() {
    }

    public static Set<String> reservedWords() {
        return RESERVED;
    }

    /** The bare attribute names in {@code expression} that DynamoDB reserves, upper-cased; empty when it is valid. */
    public static List<String> unaliasedReservedNames(String expression) {
        List<String> found = new ArrayList<>();
        if (expression == null) {
            return found;
        }
        Matcher m = NAME.matcher(expression);
        while (m.find()) {
            String word = m.group();
            if (GRAMMAR.contains(word.toLowerCase(Locale.ROOT))) {
                continue;
            }
            if (RESERVED.contains(word.toUpperCase(Locale.ROOT))) {
                found.add(word);
            }
        }
        return found;
    }

    private static Set<String> load() {
        try (InputStream in = DynamoDbExpressions.class.getResourceAsStream("/dynamodb/reserved-words.txt")) {
            if (in == null) {
                throw new IllegalStateException("dynamodb/reserved-words.txt is not on the class path");
            }
            Set<String> words = new TreeSet<>();
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                String word = line.strip();
                if (!word.isEmpty() && !word.startsWith("#")) {
                    words.add(word.toUpperCase(Locale.ROOT));
                }
            }
            return Set.copyOf(words);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
