package io.scamsignal.domain.support;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

/**
 * Rows of the sample tables in the test resources ({@code samples/*.tsv}: inputs as victims type them,
 * with the expected normalisation), header skipped, fields split on tabs.
 */
public final class Samples {

    private Samples() {
    }

    public static List<String[]> rows(String file) {
        String resource = "/samples/" + file;
        try (InputStream in = Samples.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("sample table " + resource + " is not in the test resources");
            }
            try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
                return reader.lines().skip(1).filter(l -> !l.isBlank())
                        .map(l -> Arrays.copyOf(l.split("\t", -1), 5)).toList();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
