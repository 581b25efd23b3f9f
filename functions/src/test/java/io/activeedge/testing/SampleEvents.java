package io.activeedge.testing;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * The sample events of {@code events/} (the folder links to functions/src/test/resources/events), read from the
 * test classpath: {@code sam build} runs these tests in a copy of functions/ alone, so they read nothing outside it.
 */
public final class SampleEvents {
    private SampleEvents() {
    }

    /** The bytes of {@code events/<file>}; a missing file fails the test. */
    public static byte[] read(String file) throws IOException {
        String resource = "/events/" + file;
        try (InputStream in = SampleEvents.class.getResourceAsStream(resource)) {
            if (in == null) {
                fail("no sample event " + resource + " on the test classpath (functions/src/test/resources" + resource + ")");
            }
            return in.readAllBytes();
        }
    }

    /** The bytes of {@code events/<function>-example.json}; a missing file fails the test. */
    public static byte[] example(String function) throws IOException {
        return read(function + "-example.json");
    }

    /** {@code events/<file>} as a stream; a missing file fails the test. */
    public static InputStream open(String file) throws IOException {
        return new ByteArrayInputStream(read(file));
    }
}
