package io.activeedge.testing;

import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.withSettings;

import java.lang.reflect.Method;
import java.util.function.Consumer;
import org.mockito.Answers;

/** Mockito support for tests that stub an SDK client instead of using a fake. */
public final class SdkMocks {
    private SdkMocks() {
    }

    /**
     * A Mockito mock of an SDK client whose {@code Consumer<Builder>} overloads and paginators run their real default
     * body, which builds the request and calls the request overload (a paginator once a page, as the loop reaches
     * it): tests stub and verify that one form only.
     */
    public static <T> T client(Class<T> type) {
        return mock(type, withSettings().defaultAnswer(invocation -> {
            Method method = invocation.getMethod();
            if (method.isDefault() && (method.getName().endsWith("Paginator") || method.getParameterCount() == 1
                    && Consumer.class.isAssignableFrom(method.getParameterTypes()[0]))) {
                return invocation.callRealMethod();
            }
            return Answers.RETURNS_DEFAULTS.answer(invocation);
        }));
    }
}
