package io.activeedge.provisioning;

/**
 * One DNS record the workflow manages and what happened to it.
 *
 * @param action CREATED, UPDATED or UNCHANGED
 */
public record RecordChange(String name, String type, String setIdentifier, String target, String action) {
    public static final String CREATED = "CREATED";
    public static final String UPDATED = "UPDATED";
    public static final String UNCHANGED = "UNCHANGED";
}
