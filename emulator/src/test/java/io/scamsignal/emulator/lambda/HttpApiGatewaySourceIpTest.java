package io.scamsignal.emulator.lambda;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import org.junit.jupiter.api.Test;

class HttpApiGatewaySourceIpTest {

    @Test
    void fromLoopbackTheFirstForwardedForEntryIsTheClient() throws Exception {
        InetAddress loopback = InetAddress.getByName("127.0.0.1");
        assertThat(HttpApiGateway.sourceIp(loopback, "198.51.100.7, 10.0.0.1")).isEqualTo("198.51.100.7");
        assertThat(HttpApiGateway.sourceIp(InetAddress.getByName("::1"), "2001:db8::5")).isEqualTo("2001:db8::5");
        assertThat(HttpApiGateway.sourceIp(loopback, null)).isEqualTo("127.0.0.1");
        assertThat(HttpApiGateway.sourceIp(loopback, " ")).isEqualTo("127.0.0.1");
    }

    @Test
    void fromElsewhereTheHeaderIsIgnored() throws Exception {
        assertThat(HttpApiGateway.sourceIp(InetAddress.getByName("192.0.2.4"), "198.51.100.7")).isEqualTo("192.0.2.4");
    }
}
