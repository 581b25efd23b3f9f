package io.activeedge.local;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaConstructorCall;
import com.tngtech.archunit.core.domain.JavaMethodCall;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import io.activeedge.local.bench.Route53Probe;
import io.activeedge.local.localcloud.LocalClients;
import io.activeedge.local.target.AwsAccount;
import software.amazon.awssdk.core.SdkClient;

/**
 * The layers of local/ (ARCHITECTURE.md), as rules over its main classes: the command line uses drills and
 * reports, they use targets, targets use the emulator, and never the other way round.
 */
@AnalyzeClasses(packages = "io.activeedge.local", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    private static final String CLI = "io.activeedge.local.cli..";
    private static final String DRILL = "io.activeedge.local.drill..";
    private static final String BENCH = "io.activeedge.local.bench..";
    private static final String REPORT = "io.activeedge.local.report..";
    private static final String TARGET = "io.activeedge.local.target..";
    private static final String LOCAL_CLOUD = "io.activeedge.local.localcloud..";
    private static final String PLACES = "io.activeedge.local.places..";

    /** The emulator serves any AWS client; what the commands do with it is none of its business. */
    @ArchTest
    static final ArchRule localCloud_dependencies_neverReachWhatUsesIt = noClasses()
            .that().resideInAPackage(LOCAL_CLOUD)
            .should().dependOnClassesThat().resideInAnyPackage(CLI, DRILL, BENCH, REPORT, TARGET)
            .because("the local cloud is the emulator: the CLI, drills, reports and targets use it, not the other way");

    /** Where clients and Regions are: a table the reports, the drills and the local cloud share, using none of them. */
    @ArchTest
    static final ArchRule places_dependencies_noOtherPackageOfLocal = noClasses()
            .that().resideInAPackage(PLACES)
            .should().dependOnClassesThat().resideInAnyPackage(CLI, DRILL, BENCH, REPORT, TARGET, LOCAL_CLOUD)
            .because("the table of client locations is the bottom layer: the view and the emulator read the same one");

    /** A layer uses the layers below it (skipping some is fine), never one above. */
    @ArchTest
    static final ArchRule packages_dependencies_pointOnlyDownTheLayers = layeredArchitecture()
            .consideringOnlyDependenciesInLayers()
            .layer("command line").definedBy(CLI)
            .layer("drills").definedBy(DRILL)
            .layer("benchmark").definedBy(BENCH)
            .layer("reports").definedBy(REPORT)
            .layer("targets").definedBy(TARGET)
            .layer("local cloud").definedBy(LOCAL_CLOUD)
            .whereLayer("command line").mayNotBeAccessedByAnyLayer()
            .whereLayer("drills").mayOnlyBeAccessedByLayers("command line")
            .whereLayer("benchmark").mayOnlyBeAccessedByLayers("command line")
            .whereLayer("reports").mayOnlyBeAccessedByLayers("command line", "drills")
            .whereLayer("targets").mayOnlyBeAccessedByLayers("command line", "drills", "reports")
            .whereLayer("local cloud").mayOnlyBeAccessedByLayers("command line", "drills", "benchmark", "targets");

    /** Each package on its own (cli and cli.command too): none needs one that needs it. */
    @ArchTest
    static final ArchRule packages_dependencies_formNoCycle = slices().matching("io.activeedge.local.(**)")
            .should().beFreeOfCycles();

    /** The command line's library stays in the command line. */
    @ArchTest
    static final ArchRule picocli_users_onlyTheCommandLine = noClasses().that().resideOutsideOfPackage(CLI)
            .should().dependOnClassesThat().resideInAPackage("picocli..");

    /**
     * SDK clients are built in one place each: on the local cloud by LocalClients (moto, its credentials, out of the
     * API call count), in an AWS account by AwsAccount (the SDK's defaults), and in the benchmark's baseline as a
     * function builds one. Everything else gets its clients from those.
     */
    @ArchTest
    static final ArchRule sdkClients_builders_calledOnlyByTheClientFactories = noClasses()
            .that().doNotHaveFullyQualifiedName(LocalClients.class.getName())
            .and().doNotHaveFullyQualifiedName(AwsAccount.class.getName())
            .and().doNotHaveFullyQualifiedName(Route53Probe.class.getName())
            .should().callMethodWhere(sdkClientBuilder())
            .because("a client built elsewhere misses the local cloud's endpoint, credentials or timeouts");

    /** One JSON mapping for local/ and the functions: io.activeedge.core.Json. */
    @ArchTest
    static final ArchRule objectMappers_constructors_neverCalledInLocal = noClasses()
            .should().callConstructorWhere(objectMapperConstructor())
            .because("io.activeedge.core.Json.MAPPER is the one mapping the functions write their records with");

    private static DescribedPredicate<JavaMethodCall> sdkClientBuilder() {
        return new DescribedPredicate<>("the builder() of an AWS SDK client") {
            @Override
            public boolean test(JavaMethodCall call) {
                return call.getName().equals("builder") && call.getTargetOwner().isAssignableTo(SdkClient.class);
            }
        };
    }

    private static DescribedPredicate<JavaConstructorCall> objectMapperConstructor() {
        return new DescribedPredicate<>("a constructor of Jackson's ObjectMapper") {
            @Override
            public boolean test(JavaConstructorCall call) {
                return call.getTargetOwner().isAssignableTo(ObjectMapper.class);
            }
        };
    }
}
