package dev.parley.shared;

import dev.parley.shared.api.DomainRuleException;
import dev.parley.shared.api.ErrorCode;

import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;

/** AssertJ counterpart of {@link RuleMatchers}: {@code isInstanceOfSatisfying(DomainRuleException.class, withCode(X))}. */
public final class RuleAssertions {

    private RuleAssertions() {
    }

    public static Consumer<DomainRuleException> withCode(ErrorCode expected) {
        return rejection -> assertThat(rejection.code()).as(rejection.getMessage()).isEqualTo(expected);
    }
}
