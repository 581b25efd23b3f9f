package io.activeedge.local.localcloud;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The parts of template.yaml the local cloud needs: every function with its handler class,
 * and every state machine with its definition file and substitutions.
 */
public final class Template {

    /** The account and Region the local cloud pretends to be. */
    public static final String REGION = "us-east-1";
    public static final String ACCOUNT = "123456789012";

    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([^}]+)}");
    private static final Pattern ALIAS_ID = Pattern.compile("(.+)Alias([A-Za-z0-9]+)");

    /** A Lambda function of the template. */
    public record Function(String logicalId, String handlerClass, String functionName, int timeoutSeconds, int memoryMb) {
        public String arn() {
            return functionArn(logicalId);
        }
    }

    /** A state machine of the template, defined by a file in the repository. */
    public record StateMachine(String logicalId, String definitionUri, Map<String, Object> substitutions) {
        /** ProvisionStateMachine becomes active-edge-provision. */
        public String name() {
            String base = logicalId.endsWith("StateMachine")
                    ? logicalId.substring(0, logicalId.length() - "StateMachine".length())
                    : logicalId;
            return "active-edge-" + kebab(base.isEmpty() ? logicalId : base);
        }
    }

    /** An output of the template: its key, and its value as written (a literal or an intrinsic function). */
    public record Output(String key, String description, Object value) {
    }

    private final Path root;
    private final Path file;
    private final Map<String, Function> functions;
    private final Map<String, StateMachine> stateMachines;
    private final Map<String, Output> outputs;
    private final Map<String, String> aliases;

    Template(Path root, Path file, Map<String, Function> functions, Map<String, StateMachine> stateMachines,
                     Map<String, Output> outputs, Map<String, String> aliases) {
        this.root = root;
        this.file = file;
        this.functions = functions;
        this.stateMachines = stateMachines;
        this.outputs = outputs;
        this.aliases = aliases;
    }

    /** Reads template.yaml at the repository root. */
    public static Template load(Path repoRoot) {
        return TemplateReader.read(repoRoot);
    }

    public Path root() {
        return root;
    }

    public Map<String, Function> functions() {
        return functions;
    }

    public Map<String, StateMachine> stateMachines() {
        return stateMachines;
    }

    /** The template's Outputs, in the template's order. */
    public Map<String, Output> outputs() {
        return outputs;
    }

    /**
     * What an output would be on the local cloud: a state machine's local ARN for {@code !Ref} of a state machine,
     * the local function ARN for a function (with its alias for {@code !Ref Function.Alias}), the text of a literal,
     * and for anything the local cloud does not make a note that says so.
     *
     * @param stateMachineArns the local cloud's state machines by logical id
     */
    public String localValue(Output output, Map<String, String> stateMachineArns) {
        Object value = output.value();
        if (value instanceof String || value instanceof Number || value instanceof Boolean) {
            return String.valueOf(value);
        }
        Map<String, Object> intrinsic = asMap(value);
        if (intrinsic.get("Ref") instanceof String ref) {
            String target = ref.endsWith(".Alias") ? ref.substring(0, ref.length() - ".Alias".length()) : ref;
            if (stateMachineArns.containsKey(target)) {
                return stateMachineArns.get(target);
            }
            if (functions.containsKey(target)) {
                String alias = ref.endsWith(".Alias") ? aliases.get(target) : null;
                return functionArn(target) + (alias == null ? "" : ":" + alias);
            }
            Matcher aliasId = ALIAS_ID.matcher(ref);
            if (aliasId.matches() && functions.containsKey(aliasId.group(1))) {
                return functionArn(aliasId.group(1)) + ":" + aliasId.group(2);
            }
        }
        return substitution(value).orElse("not on the local cloud (" + output.key() + ")");
    }

    /**
     * The function a Lambda Invoke names: a logical id, the template's FunctionName,
     * or an ARN of either (with or without a version or alias qualifier).
     */
    public Optional<Function> findFunction(String nameOrArn) {
        String name = nameOrArn;
        if (name.startsWith("arn:")) {
            String[] parts = name.split(":");
            name = parts.length >= 7 ? parts[6] : name;
        } else if (name.contains(":function:")) {
            name = name.substring(name.indexOf(":function:") + ":function:".length());
        }
        if (name.contains(":")) {
            name = name.substring(0, name.indexOf(':'));
        }
        Function byId = functions.get(name);
        if (byId != null) {
            return Optional.of(byId);
        }
        String wanted = name;
        return functions.values().stream().filter(f -> wanted.equals(f.functionName())).findFirst();
    }

    /**
     * The state machine definition with every {@code ${...}} filled. Substitutions that reference a function
     * (its alias, its Arn or the function itself) become the local function ARN; plain strings stay as they are.
     */
    public String definition(StateMachine machine) {
        Path path = root.resolve(machine.definitionUri());
        String text;
        try {
            text = Files.readString(path, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new LocalCloudException(machine.logicalId() + ": cannot read DefinitionUri " + path + ": " + e, e);
        }
        Set<String> unresolved = new LinkedHashSet<>();
        Matcher matcher = PLACEHOLDER.matcher(text);
        StringBuilder out = new StringBuilder();
        while (matcher.find()) {
            String key = matcher.group(1);
            Optional<String> value = substitution(machine.substitutions().get(key));
            if (value.isEmpty()) {
                unresolved.add(key);
                matcher.appendReplacement(out, Matcher.quoteReplacement(matcher.group()));
            } else {
                matcher.appendReplacement(out, Matcher.quoteReplacement(value.get()));
            }
        }
        matcher.appendTail(out);
        if (!unresolved.isEmpty()) {
            List<String> reasons = new ArrayList<>();
            for (String key : unresolved) {
                Object value = machine.substitutions().get(key);
                reasons.add(value == null
                        ? "${" + key + "} is not in DefinitionSubstitutions"
                        : "${" + key + "} maps to " + value + ", which is not a function of the template");
            }
            throw new LocalCloudException(machine.definitionUri() + " (" + machine.logicalId() + "): the local cloud"
                    + " can only fill function ARNs and plain strings: " + String.join("; ", reasons));
        }
        return out.toString();
    }

    private Optional<String> substitution(Object value) {
        if (value instanceof String text) {
            return Optional.of(text);
        }
        if (value instanceof Number || value instanceof Boolean) {
            return Optional.of(String.valueOf(value));
        }
        Map<String, Object> intrinsic = asMap(value);
        if (intrinsic.get("Ref") instanceof String ref) {
            if (functions.containsKey(ref)) {
                return Optional.of(functionArn(ref));
            }
            Matcher alias = ALIAS_ID.matcher(ref);
            if (alias.matches() && functions.containsKey(alias.group(1))) {
                return Optional.of(functionArn(alias.group(1)));
            }
        }
        Object getAtt = intrinsic.get("Fn::GetAtt");
        List<?> parts = getAtt instanceof String text ? List.of(text.split("\\.", 2))
                : getAtt instanceof List<?> list ? list : List.of();
        if (parts.size() == 2 && "Arn".equals(parts.get(1)) && functions.containsKey(String.valueOf(parts.get(0)))) {
            return Optional.of(functionArn(String.valueOf(parts.get(0))));
        }
        return Optional.empty();
    }

    public static String functionArn(String logicalId) {
        return "arn:aws:lambda:" + REGION + ":" + ACCOUNT + ":function:" + logicalId;
    }

    static String kebab(String camel) {
        return camel.replaceAll("([a-z0-9])([A-Z])", "$1-$2")
                .replaceAll("([A-Z]+)([A-Z][a-z])", "$1-$2")
                .toLowerCase(Locale.ROOT);
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> asMap(Object value) {
        return value instanceof Map<?, ?> map ? (Map<String, Object>) map : Map.of();
    }

    @Override
    public String toString() {
        return file.toString();
    }
}
