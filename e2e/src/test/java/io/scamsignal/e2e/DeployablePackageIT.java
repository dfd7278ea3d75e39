package io.scamsignal.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.scamsignal.emulator.LocalPipeline;
import io.scamsignal.emulator.lambda.LocalFunction;
import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.jar.JarFile;
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

    /** The enrichment jar's size before it carried the popular million: the shrunk jar stays within it. */
    private static final long ENRICHMENT_JAR_BUDGET = 11_518_602;

    @Test
    void theEnrichmentJarIsShrunkWithinItsBudgetAndEveryClassInItLinks() throws Exception {
        Path target = TestEmulator.projectDir().resolve("functions/enrichment/target");
        Path shrunk = target.resolve("enrichment-lambda.jar");
        Path full = target.resolve("enrichment-full.jar");
        assertThat(Files.size(shrunk)).isLessThanOrEqualTo(ENRICHMENT_JAR_BUDGET).isLessThan(Files.size(full));
        assertThat(entries(shrunk)).contains("io/scamsignal/domain/benign/popular-domains.bin");
        // the shrinker keeps what kept code reaches: a class it kept must link (verify) as it did unshrunk
        Set<String> failingShrunk = classesThatDoNotLink(shrunk);
        Set<String> failingFull = classesThatDoNotLink(full);
        assertThat(failingFull).as("the unshrunk jar's classes that need an absent optional library (the CRT)")
                .allMatch(name -> name.startsWith("software.amazon.awssdk."));
        assertThat(failingShrunk).isSubsetOf(failingFull);
    }

    @Test
    void onlyTheEnrichmentJarCarriesThePopularDomains() throws Exception {
        try (var jars = Files.list(TestEmulator.projectDir().resolve("functions"))) {
            List<Path> lambdaJars = new ArrayList<>();
            for (Path module : jars.toList()) {
                Path jar = module.resolve("target").resolve(module.getFileName() + "-lambda.jar");
                if (Files.isRegularFile(jar)) {
                    lambdaJars.add(jar);
                }
            }
            assertThat(lambdaJars).hasSizeGreaterThanOrEqualTo(6);
            for (Path jar : lambdaJars) {
                boolean carries = entries(jar).contains("io/scamsignal/domain/benign/popular-domains.bin");
                assertThat(carries).as(jar.getFileName().toString()).isEqualTo(jar.getFileName().toString().equals("enrichment-lambda.jar"));
            }
        }
    }

    private static Set<String> entries(Path jar) throws IOException {
        try (JarFile file = new JarFile(jar.toFile())) {
            return new TreeSet<>(file.stream().map(entry -> entry.getName()).toList());
        }
    }

    /** Classes of the jar whose linking (verification, resolution of their members' types) fails. */
    private static Set<String> classesThatDoNotLink(Path jar) throws IOException {
        Set<String> failing = new TreeSet<>();
        try (URLClassLoader loader = new URLClassLoader(new URL[] {jar.toUri().toURL()}, ClassLoader.getPlatformClassLoader())) {
            for (String entry : entries(jar)) {
                if (!entry.endsWith(".class") || entry.startsWith("META-INF/") || entry.endsWith("module-info.class")) {
                    continue;
                }
                String name = entry.substring(0, entry.length() - ".class".length()).replace('/', '.');
                try {
                    // getDeclaredMethods links the class: the verifier runs, as on its first use
                    Class.forName(name, false, loader).getDeclaredMethods();
                } catch (LinkageError | ClassNotFoundException e) {
                    failing.add(name);
                }
            }
        }
        return failing;
    }
}
