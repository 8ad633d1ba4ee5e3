package org.goldenthread.infra;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** ARCHITECTURE.md names only classes that exist: every `CamelCase` name in backticks is a class of the code. */
class ArchitectureDocTest {

    @Test
    void every_class_the_architecture_page_names_exists() throws Exception {
        Path doc = Path.of("..", "ARCHITECTURE.md");
        assertThat(doc).exists();
        Set<String> classes = new TreeSet<>();
        // main and test classes (the page names the tests that keep the house)
        for (JavaClass c : new ClassFileImporter().importPackages("org.goldenthread")) {
            classes.add(c.getSimpleName());
        }
        Matcher m =
                Pattern.compile("`([A-Z][A-Za-z0-9]+)(?:\\.[a-z][A-Za-z]*)?`").matcher(Files.readString(doc));
        List<String> named = new ArrayList<>();
        while (m.find()) {
            named.add(m.group(1));
        }
        assertThat(named).hasSizeGreaterThan(30);
        assertThat(named.stream().filter(n -> !classes.contains(n)).distinct().toList())
                .as("classes named but not in the code")
                .isEmpty();
    }
}
