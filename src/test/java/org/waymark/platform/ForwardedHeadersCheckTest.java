package org.waymark.platform;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.mock.env.MockEnvironment;

/** Start-up tells an operator who trusts Tomcat's default proxies that private networks choose their own address. */
@ExtendWith(OutputCaptureExtension.class)
class ForwardedHeadersCheckTest {

    @Test
    void behindAProxyWithoutItsAddressStartUpWarnsThatPrivateNetworksChooseTheirOwn(CapturedOutput output) {
        new ForwardedHeadersCheck(new MockEnvironment().withProperty("server.forward-headers-strategy", "native"));

        assertThat(output).contains("SERVER_TOMCAT_REMOTEIP_INTERNAL_PROXIES to your proxies' addresses");
    }

    @Test
    void behindAProxyNamedOrWithoutOneNothingIsSaid(CapturedOutput output) {
        new ForwardedHeadersCheck(new MockEnvironment().withProperty("server.forward-headers-strategy", "native")
                .withProperty("server.tomcat.remoteip.internal-proxies", "10.0.0.5/32"));
        new ForwardedHeadersCheck(new MockEnvironment());

        assertThat(output).doesNotContain("SERVER_TOMCAT_REMOTEIP_INTERNAL_PROXIES");
    }
}
