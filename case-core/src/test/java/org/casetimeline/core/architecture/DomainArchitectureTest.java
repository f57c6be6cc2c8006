package org.casetimeline.core.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import org.casetimeline.core.timeline.Timeline;

/** case-core is the domain: it knows nothing of Spring, SQL, JSON or the wall clock. */
@AnalyzeClasses(packages = "org.casetimeline.core", importOptions = ImportOption.DoNotIncludeTests.class)
class DomainArchitectureTest {

    @ArchTest
    static final ArchRule noSpring = noClasses().should().dependOnClassesThat().resideInAPackage("org.springframework..");

    @ArchTest
    static final ArchRule noSql = noClasses().should().dependOnClassesThat().resideInAnyPackage("java.sql..", "javax.sql..");

    @ArchTest
    static final ArchRule noJson = noClasses().should().dependOnClassesThat()
            .resideInAnyPackage("tools.jackson..", "com.fasterxml.jackson..");

    @ArchTest
    static final ArchRule noClockOrRandomIds = noClasses().should().callMethod(java.time.Instant.class, "now")
            .orShould().callMethod(java.util.UUID.class, "randomUUID")
            .orShould().callMethod(java.time.LocalDate.class, "now");

    /**
     * A check reads facts, never the records behind them: a timeline restricted to the kinds it reads still holds every
     * recording, and the same case at another clearance level shares the check's findings when its facts are the same.
     */
    @ArchTest
    static final ArchRule checksReadFactsOnly = noClasses().that().resideInAPackage("org.casetimeline.core.compliance..")
            .should().callMethod(Timeline.class, "recordings")
            .orShould().callMethod(Timeline.class, "heldLevel", org.casetimeline.core.timeline.Recording.class)
            .orShould().callMethod(Timeline.class, "visibleTo", org.casetimeline.core.shared.Confidentiality.class)
            .orShould().callMethod(Timeline.class, "knownAt", java.time.Instant.class);
}
