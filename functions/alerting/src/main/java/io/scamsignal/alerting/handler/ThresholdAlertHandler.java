package io.scamsignal.alerting.handler;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import io.scamsignal.alerting.adapter.AggregateImage;
import io.scamsignal.alerting.adapter.RingHeadImage;
import io.scamsignal.alerting.config.AlertingConfig;
import io.scamsignal.alerting.service.AlertingService;
import io.scamsignal.alerting.service.RingAlertingService;
import io.scamsignal.aws.FunctionEnvironment;
import io.scamsignal.aws.JsonLog;
import io.scamsignal.aws.Priming;
import io.scamsignal.aws.StreamBatch;
import io.scamsignal.aws.StreamEvent;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.List;
import java.util.Map;

/**
 * Indicators table stream: an aggregate changed, so alert on every rule it now satisfies; rings
 * table stream (a second mapping): a ring's head changed, so alert on the ring rules. A stream
 * handler: it reads the batch's JSON itself, so Lambda loads no event serialisation.
 */
public final class ThresholdAlertHandler implements RequestStreamHandler {

    private static final JsonLog LOG = new JsonLog("alerting");
    private final AlertingService service;
    private final RingAlertingService rings;
    private final StreamBatch batch = new StreamBatch(LOG);

    /** Lambda's construction path, and the local runner's: the environment is {@link FunctionEnvironment#current()}. */
    public ThresholdAlertHandler() {
        this(FunctionEnvironment.current());
    }

    private ThresholdAlertHandler(FunctionEnvironment environment) {
        this(AlertingConfig.services(environment));
        Priming.register(AlertingConfig::prime);
    }

    private ThresholdAlertHandler(AlertingConfig.Services services) {
        this(services.indicators(), services.rings());
    }

    ThresholdAlertHandler(AlertingService service) {
        this(service, null);
    }

    /** @param rings null when the function has no rings table (no ring alerts) */
    ThresholdAlertHandler(AlertingService service, RingAlertingService rings) {
        this.service = service;
        this.rings = rings;
    }

    @Override
    public void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
        String requestId = context == null ? "local" : context.getAwsRequestId();
        handle(StreamEvent.read(input), requestId).write(output);
    }

    StreamBatch.Response handle(List<StreamEvent.Record> records, String requestId) {
        return batch.process(records, requestId, record -> {
            if (rings != null && RingHeadImage.isHead(record)) {
                AlertingService.Outcome outcome = rings.onHeadChanged(RingHeadImage.oldHead(record),
                        RingHeadImage.newHead(record), record.sequenceNumber());
                if (!outcome.published().isEmpty() || !outcome.heldElsewhere().isEmpty()) {
                    LOG.info("ring alerts evaluated", Map.of("requestId", requestId, "published", outcome.published(),
                            "alreadySent", outcome.alreadySent(), "heldElsewhere", outcome.heldElsewhere()));
                }
                return;
            }
            if (!AggregateImage.isAggregate(record)) {
                return;
            }
            // the sequence number names this change on every retry of it, so a retry reclaims its own alert
            AlertingService.Outcome outcome = service.onAggregateChanged(AggregateImage.toAggregate(record),
                    record.sequenceNumber());
            if (!outcome.published().isEmpty() || !outcome.heldElsewhere().isEmpty()) {
                LOG.info("alerts evaluated", Map.of("requestId", requestId, "published", outcome.published(),
                        "alreadySent", outcome.alreadySent(), "heldElsewhere", outcome.heldElsewhere()));
            }
        });
    }
}
