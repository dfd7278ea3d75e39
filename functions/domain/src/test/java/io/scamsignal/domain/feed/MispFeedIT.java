package io.scamsignal.domain.feed;

import static org.assertj.core.api.Assertions.assertThat;

import io.scamsignal.domain.support.VenvPython;
import io.scamsignal.domain.stix.ExpiryRules;
import io.scamsignal.domain.stix.Tlp;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Every event of the MISP feed loads with PyMISP, and manifest and hashes are what PyMISP computes. */
class MispFeedIT {

    @Test
    void pymispLoadsEveryEventAndAgreesWithManifestAndHashes() throws Exception {
        for (Tlp tlp : List.of(Tlp.CLEAR, Tlp.AMBER_STRICT)) {
            Path dir = write("target/misp-feed-" + tlp.level(), new MispFeed(tlp, "ScamSignal",
                    UUID.fromString("ed327f9e-ff58-44a3-9bc0-769c9ed16ea9"), ExpiryRules.DEFAULTS)
                    .files(FeedSamples.all(), FeedSamples.NOW));

            VenvPython.Result result = VenvPython.run("tools/misp_feed_check.py", List.of(dir.toString()));

            assertThat(result.output()).doesNotContain("PROBLEM");
            assertThat(result.exitCode()).as(result.output()).isZero();
            assertThat(result.output().lines().filter(l -> l.startsWith("LOADED ")).count()).isEqualTo(4);
        }
    }

    /** The check can fail: a hash line for a value no attribute has. */
    @Test
    void theCheckFindsAHashesFileThatDisagrees() throws Exception {
        Map<String, String> files = new java.util.TreeMap<>(MispFeed.defaults().files(FeedSamples.all(), FeedSamples.NOW));
        files.put("hashes.csv", files.get("hashes.csv") + MispFeed.md5("not-there") + ",x\n");
        Path dir = write("target/misp-feed-bad", files);

        VenvPython.Result result = VenvPython.run("tools/misp_feed_check.py", List.of(dir.toString()));

        assertThat(result.exitCode()).as(result.output()).isEqualTo(1);
        assertThat(result.output()).contains("PROBLEM hashes.csv");
    }

    private static Path write(String name, Map<String, String> files) throws Exception {
        Path dir = Path.of(name);
        Files.createDirectories(dir);
        try (var old = Files.list(dir)) {
            for (Path p : old.toList()) {
                Files.delete(p);
            }
        }
        for (Map.Entry<String, String> f : files.entrySet()) {
            Files.writeString(dir.resolve(f.getKey()), f.getValue());
        }
        return dir;
    }
}
