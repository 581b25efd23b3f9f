package io.activeedge.errors;

/**
 * Base of every failure the workflow reacts to. The full class name of each subclass is the
 * Step Functions error name (the Lambda runtime reports it as errorType), so these classes are
 * part of the contract with statemachine/*.asl.json: never rename or move one.
 */
public abstract class ActiveEdgeException extends RuntimeException {
    protected ActiveEdgeException(String message) {
        super(message);
    }

    protected ActiveEdgeException(String message, Throwable cause) {
        super(message, cause);
    }
}
