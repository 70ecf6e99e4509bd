package dev.parley.web;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

class WebArchitectureTest {

    private static JavaClasses classes;

    @BeforeAll
    static void importTheConsole() {
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                                         .importPackages("dev.parley.web");
    }

    @Test
    void theConsoleHasNoPackageCycles() {
        slices().matching("dev.parley.web.(**)").should().beFreeOfCycles().check(classes);
        noClasses().that().resideInAnyPackage("dev.parley.web.api..", "dev.parley.web.security..")
                   .should().dependOnClassesThat().resideInAPackage("dev.parley.web")
                   .check(classes);
    }

    @Test
    void theConsoleKnowsNeitherTheCommandLineNorTheStarterNorAxonsSpringConfiguration() {
        noClasses().should().dependOnClassesThat().resideInAnyPackage("dev.parley.cli..", "dev.parley.starter..",
                                                                      "org.axonframework.spring..",
                                                                      "org.axonframework.springboot..")
                   .check(classes);
    }

    @Test
    void theConsoleNeverSendsACommandToTheRecord() {
        noClasses().should().callMethod(dev.parley.application.Parley.class, "commands")
                   .orShould().callMethod(dev.parley.application.Parley.class, "sendAndAwaitReadModels",
                                          Object.class, java.time.Duration.class)
                   .check(classes);
    }
}
