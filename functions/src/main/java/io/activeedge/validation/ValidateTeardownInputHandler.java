package io.activeedge.validation;

import io.activeedge.input.AppSpec;

/**
 * Teardown step 1: check the input (the file the application was provisioned with, or just its app and zone)
 * before anything is touched, and fill in the timing defaults.
 */
public final class ValidateTeardownInputHandler extends UserInputHandler {
    @Override
    protected AppSpec handle(AppSpec input) {
        return validator.validateForTeardown(input);
    }
}
