package io.activeedge.local.cli.command;

/** The command line asks for something the command does not take: exit 2, the message and the command's usage. */
public final class UsageException extends RuntimeException {
    public UsageException(String message) {
        super(message);
    }
}
