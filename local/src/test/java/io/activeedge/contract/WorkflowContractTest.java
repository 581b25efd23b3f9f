package io.activeedge.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.fasterxml.jackson.databind.JsonNode;
import io.activeedge.core.Json;
import io.activeedge.core.JsonHandler;
import io.activeedge.errors.ActiveEdgeException;
import io.activeedge.errors.AwsServerErrorException;
import io.activeedge.errors.ThrottledException;
import io.activeedge.errors.TransientNetworkException;
import io.activeedge.provisioning.RegionState;
import io.activeedge.provisioning.WorkflowState;
import io.activeedge.local.localcloud.Template;
import io.activeedge.local.report.TeardownOutput;
import io.activeedge.teardown.TeardownState;
import java.io.IOException;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The contract between template.yaml, the state machines, the handlers and events/: what one side
 * names, the other must have. A rename on one side fails here instead of in a deployed execution.
 */
class WorkflowContractTest {
    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([A-Za-z0-9]+)}");
    private static final Template TEMPLATE = Template.load(ROOT);
    /** The record each state machine's state follows, by the state machine's logical id. */
    private static final Map<String, Class<?>> STATE_TYPES = Map.of(
            "ProvisionStateMachine", WorkflowState.class,
            "TeardownStateMachine", TeardownState.class);
    /** The record the CLI reads each state machine's output as, by the state machine's logical id. */
    private static final Map<String, Class<?>> OUTPUT_TYPES = Map.of(
            "ProvisionStateMachine", WorkflowState.class,
            "TeardownStateMachine", TeardownOutput.class);

    @Test
    void template_everyFunctionHandler_isAStreamHandlerWithNoArgConstructor() throws Exception {
        assertFalse(TEMPLATE.functions().isEmpty(), "template.yaml declares no function");
        for (Template.Function function : TEMPLATE.functions().values()) {
            Class<?> type = Class.forName(function.handlerClass());
            assertTrue(RequestStreamHandler.class.isAssignableFrom(type), function.logicalId() + ": not a handler");
            assertNotNull(type.getConstructor(), function.logicalId() + ": Lambda needs a public no-argument constructor");
        }
    }

    @Test
    void stateMachines_everyPlaceholder_hasASubstitutionAndEverySubstitutionIsUsed() throws IOException {
        for (Template.StateMachine machine : TEMPLATE.stateMachines().values()) {
            String raw = Files.readString(ROOT.resolve(machine.definitionUri()));
            Set<String> used = new TreeSet<>();
            Matcher m = PLACEHOLDER.matcher(raw);
            while (m.find()) {
                used.add(m.group(1));
            }
            assertEquals(new TreeSet<>(machine.substitutions().keySet()), used, machine.logicalId());
        }
    }

    @Test
    void stateMachines_everyErrorName_isARealActiveEdgeException() throws IOException {
        for (JsonNode definition : definitions()) {
            for (String name : errorNames(definition)) {
                if (name.startsWith("States.") || name.startsWith("Lambda.")) {
                    continue;
                }
                try {
                    assertTrue(ActiveEdgeException.class.isAssignableFrom(Class.forName(name)), name);
                } catch (ClassNotFoundException e) {
                    fail("ErrorEquals names " + name + ", which is no class in io.activeedge.errors");
                }
            }
        }
    }

    /** Throttling, server errors and client-side network failures pass: every Task retries them, with backoff. */
    @Test
    void stateMachines_everyTask_retriesThrottlingServerAndTransientNetworkErrorsWithBackoff() throws IOException {
        List<String> transientErrors = List.of(ThrottledException.class.getName(),
                AwsServerErrorException.class.getName(), TransientNetworkException.class.getName());
        for (Template.StateMachine machine : TEMPLATE.stateMachines().values()) {
            JsonNode definition = Json.MAPPER.readTree(ROOT.resolve(machine.definitionUri()).toFile());
            List<Map.Entry<String, JsonNode>> tasks = tasks(definition.get("States"), machine.logicalId());
            assertFalse(tasks.isEmpty(), machine.logicalId() + " has no Task state");
            for (Map.Entry<String, JsonNode> task : tasks) {
                for (String error : transientErrors) {
                    JsonNode retrier = null;
                    for (JsonNode r : task.getValue().path("Retry")) {
                        List<String> names = new ArrayList<>();
                        r.path("ErrorEquals").forEach(n -> names.add(n.asText()));
                        if (names.contains(error)) {
                            retrier = r;
                            break;
                        }
                    }
                    assertNotNull(retrier, task.getKey() + ": its Retry does not match " + error);
                    assertTrue(retrier.path("MaxAttempts").asInt(3) > 1, task.getKey() + ": retries " + error + " once");
                    assertTrue(retrier.path("BackoffRate").asDouble(2.0) > 1, task.getKey() + ": no backoff for " + error);
                }
            }
        }
    }

    @Test
    void stateMachines_everyTransition_targetsAStateAndEveryStateIsReachable() throws IOException {
        for (JsonNode definition : definitions()) {
            checkGraph(definition, "top level");
        }
    }

    /** Each task keeps exactly the fields its handler returns, under a key the next handler reads. */
    @Test
    void stateMachines_taskResults_matchHandlerRecordsAndStateRecords() throws Exception {
        for (Template.StateMachine machine : TEMPLATE.stateMachines().values()) {
            Class<?> stateType = STATE_TYPES.get(machine.logicalId());
            assertNotNull(stateType, machine.logicalId() + ": which record does its state follow? Add it to STATE_TYPES");
            JsonNode definition = Json.MAPPER.readTree(ROOT.resolve(machine.definitionUri()).toFile());
            checkTasks(definition.get("States"), stateType);
        }
    }

    /**
     * The CLI reads each workflow's output through records (ProvisionSummary, TeardownSummary): the Summarize state
     * must write only fields those records read, by the same names, so a rename on one side fails here.
     */
    @Test
    void stateMachines_summarizeOutput_isTheRecordTheCliReads() throws IOException {
        for (Template.StateMachine machine : TEMPLATE.stateMachines().values()) {
            Class<?> outputType = OUTPUT_TYPES.get(machine.logicalId());
            assertNotNull(outputType, machine.logicalId() + ": which record does the CLI read its output as?"
                    + " Add it to OUTPUT_TYPES");
            JsonNode summarize = Json.MAPPER.readTree(ROOT.resolve(machine.definitionUri()).toFile())
                    .at("/States/Summarize/Parameters");
            assertTrue(summarize.isObject(), machine.logicalId() + ": no Summarize state with Parameters");
            checkWritten(summarize, outputType, machine.logicalId() + " Summarize");
            if (outputType == TeardownOutput.class) {
                assertEquals(components(outputType).keySet(), keys(summarize),
                        "TeardownOutput is exactly what Summarize writes");
            }
        }
    }

    /** Every key of {@code parameters} is a component of {@code type}; an object written in place, of its type. */
    private static void checkWritten(JsonNode parameters, Class<?> type, String where) {
        Map<String, Class<?>> components = components(type);
        for (String key : keys(parameters)) {
            assertTrue(components.containsKey(key), where + " writes " + key + ", which " + type.getSimpleName()
                    + " does not read");
            JsonNode value = parameters.get(key);
            if (value != null && value.isObject()) {
                checkWritten(value, components.get(key), where + "." + key);
            }
        }
    }

    private static Set<String> keys(JsonNode parameters) {
        Set<String> keys = new TreeSet<>();
        parameters.fieldNames().forEachRemaining(k -> keys.add(k.replaceFirst("\\.\\$$", "")));
        return keys;
    }

    private static Map<String, Class<?>> components(Class<?> record) {
        assertTrue(record.isRecord(), record + " is not a record");
        return Arrays.stream(record.getRecordComponents())
                .collect(Collectors.toMap(RecordComponent::getName, RecordComponent::getType));
    }

    @Test
    void events_everyFile_isReadByItsFunctionAndEveryFunctionHasOne() throws Exception {
        Set<String> withEvents = new HashSet<>();
        try (Stream<Path> files = Files.list(ROOT.resolve("events"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".json")).toList()) {
                String name = file.getFileName().toString();
                JsonNode event = Json.MAPPER.readTree(file.toFile());
                assertTrue(event.isObject(), name + " is not a JSON object");
                if (name.equals("provision.json")) {
                    continue;
                }
                String function = name.substring(0, name.indexOf('-'));
                Template.Function f = TEMPLATE.functions().get(function);
                assertNotNull(f, name + ": no function " + function + " in template.yaml");
                Class<?> input = handlerTypes(Class.forName(f.handlerClass()))[0];
                Object parsed = Json.MAPPER.treeToValue(event, input);
                if (parsed instanceof Record record) {
                    for (RecordComponent c : record.getClass().getRecordComponents()) {
                        if (event.has(c.getName())) {
                            assertNotNull(c.getAccessor().invoke(record), name + ": " + c.getName() + " was not read");
                        }
                    }
                }
                withEvents.add(function);
            }
        }
        assertEquals(new TreeSet<>(TEMPLATE.functions().keySet()), new TreeSet<>(withEvents),
                "every function has an events/<Function>-<case>.json for sam local invoke");
    }

    private void checkTasks(JsonNode states, Class<?> stateType) throws Exception {
        Set<String> stateFields = Arrays.stream(stateType.getRecordComponents()).map(RecordComponent::getName)
                .collect(Collectors.toSet());
        for (Iterator<Map.Entry<String, JsonNode>> it = states.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> entry = it.next();
            JsonNode state = entry.getValue();
            if (state.path("Type").asText().equals("Map")) {
                checkTasks(state.at("/ItemProcessor/States"), RegionState.class);
                continue;
            }
            if (!state.path("Type").asText().equals("Task")) {
                continue;
            }
            String where = entry.getKey();
            Matcher m = PLACEHOLDER.matcher(state.at("/Parameters/FunctionName").asText());
            assertTrue(m.matches(), where + ": FunctionName must be a ${...Arn} substitution");
            String function = m.group(1).replaceFirst("Arn$", "");
            Template.Function f = TEMPLATE.functions().get(function);
            assertNotNull(f, where + ": no function " + function + " in template.yaml");
            Class<?>[] types = handlerTypes(Class.forName(f.handlerClass()));
            String resultPath = state.path("ResultPath").asText();
            if (resultPath.equals("$")) {
                continue; // ValidateInput: its result becomes the state
            }
            assertEquals(stateType, types[0], where + ": its handler must read " + stateType.getSimpleName());
            String key = resultPath.replaceFirst("^\\$\\.", "");
            assertTrue(stateFields.contains(key), where + ": writes $." + key + ", which "
                    + stateType.getSimpleName() + " does not read");
            Set<String> selected = new TreeSet<>();
            state.get("ResultSelector").fieldNames().forEachRemaining(k -> selected.add(k.replaceFirst("\\.\\$$", "")));
            Set<String> returned = Arrays.stream(types[1].getRecordComponents()).map(RecordComponent::getName)
                    .collect(Collectors.toCollection(TreeSet::new));
            assertEquals(returned, selected, where + ": ResultSelector must keep every field "
                    + types[1].getSimpleName() + " has, and no other");
        }
    }

    private static Class<?>[] handlerTypes(Class<?> handler) {
        Type type = handler.getGenericSuperclass();
        while (!(type instanceof ParameterizedType p && p.getRawType() == JsonHandler.class)) {
            type = ((Class<?>) (type instanceof ParameterizedType p2 ? p2.getRawType() : type)).getGenericSuperclass();
        }
        Type[] args = ((ParameterizedType) type).getActualTypeArguments();
        return new Class<?>[] {(Class<?>) args[0], (Class<?>) args[1]};
    }

    private static void checkGraph(JsonNode machine, String where) {
        JsonNode states = machine.get("States");
        Set<String> names = new HashSet<>();
        states.fieldNames().forEachRemaining(names::add);
        String start = machine.get("StartAt").asText();
        assertTrue(names.contains(start), where + ": StartAt " + start + " is no state");
        Set<String> reached = new HashSet<>();
        List<String> todo = new ArrayList<>(List.of(start));
        while (!todo.isEmpty()) {
            String name = todo.remove(todo.size() - 1);
            if (!reached.add(name)) {
                continue;
            }
            JsonNode state = states.get(name);
            assertNotNull(state, where + ": a transition names " + name + ", which is no state");
            List<String> next = new ArrayList<>();
            if (state.has("Next")) {
                next.add(state.get("Next").asText());
            }
            if (state.has("Default")) {
                next.add(state.get("Default").asText());
            }
            state.path("Choices").forEach(c -> next.add(c.get("Next").asText()));
            state.path("Catch").forEach(c -> next.add(c.get("Next").asText()));
            String type = state.get("Type").asText();
            boolean terminal = state.path("End").asBoolean(false) || type.equals("Succeed") || type.equals("Fail");
            assertTrue(terminal || !next.isEmpty(), where + ": " + name + " neither ends nor goes anywhere");
            if (type.equals("Map")) {
                checkGraph(state.get("ItemProcessor"), name);
            }
            todo.addAll(next);
        }
        assertEquals(names, reached, where + ": some states cannot be reached");
    }

    /** Every Task state, in Map and Parallel states too, as "machine/state" and the state. */
    private static List<Map.Entry<String, JsonNode>> tasks(JsonNode states, String where) {
        List<Map.Entry<String, JsonNode>> tasks = new ArrayList<>();
        states.fields().forEachRemaining(e -> {
            JsonNode state = e.getValue();
            String name = where + "/" + e.getKey();
            switch (state.path("Type").asText()) {
                case "Task" -> tasks.add(Map.entry(name, state));
                case "Map" -> tasks.addAll(tasks((state.has("ItemProcessor") ? state.get("ItemProcessor")
                        : state.get("Iterator")).get("States"), name));
                case "Parallel" -> state.path("Branches").forEach(b -> tasks.addAll(tasks(b.get("States"), name)));
                default -> { }
            }
        });
        return tasks;
    }

    private static List<String> errorNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        if (node.isObject()) {
            node.fields().forEachRemaining(e -> {
                if (e.getKey().equals("ErrorEquals")) {
                    e.getValue().forEach(n -> names.add(n.asText()));
                } else {
                    names.addAll(errorNames(e.getValue()));
                }
            });
        } else if (node.isArray()) {
            node.forEach(n -> names.addAll(errorNames(n)));
        }
        return names;
    }

    private static List<JsonNode> definitions() throws IOException {
        List<JsonNode> out = new ArrayList<>();
        for (Template.StateMachine machine : TEMPLATE.stateMachines().values()) {
            out.add(Json.MAPPER.readTree(ROOT.resolve(machine.definitionUri()).toFile()));
        }
        assertFalse(out.isEmpty(), "template.yaml declares no state machine");
        return out;
    }
}
