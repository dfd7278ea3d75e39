package io.scamsignal.domain.payment;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.Locale;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class WalletAddressTest {

    @Test
    void keccak256OfKnownInputs() {
        assertThat(HexFormat.of().formatHex(Keccak256.hash(new byte[0])))
                .isEqualTo("c5d2460186f7233c927e7db2dcc703c0e500b653ca82273b7bfad8045d85a470");
        assertThat(HexFormat.of().formatHex(Keccak256.hash("abc".getBytes(StandardCharsets.US_ASCII))))
                .isEqualTo("4e03657aea45a94fc7d47ba826c8d667c0d1e6e33a64a036ec44f58fa12d6c45");
        // longer than one 136-byte block
        assertThat(HexFormat.of().formatHex(Keccak256.hash("a".repeat(200).getBytes(StandardCharsets.US_ASCII))))
                .hasSize(64).isNotEqualTo(HexFormat.of().formatHex(Keccak256.hash("a".repeat(199).getBytes(StandardCharsets.US_ASCII))));
    }

    @ParameterizedTest
    @ValueSource(strings = {"0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed", "0xfB6916095ca1df60bB79Ce92cE3Ea74c37c5d359",
            "0xdbF03B407c01E7cD3CBea99509d93f8DDDC8C6FB", "0xD1220A0cf47c7B9Be7A2E6BA89F429762e7b9aDb"})
    void eip55ExamplesAreValidAndNormalisedToLowerCase(String address) {
        WalletAddress wallet = WalletAddress.parse(address).orElseThrow();
        assertThat(wallet.chain()).isEqualTo(WalletAddress.Chain.ETH);
        assertThat(wallet.value()).isEqualTo(address.toLowerCase(Locale.ROOT));
        assertThat(wallet.display()).isEqualTo(address);
        assertThat(WalletAddress.eip55(address.substring(2).toLowerCase(Locale.ROOT))).isEqualTo(address.substring(2));
        // one case flip breaks the checksum
        String flipped = address.replace("aA", "aa");
        assertThat(WalletAddress.isValid(flipped)).isEqualTo(flipped.equals(address));
        // a single case carries no checksum and is accepted
        assertThat(WalletAddress.isValid(address.toLowerCase(Locale.ROOT))).isTrue();
        assertThat(WalletAddress.isValid("0x" + address.substring(2).toUpperCase(Locale.ROOT))).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"1A1zP1eP5QGefi2DMPTfTL5SLmv7DivfNa", "3J98t1WpEZ73CNmQviecrnyiWrnqRhWNLy",
            "bc1qw508d6qejxtdg4y5r3zarvary0c5xw7kv8f3t4", "BC1QW508D6QEJXTDG4Y5R3ZARVARY0C5XW7KV8F3T4",
            "bc1qrp33g0q5c5txsp9arysrx4k6zdkfs4nce4xj0gdcccefvpysxf3qccfmv3",
            "bc1p0xlxvlhemja6c4dqv22uapctqupfhlxm9h8z3k2e72q4k9hcz7vqzk5jj0",
            "TR7NHqjeKQxGTCi8q8ZY4pL8otSzgjLj6t"})
    void validAddresses(String address) {
        assertThat(WalletAddress.parse(address)).isPresent();
    }

    @ParameterizedTest
    @ValueSource(strings = {"1A1zP1eP5QGefi2DMPTfTL5SLmv7DivfNb", "3J98t1WpEZ73CNmQviecrnyiWrnqRhWNLz",
            // bech32m checksum on a version 0 program, bech32 on version 1 (BIP-350's invalid list)
            "bc1qw508d6qejxtdg4y5r3zarvary0c5xw7kemeawh",
            "bc1p0xlxvlhemja6c4dqv22uapctqupfhlxm9h8z3k2e72q4k9hcz7vqh2y7hd",
            "bc1qw508d6qejxtdg4y5r3zarvary0c5xw7kv8f3t5", "Bc1qw508d6qejxtdg4y5r3zarvary0c5xw7kv8f3t4",
            "tb1qw508d6qejxtdg4y5r3zarvary0c5xw7kxpjzsx", "TR7NHqjeKQxGTCi8q8ZY4pL8otSzgjLj6u",
            "0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAeD", "0x5aaeb6053f3e94c9b9a09f33669435e7ef1bea", "hello", ""})
    void invalidAddresses(String address) {
        assertThat(WalletAddress.parse(address)).isEmpty();
    }

    @Test
    void bitcoinBase58KeepsItsCaseAndBech32IsLowerCased() {
        assertThat(WalletAddress.parse(" BC1QW508D6QEJXTDG4Y5R3ZARVARY0C5XW7KV8F3T4 ").orElseThrow().indicatorValue())
                .isEqualTo("btc:bc1qw508d6qejxtdg4y5r3zarvary0c5xw7kv8f3t4");
        assertThat(WalletAddress.parse("TR7NHqjeKQxGTCi8q8ZY4pL8otSzgjLj6t").orElseThrow().indicatorValue())
                .isEqualTo("trx:TR7NHqjeKQxGTCi8q8ZY4pL8otSzgjLj6t");
    }

    @Provide
    Arbitrary<String> generated() {
        Arbitrary<byte[]> hash20 = Arbitraries.bytes().array(byte[].class).ofSize(20);
        Arbitrary<byte[]> hash32 = Arbitraries.bytes().array(byte[].class).ofSize(32);
        return Arbitraries.oneOf(
                hash20.map(h -> Wallets.p2pkh(h)), hash20.map(h -> Wallets.p2sh(h)), hash20.map(h -> Wallets.tron(h)),
                hash20.map(h -> Bech32.encodeSegwit("bc", 0, h)), hash32.map(h -> Bech32.encodeSegwit("bc", 1, h)));
    }

    @Property(tries = 300)
    void generatedAddressesAreValidAndOneSubstitutionIsNot(@ForAll("generated") String address,
                                                           @ForAll @IntRange(min = 0, max = 1000) int position,
                                                           @ForAll @IntRange(min = 1, max = 20) int shift) {
        assertThat(WalletAddress.parse(address)).isPresent();
        int at = 4 + position % (address.length() - 4);
        String alphabet = address.startsWith("bc1") ? "qpzry9x8gf2tvdw0s3jn54khce6mua7l"
                : "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz";
        char typo = alphabet.charAt((alphabet.indexOf(address.charAt(at)) + shift) % alphabet.length());
        String mistyped = address.substring(0, at) + typo + address.substring(at + 1);
        assertThat(WalletAddress.parse(mistyped)).as(mistyped).isEmpty();
    }

    @Property(tries = 200)
    void ethereumCaseFlipsAreCaught(@ForAll("hex40") String hex, @ForAll @IntRange(min = 0, max = 39) int position) {
        String checksummed = WalletAddress.eip55(hex);
        assertThat(WalletAddress.parse("0x" + checksummed)).isPresent();
        char c = checksummed.charAt(position);
        if (Character.isLetter(c) && !checksummed.equals(checksummed.toLowerCase(Locale.ROOT))
                && !checksummed.equals(checksummed.toUpperCase(Locale.ROOT))) {
            char flipped = Character.isUpperCase(c) ? Character.toLowerCase(c) : Character.toUpperCase(c);
            String mistyped = "0x" + checksummed.substring(0, position) + flipped + checksummed.substring(position + 1);
            String hexPart = mistyped.substring(2);
            boolean singleCase = hexPart.equals(hexPart.toLowerCase(Locale.ROOT)) || hexPart.equals(hexPart.toUpperCase(Locale.ROOT));
            assertThat(WalletAddress.parse(mistyped).isPresent()).isEqualTo(singleCase);
        }
    }

    @Provide
    Arbitrary<String> hex40() {
        return Arbitraries.strings().withChars("0123456789abcdef").ofLength(40);
    }
}
