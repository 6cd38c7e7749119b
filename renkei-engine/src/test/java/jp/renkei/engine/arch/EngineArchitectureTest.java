package jp.renkei.engine.arch;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

@AnalyzeClasses(packages = "jp.renkei.engine", importOptions = ImportOption.DoNotIncludeTests.class)
class EngineArchitectureTest {

  @ArchTest
  static final ArchRule engineIsPureJava =
      noClasses()
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage(
              "org.springframework..", "jakarta.servlet..", "java.sql..", "javax.sql..")
          .because(
              "the engine is pure Java: it is unit-tested, fuzzed and reused by the stream module"
                  + " without a container or a database");

  @ArchTest
  static final ArchRule mailTextIsCutWithTheMark =
      noClasses()
          .that()
          .resideInAPackage("jp.renkei.engine.mail")
          .and()
          .doNotHaveSimpleName("MailQuotes")
          .and()
          .doNotHaveSimpleName("RedFlag")
          .should()
          .callMethod(jp.renkei.engine.text.Names.class, "prefix", String.class, int.class)
          .because(
              "a text of a mail analysis is cut with \"…\" (Names.cut; MailQuotes and RedFlag add"
                  + " the mark themselves): a shared copy takes what is left of a victim's name at"
                  + " the mark, and a cut without it leaves half a name to every reader (share35)");
}
