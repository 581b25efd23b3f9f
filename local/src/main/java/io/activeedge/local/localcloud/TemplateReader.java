package io.activeedge.local.localcloud;

import static io.activeedge.local.localcloud.Template.asMap;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Reads template.yaml into a {@link Template}: every AWS::Serverless::Function with its handler class (the
 * Globals filled in), every AWS::Serverless::StateMachine defined by a file, and the Outputs.
 */
final class TemplateReader {

    private TemplateReader() {
    }

    /** Reads template.yaml at the repository root. */
    static Template read(Path repoRoot) {
        Path file = repoRoot.resolve("template.yaml");
        if (!Files.isRegularFile(file)) {
            throw new LocalCloudException("no template.yaml in " + repoRoot.toAbsolutePath());
        }
        Object parsed;
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            parsed = CloudFormationYaml.yaml().load(reader);
        } catch (IOException e) {
            throw new LocalCloudException("cannot read " + file + ": " + e.getMessage(), e);
        } catch (RuntimeException e) {
            throw new LocalCloudException("cannot parse " + file + ": " + e.getMessage(), e);
        }
        Map<String, Object> template = asMap(parsed);
        Map<String, Object> globals = asMap(asMap(template.get("Globals")).get("Function"));
        Map<String, Template.Function> functions = new LinkedHashMap<>();
        Map<String, Template.StateMachine> stateMachines = new LinkedHashMap<>();
        Map<String, String> aliases = new LinkedHashMap<>();
        asMap(template.get("Resources")).forEach((logicalId, value) -> {
            Map<String, Object> resource = asMap(value);
            Map<String, Object> properties = asMap(resource.get("Properties"));
            String type = String.valueOf(resource.get("Type"));
            if (type.equals("AWS::Serverless::Function")) {
                functions.put(logicalId, function(logicalId, properties, globals, file));
                if (properties.getOrDefault("AutoPublishAlias", globals.get("AutoPublishAlias")) instanceof String alias) {
                    aliases.put(logicalId, alias);
                }
            } else if (type.equals("AWS::Serverless::StateMachine") && properties.get("DefinitionUri") instanceof String uri) {
                stateMachines.put(logicalId, new Template.StateMachine(logicalId, uri,
                        asMap(properties.get("DefinitionSubstitutions"))));
            }
        });
        Map<String, Template.Output> outputs = new LinkedHashMap<>();
        asMap(template.get("Outputs")).forEach((key, value) -> {
            Map<String, Object> output = asMap(value);
            outputs.put(key, new Template.Output(key, output.get("Description") instanceof String d ? d : null,
                    output.get("Value")));
        });
        return new Template(repoRoot, file, Collections.unmodifiableMap(functions), Collections.unmodifiableMap(stateMachines),
                Collections.unmodifiableMap(outputs), Collections.unmodifiableMap(aliases));
    }

    private static Template.Function function(String logicalId, Map<String, Object> properties,
                                              Map<String, Object> globals, Path file) {
        Object handler = properties.getOrDefault("Handler", globals.get("Handler"));
        if (!(handler instanceof String text) || text.isBlank()) {
            throw new LocalCloudException(file + ": " + logicalId + " has no Handler");
        }
        String handlerClass = text.contains("::") ? text.substring(0, text.indexOf("::")) : text;
        String functionName = properties.get("FunctionName") instanceof String name ? name : null;
        Object timeout = properties.getOrDefault("Timeout", globals.getOrDefault("Timeout", 3));
        Object memory = properties.getOrDefault("MemorySize", globals.getOrDefault("MemorySize", 128));
        return new Template.Function(logicalId, handlerClass, functionName,
                timeout instanceof Number n ? n.intValue() : 3, memory instanceof Number m ? m.intValue() : 128);
    }
}
