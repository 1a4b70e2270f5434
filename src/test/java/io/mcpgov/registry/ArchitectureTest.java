package io.mcpgov.registry;

import static com.tngtech.archunit.base.DescribedPredicate.describe;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import jakarta.persistence.EntityManager;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The written design of docs/architecture.md, checked on the compiled classes: the packages form no cycle, every
 * dependency points down the layers below, and only repositories talk to the database. A new package must be placed
 * here before anything may depend on it.
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

    /** What talks to the database: the entity manager, a session, Panache, plain JDBC and the data source. */
    private static final Set<String> DATABASE_TYPES = Set.of(
            "jakarta.persistence.EntityManager", "jakarta.persistence.EntityManagerFactory",
            "jakarta.persistence.Query", "jakarta.persistence.TypedQuery", "jakarta.persistence.StoredProcedureQuery",
            "org.hibernate.Session", "org.hibernate.SessionFactory", "org.hibernate.StatelessSession",
            "org.hibernate.SharedSessionContract", "javax.sql.DataSource", "io.agroal.api.AgroalDataSource",
            "java.sql.Connection", "java.sql.Statement", "java.sql.PreparedStatement", "java.sql.CallableStatement",
            "java.sql.ResultSet", "java.sql.Array", BASE + ".common.Jdbc");
    private static final List<String> DATABASE_PACKAGES = List.of("io.quarkus.hibernate.orm.panache",
            "io.quarkus.panache", "org.hibernate.query", "org.hibernate.jdbc", "jakarta.persistence.criteria",
            "org.postgresql");

    /**
     * The packages that may talk to the database without being repositories: {@code database} (how long the registry
     * waits for PostgreSQL, readiness, long work: the connection's settings, not the registry's data) and
     * {@code local} (the embedded PostgreSQL of the local run, which creates its database before the application has a
     * data source).
     */
    private static final List<String> DATABASE_INFRASTRUCTURE = List.of("database", "local");

    /** docs/architecture.md, "Database access". */
    private static final ArchRule ONLY_REPOSITORIES_TALK_TO_THE_DATABASE = noClasses()
            .that(describe("are not repositories", c -> !mayTalkToTheDatabase(c)))
            .should().dependOnClassesThat(describe("talk to the database (the entity manager, a session, Panache,"
                    + " Jdbc, a data source, a JDBC connection, statement or result set)",
                    ArchitectureTest::talksToTheDatabase))
            .because("only classes named *Repository talk to PostgreSQL; services, resources, rules, sweeps and views"
                    + " call them (docs/architecture.md, Database access)");

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

    @Test
    void onlyRepositoriesTalkToTheDatabase() {
        ONLY_REPOSITORIES_TALK_TO_THE_DATABASE.check(CLASSES);
    }

    @Test
    void theDatabaseRuleRefusesAServiceHoldingAnEntityManager() {
        JavaClasses service = new ClassFileImporter().importClasses(ExampleService.class);
        assertThatThrownBy(() -> ONLY_REPOSITORIES_TALK_TO_THE_DATABASE.check(service))
                .isInstanceOf(AssertionError.class).hasMessageContaining(ExampleService.class.getSimpleName());
        ONLY_REPOSITORIES_TALK_TO_THE_DATABASE.allowEmptyShould(true)
                .check(new ClassFileImporter().importClasses(ExampleRepository.class));
    }

    /** What the database rule must refuse. */
    static class ExampleService {
        EntityManager em;
    }

    /** What the database rule allows. */
    static class ExampleRepository {
        EntityManager em;
    }

    /**
     * A repository (a class named {@code *Repository}, or one nested in it), {@code common.Jdbc} (the plain JDBC that
     * repositories use), or a class of the database's infrastructure.
     */
    private static boolean mayTalkToTheDatabase(JavaClass c) {
        for (Optional<JavaClass> at = Optional.of(c); at.isPresent(); at = at.get().getEnclosingClass()) {
            JavaClass candidate = at.get();
            if (candidate.getSimpleName().endsWith("Repository") || candidate.getName().equals(BASE + ".common.Jdbc")) {
                return true;
            }
        }
        return DATABASE_INFRASTRUCTURE.stream().anyMatch(p -> in(c.getPackageName(), p));
    }

    private static boolean talksToTheDatabase(JavaClass c) {
        String name = c.getName();
        return DATABASE_TYPES.contains(name) || name.startsWith(BASE + ".common.Jdbc$")
                || DATABASE_PACKAGES.stream().anyMatch(p -> c.getPackageName().equals(p)
                        || c.getPackageName().startsWith(p + "."));
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
