package io.scamsignal.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.scamsignal.emulator.LocalPipeline;
import io.scamsignal.emulator.lambda.LocalFunction;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The integration tests run what Lambda runs: each function from the shaded jar the template's
 * CodeUri names, in a class loader that sees that jar and the JDK only, never the test class path.
 */
class DeployablePackageIT {

    @Test
    void everyFunctionRunsFromItsOwnJarAndSeesNothingOfTheRunner() throws Exception {
        try (LocalPipeline pipeline = LocalPipeline.start(LocalPipeline.Options.defaults(
                TestEmulator.projectDir().resolve("infra/template.yaml"), TestEmulator.endpoint(),
                "jar-" + UUID.randomUUID().toString().substring(0, 8)))) {
            assertThat(pipeline.functions()).containsKeys("SubmitReportFunction", "EnrichReportFunction", "ThresholdAlertFunction");
            for (LocalFunction function : pipeline.functions().values()) {
                Path jar = function.spec().code();
                assertThat(jar.getFileName().toString()).endsWith("-lambda.jar");
                assertThat(jar).startsWith(TestEmulator.projectDir().resolve("functions")).isRegularFile();
                ClassLoader loader = function.classLoader();
                assertThat(loader).isInstanceOf(URLClassLoader.class);
                assertThat(((URLClassLoader) loader).getURLs()).containsExactly(jar.toUri().toURL());
                assertThat(loader.getParent()).isSameAs(ClassLoader.getPlatformClassLoader());
                String handler = function.spec().handler().split("::")[0];
                Class<?> loaded = loader.loadClass(handler);
                assertThat(loaded.getClassLoader()).isSameAs(loader);
                // the same class on the test class path is another class: the function does not use it
                assertThat(loaded).isNotSameAs(Class.forName(handler));
                assertThatThrownBy(() -> loader.loadClass(LocalPipeline.class.getName()))
                        .isInstanceOf(ClassNotFoundException.class);
            }
        }
    }
}
