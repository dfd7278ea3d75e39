package io.scamsignal.domain.nextsteps;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The vendored official-contacts.tsv: where to report in each country and the fraud lines of gift
 * card issuers and money transfer providers, each line citing the official page it comes from
 * (checked by tools/check_official_contacts.py). Read once from the jar.
 */
public final class OfficialContacts {

    static final String RESOURCE = "official-contacts.tsv";
    private static final List<Entry> ENTRIES = load();

    private OfficialContacts() {
    }

    /** One line of the file. {@code country} is an ISO 3166-1 code or "*" (any country). */
    public record Entry(String id, String country, String step, String label, String url, String source,
                        String checked) {
    }

    public static List<Entry> entries() {
        return ENTRIES;
    }

    /** The links of one step for one country, in the file's order: the country's own, then those for any. */
    static List<NextStep.Link> links(String step, String country) {
        List<NextStep.Link> own = new ArrayList<>();
        List<NextStep.Link> any = new ArrayList<>();
        for (Entry entry : ENTRIES) {
            if (entry.step().equals(step)) {
                if (entry.country().equals(country)) {
                    own.add(new NextStep.Link(entry.label(), entry.url()));
                } else if (entry.country().equals("*")) {
                    any.add(new NextStep.Link(entry.label(), entry.url()));
                }
            }
        }
        own.addAll(any);
        return List.copyOf(own);
    }

    private static List<Entry> load() {
        try (InputStream in = OfficialContacts.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing from the jar");
            }
            return parse(new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<Entry> parse(BufferedReader reader) throws IOException {
        List<Entry> entries = new ArrayList<>();
        boolean header = true;
        for (String line = reader.readLine(); line != null; line = reader.readLine()) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] columns = line.split("\t", -1);
            if (columns.length != 7) {
                throw new IllegalStateException(RESOURCE + ": 7 tab-separated columns expected: " + line);
            }
            if (header) {
                header = false;
                continue;
            }
            entries.add(new Entry(columns[0], columns[1], columns[2], columns[3], columns[4], columns[5], columns[6]));
        }
        return List.copyOf(entries);
    }
}
