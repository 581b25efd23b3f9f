package io.activeedge.local.target;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.activeedge.core.Json;
import java.io.IOException;
import org.junit.jupiter.api.Test;

class WorkflowRunTest {

    private static final ObjectMapper JSON = Json.MAPPER;
    /** What Step Functions accepts as an execution name. */
    private static final String NAME = "[A-Za-z0-9_-]{1,80}";

    @Test
    void executionName_app_startsWithTheAppAndTheWorkflow() throws IOException {
        String name = WorkflowRun.executionName(Workflow.TEARDOWN, JSON.readTree("{\"app\": \"shop\"}"));

        assertTrue(name.matches("shop-teardown-\\d{8}-\\d{6}-[0-9a-f]{4}"), name);
    }

    @Test
    void executionName_appWithOtherCharactersOrNone_isStillAValidName() throws IOException {
        String odd = WorkflowRun.executionName(Workflow.PROVISION,
                JSON.readTree("{\"app\": \"a very/long name with spaces and more than enough words\"}"));
        String none = WorkflowRun.executionName(Workflow.PROVISION, JSON.readTree("{}"));

        assertTrue(odd.matches(NAME) && odd.startsWith("averylongnamewithspacesa-provision-"), odd);
        assertTrue(none.matches(NAME) && none.startsWith("provision-"), none);
    }

    @Test
    void causeMessage_lambdaErrorJson_isItsErrorMessage() {
        assertEquals("app: is required", WorkflowRun.causeMessage(
                "{\"errorMessage\":\"app: is required\",\"errorType\":\"x.InvalidInputException\",\"stackTrace\":[]}"));
        assertEquals("plain words", WorkflowRun.causeMessage("plain words"));
    }
}
