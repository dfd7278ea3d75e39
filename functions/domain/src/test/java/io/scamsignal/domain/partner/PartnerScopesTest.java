package io.scamsignal.domain.partner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.scamsignal.domain.feed.TaxiiResources.Collection;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

class PartnerScopesTest {

    private static final String INDICATORS = Collection.INDICATORS.id();
    private static final String RINGS = Collection.RINGS.id();

    @Test
    void aNewKeyGivenNothingReadsTheIndicatorsAndNothingElse() {
        assertThat(PartnerScopes.DEFAULT.format()).isEqualTo("read:" + INDICATORS);
        assertThat(PartnerScopes.grants(PartnerScopes.DEFAULT.format(), PartnerScopes.SUBMIT)).isFalse();
        assertThat(PartnerScopes.grants(PartnerScopes.DEFAULT.format(), PartnerScopes.VICTIM_NETWORK)).isFalse();
    }

    @Test
    void namesIdsAndStarParseToOneCanonicalForm() {
        assertThat(PartnerScopes.parse("read:rings, read:Indicators submit").format())
                .isEqualTo("read:" + INDICATORS + ",read:" + RINGS + ",submit");
        assertThat(PartnerScopes.parse("read:" + RINGS).format()).isEqualTo("read:" + RINGS);
        assertThat(PartnerScopes.parse("read:*,read:rings,victim-network,submit").format()).isEqualTo("read:*,submit,victim-network");
        assertThat(PartnerScopes.parse("submit").describe()).isEqualTo("submit");
        assertThat(PartnerScopes.parse("read:rings,submit").describe()).isEqualTo("read:rings, submit");
    }

    @Test
    void unknownScopesAndCollectionsAndNothingAtAllAreRefused() {
        assertThatThrownBy(() -> PartnerScopes.parse("write")).hasMessageContaining("no scope write");
        assertThatThrownBy(() -> PartnerScopes.parse("read:sightings")).hasMessageContaining("no collection sightings");
        assertThatThrownBy(() -> PartnerScopes.parse(" , ")).hasMessageContaining("no scopes");
        assertThatThrownBy(() -> PartnerScopes.parse(INDICATORS)).hasMessageContaining("no scope");
    }

    @Test
    void grantsMatchesWholeScopesOnly() {
        assertThat(PartnerScopes.grants("read:*,submit", "submit")).isTrue();
        assertThat(PartnerScopes.grants("read:submit", "submit")).isFalse();
        assertThat(PartnerScopes.grants("submitter", "submit")).isFalse();
        assertThat(PartnerScopes.grants(null, "submit")).isFalse();
        assertThat(PartnerScopes.ofCollections("*").format()).isEqualTo("read:*");
        assertThat(PartnerScopes.ofCollections(RINGS).format()).isEqualTo("read:" + RINGS);
    }

    /** What is stored is what was given: parse(format(x)) is x, and a scope is granted exactly when it was given. */
    @Property(tries = 300)
    void formatThenParseIsTheIdentity(@ForAll("scopes") PartnerScopes scopes) {
        assertThat(PartnerScopes.parse(scopes.format())).isEqualTo(scopes);
        assertThat(PartnerScopes.grants(scopes.format(), PartnerScopes.SUBMIT)).isEqualTo(scopes.submit());
        assertThat(PartnerScopes.grants(scopes.format(), PartnerScopes.VICTIM_NETWORK)).isEqualTo(scopes.victimNetwork());
    }

    @Provide
    Arbitrary<PartnerScopes> scopes() {
        return Arbitraries.of(Collection.class).set().flatMap(read -> Arbitraries.of(true, false).list().ofSize(3)
                .map(f -> new PartnerScopes(read, f.get(0), f.get(1), f.get(2))))
                .filter(s -> !s.format().isEmpty());
    }
}
