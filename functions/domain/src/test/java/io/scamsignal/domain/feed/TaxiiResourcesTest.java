package io.scamsignal.domain.feed;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class TaxiiResourcesTest {

    @Test
    void onlyTaxiiJson21OrAWildcardIsAcceptable() {
        assertThat(TaxiiResources.accepts("application/taxii+json;version=2.1")).isTrue();
        assertThat(TaxiiResources.accepts("application/taxii+json; version=\"2.1\"")).isTrue();
        assertThat(TaxiiResources.accepts("application/taxii+json")).isTrue();
        assertThat(TaxiiResources.accepts("text/html, */*;q=0.1")).isTrue();
        assertThat(TaxiiResources.accepts(null)).isTrue();
        assertThat(TaxiiResources.accepts("application/taxii+json;version=2.0")).isFalse();
        assertThat(TaxiiResources.accepts("application/json")).isFalse();
        assertThat(TaxiiResources.accepts("application/stix+json;version=2.1")).isFalse();
        assertThat(TaxiiResources.accepts("application/taxii+json;version=2.1;q=0")).isFalse();
    }

    @Test
    void collectionsHaveFixedUuidsAndAKeySeesOnlyItsOwn() {
        for (TaxiiResources.Collection c : TaxiiResources.Collection.values()) {
            assertThat(UUID.fromString(c.id()).toString()).isEqualTo(c.id());
            assertThat(TaxiiResources.Collection.byId(c.id())).contains(c);
        }
        Map<String, Object> one = TaxiiResources.collections(List.of(TaxiiResources.Collection.INDICATORS));
        assertThat((List<?>) one.get("collections")).hasSize(1);
        assertThat(TaxiiResources.collections(List.of())).isEmpty();
        assertThat(TaxiiResources.discovery("https://api.example/taxii2/scamsignal/"))
                .containsEntry("default", "https://api.example/taxii2/scamsignal/");
        assertThat(TaxiiResources.apiRoot(10_485_760)).containsEntry("versions", List.of("application/taxii+json;version=2.1"));
    }
}
