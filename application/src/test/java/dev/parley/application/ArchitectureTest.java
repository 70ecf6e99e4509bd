package dev.parley.application;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

class ArchitectureTest {

    private static JavaClasses classes;

    @BeforeAll
    static void importParley() {
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                                         .importPackages("dev.parley");
    }

    @Test
    void theDomainKnowsNoSpringNoJdbcAndNoOtherModule() {
        noClasses().that().resideInAnyPackage("dev.parley.negotiation..", "dev.parley.incident..",
                                              "dev.parley.shared..")
                   .should().dependOnClassesThat()
                   .resideInAnyPackage("org.springframework..", "java.sql..", "javax.sql..",
                                       "dev.parley.projections..", "dev.parley.application..",
                                       "com.fasterxml.jackson..")
                   .check(classes);
    }

    @Test
    void projectionsSeeOnlyTheApiPackagesOfTheDomain() {
        noClasses().that().resideInAPackage("dev.parley.projections..")
                   .should().dependOnClassesThat()
                   .resideInAnyPackage("dev.parley.negotiation", "dev.parley.incident", "dev.parley.shared",
                                       "dev.parley.application..")
                   .check(classes);
    }

    @Test
    void nothingUsesXStream() {
        noClasses().should().dependOnClassesThat().resideInAPackage("com.thoughtworks.xstream..").check(classes);
    }

    @Test
    void noPackageCycles() {
        slices().matching("dev.parley.(**)").should().beFreeOfCycles().check(classes);
    }

    @Test
    void theLibraryNeverDependsOnTheCommandLine() {
        noClasses().that().resideOutsideOfPackage("dev.parley.cli..")
                   .should().dependOnClassesThat().resideInAPackage("dev.parley.cli..")
                   .check(classes);
    }

    @Test
    void theLibraryLeavesSpringToTheStarter() {
        noClasses().that().resideInAnyPackage("dev.parley.application..", "dev.parley.projections..")
                   .should().dependOnClassesThat().resideInAnyPackage("org.springframework..",
                                                                      "org.axonframework.spring..",
                                                                      "org.axonframework.springboot..")
                   .check(classes);
    }
}
