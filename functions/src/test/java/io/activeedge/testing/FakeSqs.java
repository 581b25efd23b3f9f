package io.activeedge.testing;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.SqsException;
import software.amazon.awssdk.services.sqs.model.QueueDoesNotExistException;
import software.amazon.awssdk.services.sqs.model.SendMessageRequest;
import software.amazon.awssdk.services.sqs.model.SendMessageResponse;

/**
 * One SQS FIFO queue in memory. Like SQS, SendMessage to a FIFO queue needs a MessageGroupId, and a message whose
 * deduplication id was sent before (within the 5-minute interval, which a test never outlasts) is accepted but not
 * queued again: the answer names the first message.
 */
public final class FakeSqs implements SqsClient {
    public static final String QUEUE_URL = "https://sqs.us-east-1.amazonaws.com/123456789012/active-edge-failover.fifo";

    /** A queued message. */
    public record Message(String id, String groupId, String deduplicationId, String body) {
    }

    public final List<Message> queued = new ArrayList<>();
    public final List<SendMessageRequest> sent = new ArrayList<>();
    private final Map<String, Message> byDeduplicationId = new LinkedHashMap<>();

    @Override
    public SendMessageResponse sendMessage(SendMessageRequest request) {
        sent.add(request);
        if (!QUEUE_URL.equals(request.queueUrl())) {
            throw QueueDoesNotExistException.builder().message("The specified queue does not exist.").build();
        }
        if (request.messageGroupId() == null) {
            throw SqsException.builder().statusCode(400)
                    .message("The request must contain the parameter MessageGroupId.").build();
        }
        if (request.messageDeduplicationId() == null) {
            // This queue has no content-based deduplication to fall back on.
            throw SqsException.builder().statusCode(400).message("The queue should either have ContentBasedDeduplication"
                    + " enabled or MessageDeduplicationId provided explicitly").build();
        }
        Message message = byDeduplicationId.computeIfAbsent(request.messageDeduplicationId(), id -> {
            Message added = new Message("m-" + (queued.size() + 1), request.messageGroupId(), id, request.messageBody());
            queued.add(added);
            return added;
        });
        return SendMessageResponse.builder().messageId(message.id())
                .sequenceNumber(String.format("%020d", queued.indexOf(message) + 1)).build();
    }

    @Override
    public String serviceName() {
        return SERVICE_NAME;
    }

    @Override
    public void close() {
    }
}
