package org.goldenthread.infra;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The house keeps its shape: query-side never depends on command-side (nor the reverse); both depend
 * only on shared-kernel; the kernel and both sides are free of Spring and of infra; controllers hold no
 * rules (they reach the command side only through kernel commands). Modules are told apart by where
 * each class was loaded from, since they share the method's package names.
 */
class ArchitectureTest {

    private static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("org.goldenthread");
    }

    private static DescribedPredicate<JavaClass> inModule(String module) {
        return DescribedPredicate.describe("in module " + module, c -> c.getSource()
                .map(s -> {
                    String uri = s.getUri().toString();
                    return uri.contains("/" + module + "/target/") || uri.contains("/" + module + "-0.");
                }).orElse(false));
    }

    @Test
    void every_module_is_found_on_the_classpath() {
        for (String module : new String[]{"shared-kernel", "command-side", "query-side", "infra"}) {
            assertThat(classes.stream().filter(inModule(module)::test).count()).as(module).isGreaterThan(0);
        }
    }

    @Test
    void query_side_never_depends_on_command_side() {
        noClasses().that(inModule("query-side")).should().dependOnClassesThat(inModule("command-side")).check(classes);
    }

    @Test
    void command_side_never_depends_on_query_side() {
        noClasses().that(inModule("command-side")).should().dependOnClassesThat(inModule("query-side")).check(classes);
    }

    @Test
    void kernel_depends_on_neither_side_nor_on_spring_or_mongo() {
        noClasses().that(inModule("shared-kernel")).should().dependOnClassesThat(inModule("command-side")
                        .or(inModule("query-side")).or(inModule("infra")))
                .check(classes);
        noClasses().that(inModule("shared-kernel")).should().dependOnClassesThat()
                .resideInAnyPackage("org.springframework..", "com.mongodb..", "org.bson..", "com.fasterxml..")
                .check(classes);
    }

    @Test
    void both_sides_are_free_of_spring_and_infra() {
        noClasses().that(inModule("command-side").or(inModule("query-side"))).should().dependOnClassesThat(inModule("infra"))
                .check(classes);
        noClasses().that(inModule("command-side").or(inModule("query-side"))).should().dependOnClassesThat()
                .resideInAnyPackage("org.springframework..")
                .check(classes);
    }

    @Test
    void controllers_hold_no_rules_and_reach_the_command_side_only_through_the_kernel() {
        noClasses().that().resideInAPackage("org.goldenthread.infra.web..").should()
                .dependOnClassesThat(inModule("command-side").or(inModule("query-side")))
                .check(classes);
    }
}
