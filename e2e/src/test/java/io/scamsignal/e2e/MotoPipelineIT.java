package io.scamsignal.e2e;

import io.scamsignal.emulator.aws.EmulatorClients;
import org.junit.jupiter.api.AfterAll;

/** The end-to-end scenarios against moto server (or the emulator in AWS_ENDPOINT_URL). */
class MotoPipelineIT extends PipelineScenarios {

    @Override
    protected String endpoint() throws Exception {
        return TestEmulator.endpoint();
    }

    /**
     * After every scenario, the stacks they all left behind, those of the pipelines a scenario
     * started itself (redelivery, FIFO) included: no table but the reporter data, no stream record,
     * no message left in a queue and no line the test JVM logged holds a reporter's data.
     */
    @AfterAll
    static void noPersonalDataAnywhereTheScenariosLeftSomething() throws Exception {
        try (EmulatorClients aws = EmulatorClients.create(TestEmulator.endpoint(), "us-east-1", "test", "test")) {
            int tables = PersonalDataScan.assertNoPersonalDataInStacks(aws, "it-", POSTED_PERSONAL_DATA, LogCapture.text());
            System.out.println("[figure] personal-data scan after MotoPipelineIT: " + tables + " tables with their streams, "
                    + "every queue and " + LogCapture.length() + " bytes of logs: clean");
        }
    }
}
