package dev.parley.shared;

import dev.parley.shared.api.DomainRuleException;
import dev.parley.shared.api.ErrorCode;
import org.hamcrest.Description;
import org.hamcrest.Matcher;
import org.hamcrest.TypeSafeDiagnosingMatcher;

/** Hamcrest matchers for the fixture's {@code expectException}: a rejection is judged by its contract code. */
public final class RuleMatchers {

    private RuleMatchers() {
    }

    public static Matcher<DomainRuleException> hasCode(ErrorCode expected) {
        return new TypeSafeDiagnosingMatcher<>() {
            @Override
            protected boolean matchesSafely(DomainRuleException rejection, Description mismatch) {
                if (rejection.code() == expected) {
                    return true;
                }
                mismatch.appendText("was rejected with ").appendValue(rejection.code())
                        .appendText(": ").appendText(rejection.getMessage());
                return false;
            }

            @Override
            public void describeTo(Description description) {
                description.appendText("a DomainRuleException with code ").appendValue(expected);
            }
        };
    }
}
