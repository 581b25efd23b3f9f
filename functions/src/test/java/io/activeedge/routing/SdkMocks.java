package io.activeedge.routing;

import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.withSettings;

import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Consumer;
import org.mockito.Answers;

/** Test support shared by the routing and origins tests. */
public final class SdkMocks {
    private SdkMocks() {
    }

    /**
     * A Mockito mock of an SDK client whose {@code Consumer<Builder>} overloads run their real default body,
     * which builds the request and calls the request overload: tests stub and verify that one form only.
     */
    public static <T> T client(Class<T> type) {
        return mock(type, withSettings().defaultAnswer(invocation -> {
            Method method = invocation.getMethod();
            if (method.isDefault() && method.getParameterCount() == 1
                    && Consumer.class.isAssignableFrom(method.getParameterTypes()[0])) {
                return invocation.callRealMethod();
            }
            return Answers.RETURNS_DEFAULTS.answer(invocation);
        }));
    }

    /** The sample event of a function, when the tests run inside the repository (sam build copies functions/ alone). */
    public static Optional<Path> event(String function) {
        Path path = Path.of("..", "events", function + "-example.json");
        return Files.isRegularFile(path) ? Optional.of(path) : Optional.empty();
    }
}
