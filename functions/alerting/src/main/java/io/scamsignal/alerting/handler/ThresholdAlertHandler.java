package io.scamsignal.alerting.handler;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.StreamsEventResponse;
import io.scamsignal.alerting.adapter.AggregateImage;
import io.scamsignal.alerting.config.AlertingConfig;
import io.scamsignal.alerting.service.AlertingService;
import io.scamsignal.aws.FunctionEnvironment;
import io.scamsignal.aws.JsonLog;
import io.scamsignal.aws.Priming;
import io.scamsignal.aws.StreamBatch;
import java.util.Map;

/** Indicators table stream: an aggregate changed, so alert on every rule it now satisfies. */
public final class ThresholdAlertHandler implements RequestHandler<DynamodbEvent, StreamsEventResponse> {

    private static final JsonLog LOG = new JsonLog("alerting");
    private final AlertingService service;
    private final StreamBatch batch = new StreamBatch(LOG);

    public ThresholdAlertHandler() {
        this(FunctionEnvironment.system());
    }

    /** For the local runner, which hands the function the environment its template entry declares. */
    public ThresholdAlertHandler(Map<String, String> environment) {
        this(new FunctionEnvironment(environment));
    }

    private ThresholdAlertHandler(FunctionEnvironment environment) {
        this(AlertingConfig.service(environment));
        Priming.register(AlertingConfig::prime);
    }

    ThresholdAlertHandler(AlertingService service) {
        this.service = service;
    }

    @Override
    public StreamsEventResponse handleRequest(DynamodbEvent event, Context context) {
        String requestId = context == null ? "local" : context.getAwsRequestId();
        return batch.process(event, requestId, record -> {
            var image = record.getDynamodb().getNewImage();
            if (!AggregateImage.isAggregate(image)) {
                return;
            }
            // the sequence number names this change on every retry of it, so a retry reclaims its own alert
            AlertingService.Outcome outcome = service.onAggregateChanged(AggregateImage.toAggregate(image),
                    record.getDynamodb().getSequenceNumber());
            if (!outcome.published().isEmpty() || !outcome.heldElsewhere().isEmpty()) {
                LOG.info("alerts evaluated", Map.of("requestId", requestId, "published", outcome.published(),
                        "alreadySent", outcome.alreadySent(), "heldElsewhere", outcome.heldElsewhere()));
            }
        });
    }
}
