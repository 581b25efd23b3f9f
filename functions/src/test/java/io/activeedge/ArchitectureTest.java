package io.activeedge;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.assignableTo;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaAccess;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaCodeUnit;
import com.tngtech.archunit.core.domain.JavaMethod;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import io.activeedge.core.JsonHandler;
import io.activeedge.provisioning.RegionState;
import io.activeedge.provisioning.WorkflowState;
import io.activeedge.teardown.TeardownState;
import java.util.Arrays;
import software.amazon.awssdk.core.SdkClient;
import software.amazon.awssdk.http.SdkHttpClient;

/**
 * How the functions are layered (ARCHITECTURE.md, "functions/"): handlers call services, services call the AWS
 * clients; state and result records, core and errors sit underneath. Checked on the production classes only.
 */
@AnalyzeClasses(packages = "io.activeedge", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {
    /** The Lambda handlers: what template.yaml names (JsonHandler and UserInputHandler are their bases). */
    private static final DescribedPredicate<JavaClass> HANDLERS = assignableTo(JsonHandler.class);
    /** Records that carry the workflows' JSON: the input, and the provisioning and teardown states and results. */
    private static final DescribedPredicate<JavaClass> RECORDS =
            resideInAnyPackage("io.activeedge.input..", "io.activeedge.provisioning..", "io.activeedge.teardown..");
    private static final DescribedPredicate<JavaClass> CORE = resideInAPackage("io.activeedge.core..");
    private static final DescribedPredicate<JavaClass> ERRORS = resideInAPackage("io.activeedge.errors..");
    /** Everything else of ours: the services of each capability (routing, certificates, origins, ...). */
    private static final DescribedPredicate<JavaClass> SERVICES = resideInAPackage("io.activeedge..")
            .and(DescribedPredicate.not(HANDLERS)).and(DescribedPredicate.not(RECORDS))
            .and(DescribedPredicate.not(CORE)).and(DescribedPredicate.not(ERRORS))
            .as("services");

    /** Handlers -> services -> records; nothing depends on a handler; core and errors serve all of them. */
    @ArchTest
    static final ArchRule layers = layeredArchitecture()
            .consideringOnlyDependenciesInAnyPackage("io.activeedge..")
            .layer("Handlers").definedBy(HANDLERS)
            .layer("Services").definedBy(SERVICES)
            .layer("Records").definedBy(RECORDS)
            .layer("Core").definedBy(CORE)
            .layer("Errors").definedBy(ERRORS)
            .whereLayer("Handlers").mayNotBeAccessedByAnyLayer()
            .whereLayer("Services").mayOnlyBeAccessedByLayers("Handlers")
            .whereLayer("Records").mayOnlyAccessLayers("Core")
            .whereLayer("Core").mayOnlyAccessLayers("Errors")
            .whereLayer("Errors").mayNotAccessAnyLayer();

    /** A handler reads its state record, calls a service and returns its result: no AWS call of its own. */
    @ArchTest
    static final ArchRule handlersCallNoAwsClient = noClasses().that(HANDLERS)
            .should().callMethodWhere(ownerIsA(SdkClient.class))
            .as("handlers call no AWS client: a service does")
            .because("a handler is thin (STYLE.md, 1)");

    /** A concrete handler declares its constructors and handle(); reading the event is JsonHandler's. */
    @ArchTest
    static final ArchRule handlersAreThin = classes().that(HANDLERS).and().doNotHaveModifier(JavaModifier.ABSTRACT)
            .should(declareNoMethodBut("handle"))
            .because("a handler is thin (STYLE.md, 1): its logic lives in a service that a test builds with fakes");

    /** Services take the fields they use; only handlers (and the records themselves) know the whole states. */
    @ArchTest
    static final ArchRule onlyHandlersReadWholeStates = noClasses().that(SERVICES)
            .should().dependOnClassesThat().belongToAnyOf(WorkflowState.class, RegionState.class, TeardownState.class)
            .because("a handler unpacks its state, so a service and its tests need no whole-state fixture");

    /** Records are plain data: no AWS SDK type in the workflows' JSON. */
    @ArchTest
    static final ArchRule recordsUseNoAwsSdk = noClasses().that(RECORDS)
            .should().dependOnClassesThat().resideInAPackage("software.amazon.awssdk..");

    @ArchTest
    static final ArchRule noPackageCycles = slices().matching("io.activeedge.(**)").should().beFreeOfCycles();

    /** One JSON mapping (core.Json), used by every handler, the local cloud and the tests. */
    @ArchTest
    static final ArchRule objectMappersOnlyInCore = noClasses().that().resideOutsideOfPackage("io.activeedge.core..")
            .should().callConstructorWhere(ownerIsA(ObjectMapper.class))
            .orShould().callMethodWhere(ownerIsA(ObjectMapper.class).and(named("copy")))
            .because("core.Json holds the one mapping of the workflows' JSON");

    /** One factory (core.Clients) builds every SDK client and its HTTP client, with the settings they share. */
    @ArchTest
    static final ArchRule sdkClientsBuiltOnlyInCore = noClasses().that().resideOutsideOfPackage("io.activeedge.core..")
            .should().callMethodWhere(ownerIsA(SdkClient.class).and(named("builder", "create")))
            .orShould().callMethodWhere(ownerIsA(SdkHttpClient.class).and(named("builder", "create")))
            .because("core.Clients builds every client once, with the same HTTP client, retries and timeouts");

    /** The state machines name the error classes: they depend on nothing of ours, so nothing drags them along. */
    @ArchTest
    static final ArchRule errorsDependOnNothingOfOurs = classes().that(ERRORS)
            .should().onlyDependOnClassesThat(ERRORS.or(DescribedPredicate.not(resideInAPackage("io.activeedge.."))));

    private static DescribedPredicate<JavaAccess<?>> ownerIsA(Class<?> type) {
        return DescribedPredicate.describe("target owner is a " + type.getSimpleName(),
                access -> access.getTargetOwner().isAssignableTo(type));
    }

    private static DescribedPredicate<JavaAccess<?>> named(String... names) {
        return DescribedPredicate.describe("named " + String.join(" or ", names),
                access -> Arrays.asList(names).contains(access.getName()));
    }

    private static ArchCondition<JavaClass> declareNoMethodBut(String name) {
        return new ArchCondition<>("declare no method but " + name + "()") {
            @Override
            public void check(JavaClass handler, ConditionEvents events) {
                for (JavaMethod method : handler.getMethods()) {
                    boolean generated = method.getModifiers().contains(JavaModifier.SYNTHETIC)
                            || method.getModifiers().contains(JavaModifier.BRIDGE);
                    if (!generated && !method.getName().equals(name) && !isLambda(method)) {
                        events.add(SimpleConditionEvent.violated(method, handler.getName() + " declares "
                                + method.getName() + "(): move that logic into a service"));
                    }
                }
            }
        };
    }

    private static boolean isLambda(JavaCodeUnit method) {
        return method.getName().startsWith("lambda$");
    }
}
