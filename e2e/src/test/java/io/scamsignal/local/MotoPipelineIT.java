package io.scamsignal.local;

/** The end-to-end scenarios against moto server (or the emulator in AWS_ENDPOINT_URL). */
class MotoPipelineIT extends PipelineScenarios {

    @Override
    protected String endpoint() throws Exception {
        return TestEmulator.endpoint();
    }
}
