package dev.parley.web.security;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BindTest {

    @Test
    void loopbackAddressesNeedNoToken() {
        assertThatCode(() -> Bind.requireTokenUnlessLoopback("127.0.0.1", null)).doesNotThrowAnyException();
        assertThatCode(() -> Bind.requireTokenUnlessLoopback("::1", "")).doesNotThrowAnyException();
        assertThatCode(() -> Bind.requireTokenUnlessLoopback("localhost", null)).doesNotThrowAnyException();
    }

    @Test
    void anyOtherAddressOrEveryInterfaceNeedsAToken() {
        assertThatThrownBy(() -> Bind.requireTokenUnlessLoopback("0.0.0.0", null))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("--token");
        assertThatThrownBy(() -> Bind.requireTokenUnlessLoopback(null, ""))
                .hasMessageContaining("every interface");
        assertThatCode(() -> Bind.requireTokenUnlessLoopback("0.0.0.0", "t0ken")).doesNotThrowAnyException();
    }
}
