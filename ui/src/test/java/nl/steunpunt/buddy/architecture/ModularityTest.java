package nl.steunpunt.buddy.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModule;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

import nl.steunpunt.buddy.BuddyApplication;

class ModularityTest {

    private final ApplicationModules modules = ApplicationModules.of(BuddyApplication.class);

    @Test
    void the_modules_respect_their_declared_dependencies() {
        modules.verify();
    }

    @Test
    void every_bounded_context_of_the_foundation_is_a_module() {
        assertThat(modules.stream().map(ApplicationModule::getIdentifier).map(Object::toString))
                .contains("shared", "workflow", "recruitment", "processes", "ui");
    }

    /**
     * Generates the module documentation and refreshes the copy linked from the README only where
     * its content changed (the generator's line order varies from run to run).
     */
    @Test
    void writes_the_module_documentation_linked_from_the_readme() throws java.io.IOException {
        java.nio.file.Path generated = java.nio.file.Path.of("target/modulith-docs");
        java.nio.file.Path published = java.nio.file.Path.of("../infra/docs/modules");
        new Documenter(modules, Documenter.Options.defaults().withOutputFolder(generated.toString()))
                .writeModulesAsPlantUml()
                .writeIndividualModulesAsPlantUml()
                .writeModuleCanvases();
        java.nio.file.Files.createDirectories(published);
        try (var files = java.nio.file.Files.list(generated)) {
            for (java.nio.file.Path file : files.toList()) {
                java.nio.file.Path target = published.resolve(file.getFileName());
                if (!java.nio.file.Files.exists(target) || !sortedLines(target).equals(sortedLines(file))) {
                    java.nio.file.Files.copy(file, target, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
        assertThat(published.resolve("components.puml")).exists();
        assertThat(sortedLines(published.resolve("components.puml"))).isEqualTo(sortedLines(generated.resolve("components.puml")));
    }

    /**
     * The file's lines in order, so that the generator listing the same items in another order is no
     * change; the first item of an AsciiDoc table cell carries the cell marker, which is ignored too.
     */
    private static java.util.List<String> sortedLines(java.nio.file.Path file) throws java.io.IOException {
        return java.nio.file.Files.readAllLines(file).stream().map(line -> line.replaceFirst("^\\|\\* ", "* ")).sorted().toList();
    }
}
