package io.activeedge.validation;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import io.activeedge.core.Json;
import io.activeedge.core.JsonHandler;
import io.activeedge.errors.InvalidInputException;
import io.activeedge.input.AppSpec;
import java.io.IOException;
import java.io.InputStream;
import java.util.stream.Collectors;

/**
 * A function whose event is the user's own input file (events/provision.json): bound strictly, so that a typo
 * is an error naming the field, then checked and returned with its defaults filled in.
 */
public abstract class UserInputHandler extends JsonHandler<AppSpec, AppSpec> {
    protected final InputValidator validator = new InputValidator();

    protected UserInputHandler() {
        super(AppSpec.class);
    }

    @Override
    protected final AppSpec read(InputStream in) throws IOException {
        return parse(in.readAllBytes());
    }

    /** Binds the user's JSON strictly: an unknown field or a wrong type is an error naming the field. */
    static AppSpec parse(byte[] json) {
        try {
            AppSpec spec = Json.STRICT.readValue(json, AppSpec.class);
            if (spec == null) {
                throw new InvalidInputException("input", "is empty; expected a JSON object like events/provision.json");
            }
            return spec;
        } catch (UnrecognizedPropertyException e) {
            String known = e.getKnownPropertyIds() == null ? "" : e.getKnownPropertyIds().stream()
                    .map(Object::toString).sorted().collect(Collectors.joining(", "));
            throw new InvalidInputException(path(e), "unknown field; the fields here are " + known);
        } catch (JsonMappingException e) {
            throw new InvalidInputException(path(e), "has the wrong type: " + e.getOriginalMessage().split("\n")[0]);
        } catch (JsonProcessingException e) {
            throw new InvalidInputException("input", "is not valid JSON: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new InvalidInputException("input", "could not be read: " + e.getMessage());
        }
    }

    private static String path(JsonMappingException e) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference ref : e.getPath()) {
            if (ref.getFieldName() != null) {
                if (!path.isEmpty()) {
                    path.append('.');
                }
                path.append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                path.append('[').append(ref.getIndex()).append(']');
            }
        }
        return path.isEmpty() ? "input" : path.toString();
    }
}
