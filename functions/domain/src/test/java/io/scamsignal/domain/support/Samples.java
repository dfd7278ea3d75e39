package io.scamsignal.domain.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/** Rows of the shared sample files (../shared/samples), header skipped, fields split on tabs. */
public final class Samples {

    private Samples() {
    }

    public static List<String[]> rows(String file) {
        Path dir = Path.of(System.getProperty("scamsignal.samples", "../../../shared/samples"));
        Path path = dir.resolve(file);
        if (!Files.isRegularFile(path)) {
            throw new IllegalStateException("sample file " + path.toAbsolutePath()
                    + " not found: the project expects shared/ beside it (../shared)");
        }
        try {
            return Files.readAllLines(path).stream().skip(1).filter(l -> !l.isBlank())
                    .map(l -> Arrays.copyOf(l.split("\t", -1), 5)).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
