package io.scamsignal.domain.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class NetworkFingerprintTest {

    private final NetworkFingerprint networks = new NetworkFingerprint("a-secret-of-enough-length");

    @ParameterizedTest
    @CsvSource({
            "203.0.113.7, v4:203.0.113.0/24",
            "203.0.113.254, v4:203.0.113.0/24",
            "2001:db8:1:2::17, v6:20010db80001::/48",
            "[2001:db8:1:ffff::1], v6:20010db80001::/48",
            "::ffff:198.51.100.9, v4:198.51.100.0/24",
            "fe80::1%eth0, v6:fe8000000000::/48"})
    void addressesAreCutToTheirSubscribersPrefix(String ip, String prefix) {
        assertThat(NetworkFingerprint.prefix(ip)).contains(prefix);
    }

    @Test
    void oneNetworkOneFingerprintAndNeighboursDiffer() {
        assertThat(networks.of("203.0.113.7")).isEqualTo(networks.of("203.0.113.200"));
        assertThat(networks.of("203.0.113.7")).isNotEqualTo(networks.of("203.0.114.7"));
        assertThat(networks.of("2001:db8:1:2::17")).isEqualTo(networks.of("2001:db8:1:ff::1"));
        assertThat(networks.of("2001:db8:1:2::17")).isNotEqualTo(networks.of("2001:db8:2:2::17"));
        assertThat(networks.of("203.0.113.7").orElseThrow()).hasSize(16).matches("[0-9a-f]+")
                .doesNotContain("203");
    }

    @Test
    void theKeyMattersSoFingerprintsCannotBeRecomputedWithoutIt() {
        assertThat(new NetworkFingerprint("another-secret-of-length").of("203.0.113.7")).isNotEqualTo(networks.of("203.0.113.7"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "localhost", "999.1.1.1", "1.2.3", "example.com", "::g", "1.2.3.4.5"})
    void anythingButAnAddressLiteralHasNoNetwork(String input) {
        assertThat(networks.of(input)).isEmpty();
    }

    @Test
    void aShortSecretIsRefused() {
        assertThatThrownBy(() -> new NetworkFingerprint("short")).isInstanceOf(IllegalArgumentException.class);
        assertThat(networks.of(null)).isEmpty();
    }

    @Test
    void anOrganisationIsANetworkOfItsOwnThatNoAddressShares() {
        assertThat(networks.ofOrganisation("Contoso")).isEqualTo(networks.ofOrganisation("Contoso"))
                .isNotEqualTo(networks.ofOrganisation("Fabrikam")).hasSize(16)
                .isNotEqualTo(networks.of("203.0.113.7").orElseThrow());
        assertThat(NetworkFingerprint.isAddress("203.0.113.7")).isTrue();
        assertThat(NetworkFingerprint.isAddress("2001:db8::7")).isTrue();
        assertThat(NetworkFingerprint.isAddress("999.1.1.1")).isFalse();
        assertThat(NetworkFingerprint.isAddress("example.com")).isFalse();
        assertThat(NetworkFingerprint.isAddress("203.0.113.0/24")).isFalse();
        assertThat(NetworkFingerprint.isAddress(null)).isFalse();
    }
}
