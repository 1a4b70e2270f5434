package io.mcpgov.registry;

import static com.tngtech.archunit.base.DescribedPredicate.describe;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The written design of docs/architecture.md, checked on the compiled classes: the packages form no cycle, and every
 * dependency points down the layers below. A new package must be placed here before anything may depend on it.
 */
class ArchitectureTest {

    private static final String BASE = "io.mcpgov.registry";

    /**
     * The kernel, bottom up: a package may use the packages of its own layer (without a cycle) and of the layers
     * below it. Sub-packages belong to their package's layer.
     */
    private static final List<List<String>> KERNEL = List.of(
            List.of("common"),
            List.of("log", "input", "database", "security", "outbound", "change"),
            List.of("limits", "audit"),
            List.of("namespace", "classification", "server"),
            List.of("outbox", "decision"),
            List.of("publish"));

    /** The features: each uses the kernel alone, and reaches the others only through the kernel's extension points. */
    private static final List<String> FEATURES = List.of("policy", "exception", "verification", "tool", "ownership",
            "review", "admission", "events", "imports", "report", "secrets");

    /** The single layer above the features: the web console, a UI that shows and decides what the features hold. */
    private static final String CONSOLE = "console";

    /** Apart: the embedded PostgreSQL of the local run, which uses no other package and which none uses. */
    private static final String LOCAL = "local";

    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_JARS)
            .importPackages(BASE);

    @Test
    void theCompiledApplicationIsWhatIsChecked() {
        assertThat(CLASSES.stream().filter(c -> in(c.getPackageName(), "server"))).isNotEmpty();
        assertThat(CLASSES.stream().filter(c -> in(c.getPackageName(), "support"))).isEmpty();
    }

    @Test
    void noPackageCycles() {
        slices().matching(BASE + ".(**)").should().beFreeOfCycles().check(CLASSES);
    }

    @Test
    void everyPackageHasItsPlace() {
        List<String> placed = new ArrayList<>(KERNEL.stream().flatMap(List::stream).toList());
        placed.addAll(FEATURES);
        placed.add(CONSOLE);
        placed.add(LOCAL);
        List<String> unplaced = CLASSES.stream().map(JavaClass::getPackageName).distinct()
                .filter(name -> placed.stream().noneMatch(p -> in(name, p)))
                .toList();
        assertThat(unplaced).as("packages in no layer of this test").isEmpty();
    }

    @Test
    void theKernelDependsOnNothingAboveIt() {
        List<String> below = new ArrayList<>();
        for (List<String> layer : KERNEL) {
            below.addAll(layer);
            for (String name : layer) {
                if (CLASSES.stream().noneMatch(c -> in(c.getPackageName(), name))) {
                    continue;
                }
                classes().that().resideInAPackage(pkg(name) + "..")
                        .should().onlyDependOnClassesThat(outsideTheRegistryOrIn(below))
                        .because(name + " may use only its own layer of the kernel and the layers below")
                        .check(CLASSES);
            }
        }
    }

    @Test
    void aFeatureDependsOnTheKernelAndItselfAlone() {
        for (String feature : FEATURES) {
            List<String> allowed = new ArrayList<>(kernel());
            allowed.add(feature);
            classes().that().resideInAPackage(pkg(feature) + "..")
                    .should().onlyDependOnClassesThat(outsideTheRegistryOrIn(allowed))
                    .because("features reach each other only through the kernel's extension points")
                    .check(CLASSES);
        }
    }

    @Test
    void theConsoleStandsOnTheFeaturesAndNothingStandsOnIt() {
        List<String> allowed = new ArrayList<>(kernel());
        allowed.addAll(FEATURES);
        allowed.add(CONSOLE);
        classes().that().resideInAPackage(pkg(CONSOLE) + "..")
                .should().onlyDependOnClassesThat(outsideTheRegistryOrIn(allowed))
                .check(CLASSES);
        noClasses().that().resideOutsideOfPackage(pkg(CONSOLE) + "..")
                .should().dependOnClassesThat().resideInAPackage(pkg(CONSOLE) + "..")
                .check(CLASSES);
    }

    @Test
    void theLocalRunStaysApart() {
        classes().that().resideInAPackage(pkg(LOCAL) + "..")
                .should().onlyDependOnClassesThat(outsideTheRegistryOrIn(List.of(LOCAL)))
                .check(CLASSES);
        noClasses().that().resideOutsideOfPackage(pkg(LOCAL) + "..")
                .should().dependOnClassesThat().resideInAPackage(pkg(LOCAL) + "..")
                .check(CLASSES);
    }

    private static List<String> kernel() {
        return KERNEL.stream().flatMap(List::stream).toList();
    }

    private static DescribedPredicate<JavaClass> outsideTheRegistryOrIn(List<String> names) {
        List<String> packages = List.copyOf(names);
        return describe("are outside the registry or in " + packages, c -> {
            String name = c.getPackageName();
            return !(name.equals(BASE) || name.startsWith(BASE + "."))
                    || packages.stream().anyMatch(p -> in(name, p));
        });
    }

    /** Whether a Java package is the registry package {@code name} or one of its sub-packages. */
    private static boolean in(String javaPackage, String name) {
        return javaPackage.equals(pkg(name)) || javaPackage.startsWith(pkg(name) + ".");
    }

    private static String pkg(String name) {
        return BASE + "." + name;
    }
}
