package io.scamsignal.e2e;

/**
 * The end-to-end scenarios against MiniStack, the second emulator: it refuses what DynamoDB refuses
 * in places where moto is lenient (a reserved word in a key condition, among others), so a scenario
 * that passes on moto alone can still fail on AWS. {@code make test} installs it into .venv-ministack.
 */
class MiniStackPipelineIT extends PipelineScenarios {

    @Override
    protected String endpoint() throws Exception {
        return TestEmulator.miniStackEndpoint();
    }
}
