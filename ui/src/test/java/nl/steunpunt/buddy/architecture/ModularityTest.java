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

    @Test
    void writes_the_module_documentation_linked_from_the_readme() {
        new Documenter(modules, Documenter.Options.defaults().withOutputFolder("../infra/docs/modules"))
                .writeModulesAsPlantUml()
                .writeIndividualModulesAsPlantUml()
                .writeModuleCanvases();
        assertThat(new java.io.File("../infra/docs/modules/components.puml")).exists();
    }
}
