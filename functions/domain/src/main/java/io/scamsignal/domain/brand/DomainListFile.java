package io.scamsignal.domain.brand;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Reads a bundled list file: one entry a line (its first tab-separated field), {@code #} comments. */
public final class DomainListFile {

    private DomainListFile() {
    }

    public static List<String> read(String resource) {
        return rows(resource).stream().map(r -> r[0].strip().toLowerCase(Locale.ROOT)).toList();
    }

    /** The tab-separated fields of every line that is not a comment. */
    public static List<String[]> rows(String resource) {
        List<String[]> rows = new ArrayList<>();
        try (InputStream in = DomainListFile.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing bundled list " + resource);
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            String line;
            while ((line = reader.readLine()) != null) {
                if (!line.isBlank() && line.charAt(0) != '#') {
                    rows.add(line.split("\t"));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the bundled list " + resource, e);
        }
        return rows;
    }
}
