package jp.renkei.server.arch;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import org.springframework.stereotype.Controller;
import org.springframework.stereotype.Repository;
import org.springframework.web.bind.annotation.RestController;

@AnalyzeClasses(packages = "jp.renkei.server", importOptions = ImportOption.DoNotIncludeTests.class)
class ServerArchitectureTest {

  @ArchTest
  static final ArchRule webEntryPointsArePackagePrivate =
      classes()
          .that()
          .areAnnotatedWith(Controller.class)
          .or()
          .areAnnotatedWith(RestController.class)
          .should()
          .notBePublic()
          .because("a feature's web entry points are its own; other features call its service");

  @ArchTest
  static final ArchRule repositoriesStayInsideTheirFeature =
      classes()
          .that()
          .areAnnotatedWith(Repository.class)
          .should()
          .notBePublic()
          .because("rows never leave a feature: other features go through its service");

  @ArchTest
  static final ArchRule servicesDoNotDependOnTheWebLayer =
      noClasses()
          .that()
          .haveSimpleNameEndingWith("Service")
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage("jakarta.servlet..", "org.springframework.web..")
          .because("services are called from the web, the CLI and jobs alike");

  @ArchTest
  static final ArchRule cliDoesNotUseTheWebLayer =
      noClasses()
          .that()
          .resideInAPackage("..cli..")
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage("..server.web..", "..server.security..", "..server.ui..")
          .because("CLI commands run without the web server");
}
