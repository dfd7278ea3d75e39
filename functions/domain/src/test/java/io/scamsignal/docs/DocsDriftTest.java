package io.scamsignal.docs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
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
 *   <li>every figure in the README and docs/, a number with a unit (ms, s, µs, ×, %, KB, KiB, MB, GB),
 *   is found in docs/performance.md, where the measurements live, as a whole token and under the
 *   same label (a word of the text around it in the row, column or sentence), unless
 *   {@link #ELSEWHERE} names where it is measured or specified instead; and the cells of
 *   performance.md's cold-start and warm-CPU tables are what {@code make bench} last wrote to
 *   docs/figures.json;</li>
 *   <li>the README stays a front page: at most 10 KB;</li>
 *   <li>every relative link in the README and docs/ names an existing file (and heading);</li>
 *   <li>docs/architecture.md describes what the template declares, and nothing else: every function
 *   with its handler and trigger, every stream with its table, view, function and on-failure queue,
 *   every table with its keys, indexes and stream, every topic and queue, and every route of the
 *   HttpApi's OpenAPI document with its function;</li>
 *   <li>every repository path the README, docs/ and the Java sources' comments name exists
 *   ({@code *}, {@code <name>}, {@code {name}} and {@code …} stand for any name; build output under
 *   {@code target/} is left out).</li>
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
    void everyFigureInTheDocsIsQuotedFromThePerformanceDocumentWithItsLabel() throws IOException {
        List<Labelled> measured = labelledFigures(read("docs/performance.md"));
        List<String> unpaired = new ArrayList<>();
        for (Path doc : documents()) {
            String name = ROOT.relativize(doc).toString();
            if (name.equals("docs/performance.md")) {
                continue;
            }
            for (Labelled figure : labelledFigures(read(doc))) {
                if (!pairedIn(figure, measured) && !ELSEWHERE.containsKey(name + " " + figure.figure())) {
                    unpaired.add(name + ": " + figure.figure() + " (label: " + figure.label().strip() + ")");
                }
            }
        }
        assertThat(labelledFigures(read("README.md"))).as("figures found in the README").isNotEmpty();
        assertThat(unpaired).as("figures in the README or docs/ that docs/performance.md does not hold under the same label"
                + " (nor ELSEWHERE names as measured or specified elsewhere)").isEmpty();
    }

    @Test
    void aSwappedFigureAndOneInsideALargerNumberAreCaught() {
        List<Labelled> measured = labelledFigures("""
                | function | ours | together |
                |---|---|---|
                | intake → first report stored | 465 ms (455–481) | **0.48×** |
                | enrichment → first batch counted | 708 ms (688–811) | **0.59×** |
                | alerting → first alert published | 636 ms (623–663) | **0.62×** |
                """);
        assertThat(labelledFigures("Cold start to the first report stored: 465 ms. Enrichment 0.59× and alerting 0.62×."))
                .allMatch(f -> pairedIn(f, measured));
        assertThat(labelledFigures("Enrichment 0.62× and alerting 0.59×.")).noneMatch(f -> pairedIn(f, measured));
        assertThat(labelledFigures("Cold start to the first report stored: 65 ms.")).noneMatch(f -> pairedIn(f, measured));
    }

    @Test
    void thePerformanceTablesAreTheBenchOutput() throws IOException {
        @SuppressWarnings("unchecked")
        Map<String, String> written = new com.fasterxml.jackson.databind.ObjectMapper()
                .readValue(read("docs/figures.json"), Map.class);
        Map<String, String> cells = tableCells(read("docs/performance.md"));
        assertThat(written).as("figures make bench wrote (docs/figures.json)").isNotEmpty();
        written.forEach((label, figure) -> assertThat(cells.get(label))
                .as("docs/performance.md's cell %s against make bench's output", label).isEqualTo(figure));
        for (String table : TIED_TABLES) {
            cells.forEach((label, cell) -> {
                if (label.startsWith(table + " | ") && !figures(cell).isEmpty()) {
                    assertThat(written).as("a figure of the %s table that make bench does not write", table).containsKey(label);
                }
            });
        }
    }

    /** Tables of docs/performance.md whose every figure make bench writes to docs/figures.json. */
    private static final List<String> TIED_TABLES = List.of("function", "what", "hostile lookalikes");

    /**
     * Figures of docs/ that are measured by a test or a benchmark section documented beside them, or
     * specified rather than measured, with where they come from.
     */
    private static final Map<String, String> ELSEWHERE = Map.ofEntries(
            Map.entry("docs/architecture.md 64 KiB", "the report API's body limit (contract)"),
            Map.entry("docs/architecture.md 400s", "HTTP status codes, not a duration"),
            Map.entry("docs/operations.md 1 GB", "Lambda's price basis"),
            Map.entry("docs/operations.md 60,000 ms", "an alarm threshold (template)"),
            Map.entry("docs/confidence.md 35 ×", "the confidence formula's points (Confidence)"),
            Map.entry("docs/confidence.md 25 ×", "the confidence formula's points (Confidence)"),
            Map.entry("docs/confidence.md 10 ×", "the confidence formula's points (Confidence)"),
            Map.entry("docs/benign-lists.md 70 KB", "the bundled lists' size in the domain jar"),
            Map.entry("docs/benign-lists.md 55 ms", "loading the bundled lists (BenignListsTest)"),
            Map.entry("docs/benign-lists.md 100 %", "LookalikeCorpusTest"),
            Map.entry("docs/rings.md 12.2 s", "RingCorpusPipelineIT"),
            Map.entry("docs/rings.md 12.5 s", "RingCorpusPipelineIT"),
            Map.entry("docs/rings.md 25.2 ms", "RingCorpusBenchmark, beside 221.9 s"),
            Map.entry("docs/rings.md 48.0 s", "RingCorpusBenchmark, beside 221.9 s"),
            Map.entry("docs/rings.md 1.3 MB", "RingBenchmark's referral packet, beside 1.6 s"),
            Map.entry("docs/rings.md 0.5 MB", "RingBenchmark's referral packet, beside 1.6 s"),
            Map.entry("docs/rings.md 0.6 MB", "RingBenchmark's referral packet, beside 1.6 s"),
            Map.entry("docs/rings.md 70 MB", "RingBenchmark's referral packet, beside 1.6 s"),
            Map.entry("docs/rings.md 1,769 MB", "the referral function's memory (template)"),
            Map.entry("docs/rings.md 29 s", "the HTTP API's integration limit"),
            Map.entry("docs/benign-lists.md 0.20%", "tools/benign_holdout.py on the held-out Majestic sample"),
            Map.entry("docs/benign-lists.md 61.5%", "tools/benign_holdout.py on the held-out Majestic sample"),
            Map.entry("docs/benign-lists.md 2.1%", "tools/benign_holdout.py on the held-out Cisco Umbrella sample"),
            Map.entry("docs/benign-lists.md 24.7%", "tools/benign_holdout.py on the held-out Cisco Umbrella sample"),
            Map.entry("docs/benign-lists.md 1.4%", "tools/benign_holdout.py on the brands' country sites"),
            Map.entry("docs/benign-lists.md 6.4%", "tools/benign_holdout.py on the brands' country sites"),
            Map.entry("docs/benign-lists.md 17.8%", "tools/benign_holdout.py on LOLRMM's network domains"),
            Map.entry("docs/benign-lists.md 80.2%", "tools/benign_holdout.py on LOLRMM's network domains"),
            Map.entry("docs/benign-lists.md 0.13%", "tools/benign_holdout.py: dnstwist permutations in the top million"),
            Map.entry("docs/benign-lists.md 6.3 MB", "the million as 64-bit fingerprints under a 16-bit bucket index: 6,262,156 bytes"),
            Map.entry("docs/benign-lists.md 3.3 MB", "the size of popular-domains.bin (lists.json)"),
            Map.entry("docs/benign-lists.md 125 KB", "a million bits"),
            Map.entry("docs/benign-lists.md 3.0 MB", "a million times 24.1 bits: the set's own information"),
            Map.entry("docs/benign-lists.md 6.1 MB", "the AWS SDK's compressed share of the enrichment jar (unzip -lv)"),
            Map.entry("docs/benign-lists.md 99.84 %", "LookalikeDnstwistIT, asserted exactly"),
            Map.entry("docs/benign-lists.md 99.83 %", "LookalikeDnstwistIT, asserted exactly"),
            Map.entry("docs/benign-lists.md 98.18 %", "LookalikeDnstwistIT's homoglyph fuzzer without ascii-glyphs.tsv"),
            Map.entry("docs/benign-lists.md 99 %", "LookalikeDnstwistIT's threshold per fuzzer"),
            Map.entry("docs/operations.md 60 s", "PartnerWriteAuthCacheSeconds' maximum (template)"),
            Map.entry("docs/partners.md 30 s", "PartnerWriteAuthCacheSeconds' default (template)"),
            Map.entry("docs/partners.md 300 s", "PartnerAuthCacheSeconds' default (template)"));

    /** A figure and the words that say what it is. */
    record Labelled(String figure, String label) {
    }

    private static final Set<String> COMMON = Set.of("with", "from", "that", "this", "than", "then", "each", "same",
            "without", "against", "over", "under", "first", "both", "their", "there", "when", "where", "into", "only");

    /** Whether a measured figure equal to {@code figure} (a whole token) carries one of its label's words. */
    static boolean pairedIn(Labelled figure, List<Labelled> measured) {
        List<String> words = new ArrayList<>();
        Matcher w = Pattern.compile("[\\p{L}][\\p{L}'’]{3,}").matcher(figure.label().toLowerCase(Locale.ROOT));
        while (w.find()) {
            String word = w.group().replaceAll("['’]s$", "");
            if (!COMMON.contains(word)) {
                words.add(word);
            }
        }
        return measured.stream().filter(m -> m.figure().equals(figure.figure()))
                .anyMatch(m -> words.stream().anyMatch(m.label().toLowerCase(Locale.ROOT)::contains));
    }

    /**
     * Every figure of a markdown text with its label: in a table, the row's first cell, the column's
     * header and the cell's text before it; in prose, the words since the previous figure or sentence
     * and up to the next one.
     */
    static List<Labelled> labelledFigures(String markdown) {
        List<Labelled> out = new ArrayList<>();
        String text = FENCE.matcher(markdown).replaceAll("");
        List<String> header = List.of();
        StringBuilder prose = new StringBuilder();
        for (String line : text.split("\n")) {
            if (line.startsWith("|")) {
                List<String> cells = cells(line);
                if (line.matches("^\\|[-:| ]+\\|?\\s*$")) {
                    continue;
                }
                if (header.isEmpty()) {
                    header = cells;
                    continue;
                }
                for (int i = 0; i < cells.size(); i++) {
                    String cell = cells.get(i);
                    List<int[]> spans = spans(cell);
                    for (int j = 0; j < spans.size(); j++) {
                        int from = j == 0 ? 0 : spans.get(j - 1)[1];
                        int to = j + 1 < spans.size() ? spans.get(j + 1)[0] : cell.length();
                        out.add(new Labelled(cell.substring(spans.get(j)[0], spans.get(j)[1]), cells.get(0) + " | "
                                + (i < header.size() ? header.get(i) : "") + " | " + cell.substring(from, to)));
                    }
                }
            } else {
                header = List.of();
                prose.append(line).append('\n');
            }
        }
        for (String paragraph : prose.toString().split("\n\\s*\n")) {
            List<int[]> spans = spans(paragraph);
            for (int i = 0; i < spans.size(); i++) {
                int from = i == 0 ? 0 : spans.get(i - 1)[1];
                int to = i + 1 < spans.size() ? spans.get(i + 1)[0] : paragraph.length();
                String before = paragraph.substring(from, spans.get(i)[0]);
                int sentence = Math.max(before.lastIndexOf(". "), before.lastIndexOf("; "));
                String after = paragraph.substring(spans.get(i)[1], to).split("[.;,(—]| and ", 2)[0];
                out.add(new Labelled(paragraph.substring(spans.get(i)[0], spans.get(i)[1]),
                        before.substring(sentence + 1) + " … " + after));
            }
        }
        return out;
    }

    private static List<int[]> spans(String text) {
        List<int[]> spans = new ArrayList<>();
        Matcher m = FIGURE.matcher(text);
        while (m.find()) {
            spans.add(new int[] {m.start(), m.end()});
        }
        return spans;
    }

    /** Every table cell of a markdown text by "first header | row's first cell | column header" (bold marks dropped). */
    static Map<String, String> tableCells(String markdown) {
        Map<String, String> out = new TreeMap<>();
        List<String> header = List.of();
        for (String line : FENCE.matcher(markdown).replaceAll("").split("\n")) {
            if (!line.startsWith("|")) {
                header = List.of();
                continue;
            }
            if (line.matches("^\\|[-:| ]+\\|?\\s*$")) {
                continue;
            }
            List<String> cells = cells(line);
            if (header.isEmpty()) {
                header = cells;
                continue;
            }
            for (int i = 1; i < cells.size() && i < header.size(); i++) {
                out.put(header.get(0) + " | " + cells.get(0) + " | " + header.get(i), cells.get(i).replace("**", ""));
            }
        }
        return out;
    }

    private static List<String> cells(String row) {
        String inner = row.strip();
        inner = inner.substring(1, inner.endsWith("|") ? inner.length() - 1 : inner.length());
        return Arrays.stream(inner.split("\\|", -1)).map(String::strip).toList();
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
    void theArchitectureNamesEveryFunctionTableStreamTopicAndQueueOfTheTemplateAndNoOther() throws IOException {
        Template t = Template.load();
        String architecture = read("docs/architecture.md");
        Set<String> declared = new TreeSet<>();
        declared.addAll(t.functions.keySet());
        declared.addAll(t.tables.keySet());
        declared.addAll(t.streams.keySet());
        declared.addAll(t.topicsAndQueues);
        Set<String> named = new TreeSet<>();
        Matcher m = Pattern.compile("`([A-Z][A-Za-z0-9]*(?:Function|Table|Stream|Topic|Queue))`").matcher(architecture);
        while (m.find()) {
            named.add(m.group(1));
        }
        assertThat(declared).as("resources of the template").contains("SubmitReportFunction", "RingsTable", "RingsStream", "OpsTopic");
        assertThat(named).as("resources docs/architecture.md names that the template does not declare")
                .isSubsetOf(declared);
        assertThat(rows(architecture, "Functions").keySet()).as("rows of Functions").isEqualTo(t.functions.keySet());
        assertThat(rows(architecture, "Tables").keySet()).as("rows of Tables").isEqualTo(t.tables.keySet());
        assertThat(rows(architecture, "Streams").keySet()).as("rows of Streams").isEqualTo(t.streams.keySet());
        assertThat(rows(architecture, "Topics and queues").keySet()).as("rows of Topics and queues")
                .isEqualTo(t.topicsAndQueues);
    }

    @Test
    void theArchitectureGivesEveryFunctionItsCodeAndTrigger() throws IOException {
        Template t = Template.load();
        Map<String, String> rows = rows(read("docs/architecture.md"), "Functions");
        Map<String, String> routes = t.routes();
        Set<String> authorizers = t.authorizers();
        for (Map.Entry<String, Map<String, Object>> f : t.functions.entrySet()) {
            String row = rows.getOrDefault(f.getKey(), "");
            String handler = String.valueOf(f.getValue().get("Handler"));
            String handlerClass = handler.substring(handler.lastIndexOf('.', handler.indexOf("::")) + 1, handler.indexOf("::"));
            String module = String.valueOf(f.getValue().get("CodeUri")).replaceFirst("^\\.\\./", "").replaceFirst("/target/.*", "");
            assertThat(row).as("%s's row names its module and handler", f.getKey())
                    .contains("`" + module + "`").contains("`" + handlerClass + "`");
            List<String> triggers = new ArrayList<>();
            t.streams.forEach((event, stream) -> {
                if (stream.function().equals(f.getKey())) {
                    triggers.add("`" + event + "`");
                }
            });
            if (routes.containsValue(f.getKey())) {
                triggers.add("HttpApi route");
            }
            if (authorizers.contains(f.getKey())) {
                triggers.add("authorizer");
            }
            assertThat(triggers).as("triggers of %s", f.getKey()).isNotEmpty();
            assertThat(row).as("%s's row names its triggers", f.getKey()).contains(triggers);
        }
    }

    @Test
    void theArchitectureGivesEveryStreamItsTableViewFunctionAndFailureQueue() throws IOException {
        Template t = Template.load();
        Map<String, String> rows = rows(read("docs/architecture.md"), "Streams");
        for (Map.Entry<String, Mapping> e : t.streams.entrySet()) {
            Mapping stream = e.getValue();
            assertThat(rows.getOrDefault(e.getKey(), "")).as("the row of %s", e.getKey())
                    .contains("`" + stream.table() + "`", "`" + t.streamView(stream.table()) + "`",
                            "`" + stream.function() + "`", "`" + stream.onFailure() + "`");
        }
    }

    @Test
    void theArchitectureGivesEveryTableItsKeysIndexesAndStream() throws IOException {
        Template t = Template.load();
        Map<String, String> rows = rows(read("docs/architecture.md"), "Tables");
        for (String table : t.tables.keySet()) {
            String row = rows.getOrDefault(table, "");
            for (String name : t.keysAndIndexes(table)) {
                assertThat(row).as("the row of %s names %s", table, name).contains("`" + name + "`");
            }
            String view = t.streamView(table);
            String lastCell = row.substring(row.lastIndexOf('|', row.length() - 2) + 1, row.length() - 1).strip();
            assertThat(lastCell).as("the stream of %s", table).isEqualTo(view == null ? "none" : "`" + view + "`");
        }
    }

    @Test
    void theArchitectureListsEveryRouteWithItsFunctionAndNoOther() throws IOException {
        Map<String, String> routes = Template.load().routes();
        Map<String, String> rows = rows(read("docs/architecture.md"), "Routes");
        assertThat(routes).as("routes of the OpenAPI document").containsEntry("POST /reports", "SubmitReportFunction");
        assertThat(rows.keySet()).as("rows of Routes").isEqualTo(routes.keySet());
        routes.forEach((route, function) -> assertThat(rows.get(route)).as("the function of %s", route)
                .contains("`" + function + "`"));
    }

    @Test
    void everyRepositoryPathTheDocsAndCommentsNameExists() throws IOException {
        List<String> files = repositoryPaths();
        Set<String> topLevel = new TreeSet<>(files.stream().filter(f -> f.indexOf('/') > 0)
                .map(f -> f.substring(0, f.indexOf('/'))).toList());
        topLevel.add("shared");
        Pattern path = Pattern.compile("(?<![\\w./@-])(?:\\.\\./)*((?:" + String.join("|", topLevel)
                + ")/[\\w.*<>…{}-]*(?:/[\\w.*<>…{}-]+)*)");
        List<String> missing = new ArrayList<>();
        for (Path doc : documents()) {
            check(ROOT.relativize(doc).toString(), read(doc), path, files, missing);
        }
        for (String source : files.stream().filter(f -> f.startsWith("contracts/") && !f.startsWith("contracts/vendor/")
                || f.equals("infra/template.yaml") || f.equals("Makefile")).toList()) {
            check(source, read(source), path, files, missing);
        }
        for (String source : files.stream().filter(f -> f.endsWith(".java")).toList()) {
            StringBuilder comments = new StringBuilder();
            for (String line : read(source).split("\n")) {
                String l = line.strip();
                if (l.startsWith("*") || l.startsWith("/*") || l.startsWith("//")) {
                    comments.append(l).append('\n');
                } else if (l.contains("//")) {
                    comments.append(l.substring(l.indexOf("//"))).append('\n');
                }
            }
            check(source, comments.toString(), path, files, missing);
        }
        assertThat(missing).as("paths named in the README, docs/ or comments that the repository does not hold").isEmpty();
    }

    @Test
    void noDocumentOrCommentTellsHistoryByIssueOrBranch() throws IOException {
        Pattern history = Pattern.compile("(?i)\\bissue\\s*#?\\d+|\\bthe [\\w-]+ branch\\b|\\bissue note\\b");
        List<String> found = new ArrayList<>();
        List<String> sources = new ArrayList<>(documents().stream().map(d -> ROOT.relativize(d).toString()).toList());
        sources.addAll(repositoryPaths().stream().filter(f -> f.endsWith(".java") || f.endsWith(".py")
                || f.equals("Makefile") || f.equals("infra/template.yaml") || f.startsWith("contracts/") && !f.startsWith("contracts/vendor/"))
                .filter(f -> !f.endsWith("DocsDriftTest.java")).toList());
        for (String source : sources) {
            Matcher m = history.matcher(read(source));
            while (m.find()) {
                found.add(source + ": " + m.group());
            }
        }
        assertThat(found).as("history belongs in git, not in docs or code").isEmpty();
    }

    @Test
    void thePathCheckMatchesPlaceholders() {
        List<String> files = List.of("docs/rings.md", "functions/domain/src/main/java/io/scamsignal/domain/storage/RingsTableKeys.java",
                "tools/refresh_benign_lists.py");
        Pattern path = Pattern.compile("(?<![\\w./@-])(?:\\.\\./)*((?:docs|functions|tools|shared)/[\\w.*<>…{}-]*(?:/[\\w.*<>…{}-]+)*)");
        List<String> missing = new ArrayList<>();
        check("t", "`docs/rings.md`, functions/domain/.../storage/*TableKeys, tools/refresh_*.py, docs/<name>.md.", path, files, missing);
        assertThat(missing).isEmpty();
        check("t", "{@code tools/refresh_benign_lists.py}", path, files, missing);
        assertThat(missing).isEmpty();
        check("t", "../shared/spec and docs/ring.md", path, files, missing);
        assertThat(missing).containsExactly("t: shared/spec", "t: docs/ring.md");
    }

    private static void check(String where, String text, Pattern path, List<String> files, List<String> missing) {
        Matcher m = path.matcher(text);
        while (m.find()) {
            String p = m.group(1).replaceAll("[.]+$", "");
            if (p.endsWith("}") && p.chars().filter(c -> c == '{').count() < p.chars().filter(c -> c == '}').count()) {
                p = p.substring(0, p.length() - 1); // the end of a Javadoc {@code …}
            }
            if (p.contains("/target/") || p.endsWith("/target") || p.startsWith("target/")) {
                continue;
            }
            Pattern glob = glob(p);
            if (files.stream().noneMatch(f -> glob.matcher(f).matches())) {
                missing.add(where + ": " + p);
            }
        }
    }

    /** A named path as a pattern over repository paths (files and their directories). */
    static Pattern glob(String path) {
        String p = path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
        StringBuilder regex = new StringBuilder();
        Matcher tokens = Pattern.compile("\\.\\.\\.|…|\\*|<[^>/]*>|\\{[^}/]*}|[^.*<{…]+|.").matcher(p);
        while (tokens.find()) {
            String token = tokens.group();
            if (token.equals("...") || token.equals("…")) {
                regex.append(".*");
            } else if (token.equals("*") || token.startsWith("<") && token.length() > 1 || token.startsWith("{") && token.length() > 1) {
                regex.append("[^/]*");
            } else {
                regex.append(Pattern.quote(token));
            }
        }
        return Pattern.compile(regex + "(?:\\.\\w+)?(?:/.*)?");
    }

    /** Files of the repository, relative, without build output, git's data and local environments. */
    private static List<String> repositoryPaths() throws IOException {
        Set<String> skip = Set.of("target", "node_modules", ".git");
        try (Stream<Path> walk = Files.walk(ROOT)) {
            return walk.filter(Files::isRegularFile).map(f -> ROOT.relativize(f).toString().replace('\\', '/'))
                    .filter(f -> Arrays.stream(f.split("/")).noneMatch(part -> skip.contains(part)
                            || part.startsWith(".venv") || part.equals(".library")))
                    .toList();
        }
    }

    /** The rows of the first table under "## section", by the name in their first cell's code span. */
    static Map<String, String> rows(String markdown, String section) {
        int start = markdown.indexOf("\n## " + section + "\n");
        assertThat(start).as("a section \"%s\"", section).isNotNegative();
        int end = markdown.indexOf("\n## ", start + 1);
        Map<String, String> rows = new TreeMap<>();
        for (String line : markdown.substring(start, end < 0 ? markdown.length() : end).split("\n")) {
            Matcher m = Pattern.compile("^\\| `([^`]+)` \\|").matcher(line);
            if (m.find()) {
                rows.put(m.group(1), line);
            }
        }
        return rows;
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

    /** A stream event of a function: the function, the table whose stream it reads, its on-failure queue. */
    record Mapping(String function, String table, String onFailure) {
    }

    /** What infra/template.yaml declares, read with the tolerant loader (a tag's value stands for it). */
    @SuppressWarnings("unchecked")
    private static final class Template {
        final Map<String, Map<String, Object>> functions = new TreeMap<>();
        final Map<String, Map<String, Object>> tables = new TreeMap<>();
        final Map<String, Mapping> streams = new TreeMap<>();
        final Set<String> topicsAndQueues = new TreeSet<>();
        private Map<String, Object> openApi;

        static Template load() throws IOException {
            Template t = new Template();
            Map<String, Object> template = yaml().load(read("infra/template.yaml"));
            Map<String, Object> resources = (Map<String, Object>) template.get("Resources");
            for (Map.Entry<String, Object> e : resources.entrySet()) {
                Map<String, Object> r = (Map<String, Object>) e.getValue();
                Map<String, Object> properties = (Map<String, Object>) r.getOrDefault("Properties", Map.of());
                switch (String.valueOf(r.get("Type"))) {
                    case "AWS::Serverless::Function", "AWS::Lambda::Function" -> {
                        t.functions.put(e.getKey(), properties);
                        Map<String, Object> events = (Map<String, Object>) properties.getOrDefault("Events", Map.of());
                        events.forEach((name, event) -> {
                            Map<String, Object> ev = (Map<String, Object>) event;
                            if ("DynamoDB".equals(ev.get("Type"))) {
                                Map<String, Object> p = (Map<String, Object>) ev.get("Properties");
                                Map<String, Object> onFailure = (Map<String, Object>) ((Map<String, Object>)
                                        p.getOrDefault("DestinationConfig", Map.of())).getOrDefault("OnFailure", Map.of());
                                t.streams.put(name, new Mapping(e.getKey(), beforeDot(p.get("Stream")),
                                        beforeDot(onFailure.get("Destination"))));
                            }
                        });
                    }
                    case "AWS::DynamoDB::Table" -> t.tables.put(e.getKey(), properties);
                    case "AWS::SNS::Topic", "AWS::SQS::Queue" -> t.topicsAndQueues.add(e.getKey());
                    default -> {
                    }
                }
                if ("AWS::Serverless::HttpApi".equals(r.get("Type")) && properties.get("DefinitionBody") instanceof Map<?, ?> body) {
                    Map<String, Object> include = (Map<String, Object>) ((Map<String, Object>) body.get("Fn::Transform")).get("Parameters");
                    t.openApi = yaml().load(read(ROOT.resolve("infra").resolve(String.valueOf(include.get("Location"))).normalize()));
                }
            }
            return t;
        }

        private static String beforeDot(Object getAtt) {
            String s = getAtt instanceof List<?> list ? String.valueOf(list.get(0)) : String.valueOf(getAtt);
            return s.contains(".") ? s.substring(0, s.indexOf('.')) : s;
        }

        String streamView(String table) {
            Object spec = tables.get(table).get("StreamSpecification");
            return spec instanceof Map<?, ?> m ? String.valueOf(m.get("StreamViewType")) : null;
        }

        /** Key attributes, index names and index key attributes. */
        List<String> keysAndIndexes(String table) {
            List<String> names = new ArrayList<>();
            Map<String, Object> p = tables.get(table);
            ((List<Map<String, Object>>) p.get("KeySchema")).forEach(k -> names.add(String.valueOf(k.get("AttributeName"))));
            for (Map<String, Object> index : (List<Map<String, Object>>) p.getOrDefault("GlobalSecondaryIndexes", List.of())) {
                names.add(String.valueOf(index.get("IndexName")));
                ((List<Map<String, Object>>) index.get("KeySchema")).forEach(k -> names.add(String.valueOf(k.get("AttributeName"))));
            }
            return names;
        }

        /** {@code METHOD /path} of every operation of the HttpApi's OpenAPI document, to its function. */
        Map<String, String> routes() {
            Map<String, String> routes = new TreeMap<>();
            Map<String, Object> paths = (Map<String, Object>) openApi.get("paths");
            paths.forEach((path, operations) -> ((Map<String, Object>) operations).forEach((method, operation) -> {
                if (operation instanceof Map<?, ?> op && op.get("x-amazon-apigateway-integration") instanceof Map<?, ?> integration) {
                    Object resolved = integration.containsKey("$ref") ? reference(String.valueOf(integration.get("$ref"))) : integration;
                    routes.put(method.toUpperCase(Locale.ROOT) + " " + path, aliasFunction(String.valueOf(resolved)));
                }
            }));
            return routes;
        }

        /** Functions named by an authorizer of the OpenAPI document. */
        Set<String> authorizers() {
            Set<String> names = new TreeSet<>();
            Map<String, Object> schemes = (Map<String, Object>) ((Map<String, Object>) openApi.get("components")).get("securitySchemes");
            schemes.values().forEach(scheme -> {
                Object authorizer = ((Map<String, Object>) scheme).get("x-amazon-apigateway-authorizer");
                if (authorizer != null) {
                    names.add(aliasFunction(String.valueOf(authorizer)));
                }
            });
            return names;
        }

        private Object reference(String ref) {
            Object node = openApi;
            for (String part : ref.replaceFirst("^#/", "").split("/")) {
                node = ((Map<String, Object>) node).get(part);
            }
            return node;
        }

        private static String aliasFunction(String text) {
            Matcher m = Pattern.compile("\\$\\{(\\w+)Aliaslive}").matcher(text);
            assertThat(m.find()).as("a function alias in %s", text).isTrue();
            return m.group(1);
        }
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
