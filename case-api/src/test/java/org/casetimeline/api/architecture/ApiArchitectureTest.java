package org.casetimeline.api.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** case-api wires and serves; SQL lives in case-projections, next to the tables it reads and writes. */
@AnalyzeClasses(packages = "org.casetimeline.api", importOptions = ImportOption.DoNotIncludeTests.class)
class ApiArchitectureTest {

    @ArchTest
    static final ArchRule noSql = noClasses().should().dependOnClassesThat()
            .resideInAnyPackage("java.sql..", "org.springframework.jdbc.core..");
}
