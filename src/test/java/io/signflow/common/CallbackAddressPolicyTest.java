package io.signflow.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CallbackAddressPolicyTest {

    private final CallbackAddressPolicy strict = new CallbackAddressPolicy(false);
    private final CallbackAddressPolicy permissive = new CallbackAddressPolicy(true);

    @ParameterizedTest
    @ValueSource(strings = {"http://127.0.0.1/cb", "http://localhost:8080/cb", "http://10.1.2.3/cb",
            "http://192.168.0.10/cb", "http://172.16.5.5/cb", "http://169.254.169.254/latest/meta-data",
            "http://[::1]/cb", "http://[fd00::1]/cb", "http://0.0.0.0/cb", "http://100.64.0.1/cb"})
    void privateLoopbackAndLinkLocalAddressesAreRefusedUnlessAllowed(String url) {
        assertThat(strict.refusal(url)).isEqualTo("points to a private or loopback address");
        assertThat(permissive.refusal(url)).isNull();
    }

    @ParameterizedTest
    @ValueSource(strings = {"ftp://example.com/cb", "file:///etc/passwd", "javascript:alert(1)", "http:///cb",
            "http://user:secret@example.com/cb"})
    void onlyHttpAndHttpsToANamedHostAreAccepted(String url) {
        assertThat(permissive.refusal(url)).isNotNull();
    }

    @ParameterizedTest
    @ValueSource(strings = {"https://example.com/callback", "http://203.0.113.7:8080/cb"})
    void publicAddressesAreAccepted(String url) {
        assertThat(strict.refusal(url)).isNull();
    }

    @ParameterizedTest
    @ValueSource(strings = {"127.0.0.1", "10.0.0.1", "169.254.1.1", "::1"})
    void aResolvedPrivateAddressIsNotConnectedTo(String address) throws Exception {
        assertThat(strict.mayConnect(InetAddress.getByName(address))).isFalse();
        assertThat(permissive.mayConnect(InetAddress.getByName(address))).isTrue();
        assertThat(strict.mayConnect(InetAddress.getByName("93.184.215.14"))).isTrue();
    }
}
