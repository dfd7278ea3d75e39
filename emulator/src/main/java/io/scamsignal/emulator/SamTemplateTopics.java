package io.scamsignal.emulator;

import io.scamsignal.emulator.aws.StackDeployer.DeployedStack;
import java.util.LinkedHashMap;
import java.util.Map;

/** The SNS topics a deployed stack holds, by logical id. */
final class SamTemplateTopics {

    private SamTemplateTopics() {
    }

    static Map<String, String> topicArns(DeployedStack stack) {
        Map<String, String> topics = new LinkedHashMap<>();
        stack.resolver().resources().forEach((id, r) -> {
            if (r.type().equals("AWS::SNS::Topic")) {
                topics.put(id, r.ref());
            }
        });
        return topics;
    }
}
