package io.scamsignal.ops;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** The command dispatch; false-positive's effect on a table is checked end to end in e2e (PipelineScenarios). */
class OpsTest {

    private static final OpsEnvironment NOWHERE = new OpsEnvironment(Map.of());

    @Test
    void noOrAnUnknownCommandIsAUsageError() {
        assertThat(Ops.run(new String[0], NOWHERE)).isEqualTo(2);
        assertThat(Ops.run(new String[] {"erase-everything"}, NOWHERE)).isEqualTo(2);
    }

    @Test
    void falsePositiveWantsAnIndicatorKeyAndAReason() {
        assertThat(Ops.run(new String[] {"false-positive"}, NOWHERE)).isEqualTo(2);
        assertThat(Ops.run(new String[] {"false-positive", "+18885550142", "no type"}, NOWHERE)).isEqualTo(2);
        assertThat(Ops.run(new String[] {"false-positive", "phone#+18885550142", " "}, NOWHERE)).isEqualTo(2);
    }

    @Test
    void benignWantsAnActionAnIndicatorKeyAndForAddAReason() {
        assertThat(Ops.run(new String[] {"benign"}, NOWHERE)).isEqualTo(2);
        assertThat(Ops.run(new String[] {"benign", "add", "domain#anydesk.com"}, NOWHERE)).isEqualTo(2);
        assertThat(Ops.run(new String[] {"benign", "add", "anydesk.com", "vendor"}, NOWHERE)).isEqualTo(2);
        assertThat(Ops.run(new String[] {"benign", "remove", "domain#anydesk.com", "extra"}, NOWHERE)).isEqualTo(2);
        assertThat(Ops.run(new String[] {"benign", "drop", "domain#anydesk.com"}, NOWHERE)).isEqualTo(2);
    }

    @Test
    void eraseTakesTheAddressFromTheEnvironmentNeverFromArguments() {
        assertThat(Ops.run(new String[] {"erase"}, NOWHERE)).isEqualTo(2);
        assertThat(Ops.run(new String[] {"erase", "someone@example.org"},
                new OpsEnvironment(Map.of("ERASE_EMAIL", "someone@example.org")))).isEqualTo(2);
        // an address is never taken from the command line, and a report reference is one reference alone
        assertThat(Ops.run(new String[] {"erase", "someone@example.org"}, NOWHERE)).isEqualTo(2);
        assertThat(Ops.run(new String[] {"erase", "0f8c2a5e-1d4b-4c6e-9a7f-3b2d1e0c9f8a"},
                new OpsEnvironment(Map.of("ERASE_EMAIL", "someone@example.org")))).isEqualTo(2);
        assertThat(Ops.run(new String[] {"erase", "a", "b"}, NOWHERE)).isEqualTo(2);
        assertThat(new OpsEnvironment(Map.of("STACK_NAME", "s1")).reporterKeySecret()).isEqualTo("s1-ReporterKeySecret");
    }

    @Test
    void partnerKeyWantsCreateWithAPartnerScopesOrRevokeWithAKeyAndKnownScopes() {
        assertThat(Ops.run(new String[] {"partner-key"}, NOWHERE)).isEqualTo(2);
        assertThat(Ops.run(new String[] {"partner-key", "create"}, NOWHERE)).isEqualTo(2);
        assertThat(Ops.run(new String[] {"partner-key", "revoke"}, NOWHERE)).isEqualTo(2);
        assertThat(Ops.run(new String[] {"partner-key", "create", "acme", "no-such-collection"}, NOWHERE)).isEqualTo(2);
        assertThat(Ops.run(new String[] {"partner-key", "create", "acme", "read:sightings"}, NOWHERE)).isEqualTo(2);
        assertThat(Ops.run(new String[] {"partner-key", "create", "acme", "write"}, NOWHERE)).isEqualTo(2);
        assertThat(Ops.run(new String[] {"partner-key", "scopes", "pk_1"}, NOWHERE)).isEqualTo(2);
        assertThat(Ops.run(new String[] {"partner-key", "scopes", "pk_1", "admin"}, NOWHERE)).isEqualTo(2);
        // "public" names the public API in sources: no partner may take it
        assertThat(Ops.run(new String[] {"partner-key", "create", "Public"}, NOWHERE)).isEqualTo(2);
        assertThat(PartnerKey.sha256Hex("abc"))
                .isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    }

    @Test
    void tablesDefaultToTheLocalRunnersStack() {
        assertThat(NOWHERE.table("INDICATORS_TABLE", "IndicatorsTable")).isEqualTo("scamsignal-local-IndicatorsTable");
        assertThat(new OpsEnvironment(Map.of("STACK_NAME", "s1")).table("INDICATORS_TABLE", "IndicatorsTable"))
                .isEqualTo("s1-IndicatorsTable");
        assertThat(new OpsEnvironment(Map.of("INDICATORS_TABLE", "prod-indicators")).table("INDICATORS_TABLE",
                "IndicatorsTable")).isEqualTo("prod-indicators");
    }

    @Test
    void feedBackfillTakesNoArgumentsAndTheStacksExpiryRules() {
        assertThat(Ops.run(new String[] {"feed-backfill", "indicators"}, NOWHERE)).isEqualTo(2);
        assertThat(Ops.run(new String[] {"feed-backfill"}, new OpsEnvironment(Map.of("STIX_EXPIRY", "phone")))).isEqualTo(2);
    }
}
