package nl.steunpunt.buddy.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import org.junit.jupiter.api.Test;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;

import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;

class ArchitectureTest {

    private final JavaClasses main = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("nl.steunpunt.buddy");

    @Test
    void only_the_workflow_module_uses_the_engine() {
        noClasses().that().resideOutsideOfPackages("nl.steunpunt.buddy.workflow..")
                .should().dependOnClassesThat().resideInAPackage("org.camunda..")
                .because("the engine is an implementation detail of the workflow module (Camunda 7 CE is end-of-life)")
                .check(main);
    }

    @Test
    void modules_never_depend_on_the_ui() {
        noClasses().that().resideOutsideOfPackages("nl.steunpunt.buddy.ui..")
                .and().doNotHaveFullyQualifiedName("nl.steunpunt.buddy.BuddyApplication")
                .should().dependOnClassesThat().resideInAPackage("nl.steunpunt.buddy.ui..")
                .check(main);
    }

    @Test
    void domain_modules_know_nothing_of_vaadin() {
        noClasses().that().resideOutsideOfPackages("nl.steunpunt.buddy.ui..")
                .and().doNotHaveFullyQualifiedName("nl.steunpunt.buddy.BuddyApplication")
                .should().dependOnClassesThat().resideInAPackage("com.vaadin..")
                .check(main);
    }

    @Test
    void every_view_declares_who_may_open_it() {
        classes().that().areAnnotatedWith(Route.class)
                .should().beAnnotatedWith(RolesAllowed.class)
                .orShould().beAnnotatedWith(PermitAll.class)
                .orShould().beAnnotatedWith(AnonymousAllowed.class)
                .check(main);
    }

    @Test
    void entities_and_repositories_stay_inside_their_module() {
        noClasses().that().resideOutsideOfPackages("nl.steunpunt.buddy.recruitment..")
                .should().dependOnClassesThat().resideInAPackage("nl.steunpunt.buddy.recruitment.internal..")
                .check(main);
        noClasses().that().resideOutsideOfPackages("nl.steunpunt.buddy.workflow..")
                .should().dependOnClassesThat().resideInAPackage("nl.steunpunt.buddy.workflow.internal..")
                .check(main);
    }
}
