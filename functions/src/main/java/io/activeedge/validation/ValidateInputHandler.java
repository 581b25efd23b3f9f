package io.activeedge.validation;

import io.activeedge.input.AppSpec;

/** Step 1: check the whole input and fill in every default, before anything is created. */
public final class ValidateInputHandler extends UserInputHandler {
    @Override
    protected AppSpec handle(AppSpec input) {
        return validator.validate(input);
    }
}
