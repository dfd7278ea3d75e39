package io.scamsignal.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExternalProcessTest {

    @Test
    void aToolThatHangsFailsAtItsTimeLimitAndIsKilledWithItsChildren(@TempDir Path dir) throws Exception {
        Path child = dir.resolve("child.pid");
        ProcessBuilder hangs = new ProcessBuilder("sh", "-c", "sleep 60 & echo $! > " + child + "; echo started; wait");

        long start = System.nanoTime();
        assertThatThrownBy(() -> ExternalProcess.run(hangs, Duration.ofSeconds(1)))
                .isInstanceOf(AssertionError.class).hasMessageContaining("did not finish within PT1S")
                .hasMessageContaining("started");
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(20));
        long pid = Long.parseLong(Files.readString(child).strip());
        assertThat(Await.until(() -> ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false), alive -> !alive,
                Duration.ofSeconds(10), "the child killed")).isFalse();
    }

    @Test
    void aProcessLeftByAFailingTestIsKilledOnClose(@TempDir Path dir) throws Exception {
        long pid;
        try (ExternalProcess p = ExternalProcess.start(new ProcessBuilder("sh", "-c", "echo $$ > " + dir.resolve("pid")
                + "; sleep 60"))) {
            Await.until(() -> Files.exists(dir.resolve("pid")) && !Files.readString(dir.resolve("pid")).isBlank(),
                    Duration.ofSeconds(10), "started");
            pid = Long.parseLong(Files.readString(dir.resolve("pid")).strip());
        }
        assertThat(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)).isFalse();
    }

    @Test
    void aToolThatEndsGivesItsExitCodeAndOutput() throws Exception {
        ExternalProcess.Result result = ExternalProcess.run(new ProcessBuilder("sh", "-c", "echo hello; exit 3"),
                Duration.ofSeconds(30));
        assertThat(result.exitCode()).isEqualTo(3);
        assertThat(result.output()).isEqualTo("hello\n");
    }
}
