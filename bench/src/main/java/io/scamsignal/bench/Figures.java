package io.scamsignal.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * The figures docs/performance.md's tables hold, as a run measured them: each cell under its label
 * ({@code <table's first header> | <row> | <column>}, as the table reads), merged into
 * docs/figures.json ({@code -Dbench.figures=<file>} writes elsewhere), so that a run of some sections
 * replaces only theirs. DocsDriftTest holds the tables to this file.
 */
final class Figures {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private Figures() {
    }

    static synchronized void put(String table, String row, String column, String cell) {
        Path file = file();
        try {
            Map<String, String> figures = new TreeMap<>();
            if (Files.exists(file)) {
                JSON.readTree(file.toFile()).fields().forEachRemaining(e -> figures.put(e.getKey(), e.getValue().asText()));
            }
            figures.put(table + " | " + row + " | " + column, cell);
            Files.createDirectories(file.toAbsolutePath().getParent());
            Files.writeString(file, JSON.writeValueAsString(figures) + "\n");
        } catch (IOException e) {
            throw new UncheckedIOException("writing " + file, e);
        }
    }

    /** A median with its p10–p90 spread as the tables print it: {@code 465 ms (455–481)}. */
    static String withSpread(Stats s, String unit, String format) {
        return number(s.median(), format) + " " + unit + " (" + number(s.p10(), format) + "–" + number(s.p90(), format) + ")";
    }

    static String number(double value, String format) {
        return String.format(Locale.ROOT, format, value);
    }

    private static Path file() {
        String explicit = System.getProperty("bench.figures");
        return explicit != null ? Path.of(explicit)
                : Path.of(System.getProperty("scamsignal.projectDir", ".")).resolve("docs/figures.json");
    }
}
