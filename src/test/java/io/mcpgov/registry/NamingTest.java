package io.mcpgov.registry;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import io.smallrye.config.ConfigMapping;
import java.util.List;
import org.junit.jupiter.api.Test;

/** One name for each kind of thing that would otherwise be named several ways. */
class NamingTest {

    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_JARS)
            .importPackages("io.mcpgov.registry");

    @Test
    void settingsInterfacesAreNamedConfigAndEachHasAPrefixOfItsOwn() {
        classes().that().areAnnotatedWith(ConfigMapping.class)
                .should().haveSimpleNameEndingWith("Config")
                .check(CLASSES);
        List<String> prefixes = CLASSES.stream()
                .filter(c -> c.isAnnotatedWith(ConfigMapping.class))
                .map(c -> c.getAnnotationOfType(ConfigMapping.class).prefix())
                .toList();
        assertThat(prefixes).hasSizeGreaterThan(10).doesNotHaveDuplicates()
                .allMatch(p -> p.matches("registry\\.[a-z-]+"), "one registry.<feature> prefix each");
    }

    @Test
    void noTwoClassesShareASimpleName() {
        List<String> names = CLASSES.stream()
                .filter(c -> c.isTopLevelClass() && !c.getSimpleName().equals("package-info"))
                .map(JavaClass::getSimpleName)
                .toList();
        assertThat(names).doesNotHaveDuplicates();
    }
}
