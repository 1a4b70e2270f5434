package io.mcpgov.registry.change;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The change counter is a kernel of its own: {@link ChangeCounter} alone moves and reads it, through the one class that
 * names its table ({@link ChangeCounterRepository}), and the package depends on {@code common} only, so that the
 * discovery caches and every writer may depend on it.
 */
class ChangePackageTest {

    private static final Path SOURCES = Path.of("src/main/java/io/mcpgov/registry");

    @Test
    void onlyTheChangeCounterNamesTheCountersTable() throws IOException {
        try (Stream<Path> files = Files.walk(SOURCES)) {
            List<String> naming = files.filter(f -> f.toString().endsWith(".java"))
                    .filter(f -> read(f).contains("registry_generation"))
                    .map(f -> SOURCES.relativize(f).toString().replace('\\', '/')).toList();
            assertThat(naming).containsExactly("change/ChangeCounterRepository.java");
        }
    }

    @Test
    void theChangePackageDependsOnCommonAlone() throws IOException {
        try (Stream<Path> files = Files.list(SOURCES.resolve("change"))) {
            List<String> imports = files.flatMap(f -> read(f).lines())
                    .filter(line -> line.startsWith("import io.mcpgov.registry.")).toList();
            assertThat(imports).isNotEmpty().allMatch(line -> line.startsWith("import io.mcpgov.registry.common."));
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
