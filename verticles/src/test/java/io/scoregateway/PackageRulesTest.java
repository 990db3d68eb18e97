package io.scoregateway;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.library.dependencies.SliceAssignment;
import com.tngtech.archunit.library.dependencies.SliceIdentifier;

/**
 * The engine's package structure: no import cycle between its packages (the root, with the
 * verticles, counts as one), and the domain and the scoring pipeline free of HTTP, Redis and
 * tracing types, so they read and test without any of them.
 */
@AnalyzeClasses(packages = "io.scoregateway", importOptions = ImportOption.DoNotIncludeTests.class)
class PackageRulesTest {
  private static final String ROOT = "io.scoregateway";

  /** Each class to its top-level package under the root; the root's own classes to one more. */
  private static final SliceAssignment TOP_LEVEL_PACKAGES =
      new SliceAssignment() {
        @Override
        public SliceIdentifier getIdentifierOf(JavaClass c) {
          String pkg = c.getPackageName();
          if (pkg.equals(ROOT)) {
            return SliceIdentifier.of("(root)");
          }
          if (!pkg.startsWith(ROOT + ".")) {
            return SliceIdentifier.ignore();
          }
          String rest = pkg.substring(ROOT.length() + 1);
          int dot = rest.indexOf('.');
          return SliceIdentifier.of(dot < 0 ? rest : rest.substring(0, dot));
        }

        @Override
        public String getDescription() {
          return "the top-level packages of " + ROOT + " and the root itself";
        }
      };

  @ArchTest
  static final ArchRule noCyclesBetweenPackages =
      slices().assignedFrom(TOP_LEVEL_PACKAGES).should().beFreeOfCycles();

  @ArchTest
  static final ArchRule pipelineAndModelUseNoWebRedisOrTracingTypes =
      noClasses()
          .that()
          .resideInAnyPackage(ROOT + ".pipeline..", ROOT + ".model..")
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage("io.vertx.ext.web..", "io.vertx.redis..", "io.opentelemetry..");

  @ArchTest
  static final ArchRule modelUsesNoVertx =
      noClasses()
          .that()
          .resideInAPackage(ROOT + ".model..")
          .should()
          .dependOnClassesThat()
          .resideInAPackage("io.vertx..");

  @ArchTest
  static final ArchRule pipelineKnowsNothingOfItsObservers =
      noClasses()
          .that()
          .resideInAPackage(ROOT + ".pipeline..")
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage(ROOT + ".telemetry..", ROOT + ".http..", "io.micrometer..");

  /** The Redis client's internals are nobody's business, the transport's included. */
  @ArchTest
  static final ArchRule noneReachesIntoTheRedisClientsInternals =
      noClasses().should().dependOnClassesThat().resideInAPackage("io.vertx.redis.client.impl..");

  /** Only the transport opens Redis clients; the stores send calls through its links. */
  @ArchTest
  static final ArchRule onlyTheTransportOpensRedisClients =
      noClasses()
          .that()
          .resideOutsideOfPackage(ROOT + ".redis..")
          .should()
          .dependOnClassesThat()
          .haveFullyQualifiedName("io.vertx.redis.client.Redis")
          .orShould()
          .dependOnClassesThat()
          .haveFullyQualifiedName("io.vertx.redis.client.RedisConnection");

  /** Settings are plain values; Vert.x option types are built where ports and links open. */
  @ArchTest
  static final ArchRule configHoldsPlainValues =
      noClasses()
          .that()
          .resideInAPackage(ROOT + ".config..")
          .should()
          .dependOnClassesThat()
          .resideInAPackage("io.vertx..");
}
