package org.goldenthread.infra;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The house keeps its shape, in rules that say what they mean: each module has its own root package
 * ({@code org.goldenthread.kernel}, {@code .command}, {@code .query}, {@code .infra}); the query side never depends on
 * the command side (nor the reverse); both depend only on the kernel; the kernel and both sides are free of Spring and
 * of infra; controllers hold no rules (they reach the command side only through kernel commands); every package says
 * in a {@code package-info} what lives there.
 */
class ArchitectureTest {

    private static final String KERNEL = "org.goldenthread.kernel..";
    private static final String COMMAND = "org.goldenthread.command..";
    private static final String QUERY = "org.goldenthread.query..";
    private static final String INFRA = "org.goldenthread.infra..";

    private static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("org.goldenthread");
    }

    @Test
    void every_module_has_its_own_root_package_and_nothing_lives_outside_them() {
        for (String root : new String[] {
            "org.goldenthread.kernel", "org.goldenthread.command", "org.goldenthread.query", "org.goldenthread.infra"
        }) {
            assertThat(classes.stream()
                            .filter(c -> c.getPackageName().startsWith(root))
                            .count())
                    .as(root)
                    .isGreaterThan(0);
        }
        assertThat(classes.stream()
                        .map(JavaClass::getPackageName)
                        .filter(p -> !p.matches("org\\.goldenthread\\.(kernel|command|query|infra)(\\..*)?"))
                        .distinct()
                        .toList())
                .isEmpty();
    }

    @Test
    void nothing_counts_with_countDocuments_which_the_embedded_store_answers_by_loading_the_whole_collection() {
        noClasses()
                .should()
                .callMethodWhere(com.tngtech.archunit.base.DescribedPredicate.describe(
                        "MongoCollection.countDocuments",
                        call -> call.getTarget().getName().equals("countDocuments")
                                && call.getTargetOwner().isAssignableTo(com.mongodb.client.MongoCollection.class)))
                .because("mongo-java-server answers it by loading every document first; use Documents.count")
                .check(classes);
    }

    @Test
    void the_query_side_never_depends_on_the_command_side() {
        noClasses()
                .that()
                .resideInAPackage(QUERY)
                .should()
                .dependOnClassesThat()
                .resideInAPackage(COMMAND)
                .check(classes);
    }

    @Test
    void the_command_side_never_depends_on_the_query_side() {
        noClasses()
                .that()
                .resideInAPackage(COMMAND)
                .should()
                .dependOnClassesThat()
                .resideInAPackage(QUERY)
                .check(classes);
    }

    @Test
    void the_kernel_depends_on_neither_side_nor_on_frameworks_but_axons_routing() {
        noClasses()
                .that()
                .resideInAPackage(KERNEL)
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(COMMAND, QUERY, INFRA)
                .check(classes);
        noClasses()
                .that()
                .resideInAPackage(KERNEL)
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("org.springframework..", "com.mongodb..", "org.bson..", "com.fasterxml..")
                .check(classes);
    }

    @Test
    void both_sides_are_free_of_spring_and_infra() {
        noClasses()
                .that()
                .resideInAnyPackage(COMMAND, QUERY)
                .should()
                .dependOnClassesThat()
                .resideInAPackage(INFRA)
                .check(classes);
        noClasses()
                .that()
                .resideInAnyPackage(COMMAND, QUERY)
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("org.springframework..")
                .check(classes);
    }

    @Test
    void controllers_hold_no_rules_and_reach_the_command_side_only_through_the_kernel() {
        noClasses()
                .that()
                .resideInAPackage("org.goldenthread.infra.web..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(COMMAND, QUERY)
                .check(classes);
    }

    @Test
    void every_package_says_what_lives_there() {
        Set<String> missing = new TreeSet<>();
        for (JavaClass c : classes) {
            String path = c.getPackageName().replace('.', '/') + "/package-info.java";
            boolean described = false;
            for (String module : new String[] {"shared-kernel", "command-side", "query-side", "infra"}) {
                described |=
                        java.nio.file.Files.exists(java.nio.file.Path.of("..", module, "src", "main", "java", path));
            }
            if (!described) {
                missing.add(c.getPackageName());
            }
        }
        assertThat(missing).as("packages without a package-info.java").isEmpty();
    }

    @Test
    void no_line_of_code_is_longer_than_120_characters() throws Exception {
        List<String> longer = new ArrayList<>();
        for (String module : new String[] {"shared-kernel", "command-side", "query-side", "infra"}) {
            java.nio.file.Path src = java.nio.file.Path.of("..", module, "src");
            try (java.util.stream.Stream<java.nio.file.Path> files = java.nio.file.Files.walk(src)) {
                for (java.nio.file.Path f :
                        files.filter(p -> p.toString().endsWith(".java")).toList()) {
                    List<String> lines = java.nio.file.Files.readAllLines(f);
                    for (int i = 0; i < lines.size(); i++) {
                        if (lines.get(i).length() > 120) {
                            longer.add(f + ":" + (i + 1));
                        }
                    }
                }
            }
        }
        assertThat(longer).as("lines over 120 characters").isEmpty();
    }
}
