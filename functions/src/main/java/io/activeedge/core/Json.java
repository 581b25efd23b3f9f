package io.activeedge.core;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/** The one JSON mapping used by every handler, the local cloud and the tests. */
public final class Json {

    /** Workflow payloads: tolerant of the fields a step does not read. */
    public static final ObjectMapper MAPPER = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .setSerializationInclusion(JsonInclude.Include.NON_NULL);

    /** User input: every field must be one we know, so a typo is an error, not a silent default. */
    public static final ObjectMapper STRICT = MAPPER.copy()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);

    /**
     * Step results: every field is written, null included, so that a state machine's ResultSelector
     * can name each one without failing on an absent key.
     */
    public static final ObjectMapper RESULTS = MAPPER.copy().setSerializationInclusion(JsonInclude.Include.ALWAYS);

    private Json() {
    }
}
