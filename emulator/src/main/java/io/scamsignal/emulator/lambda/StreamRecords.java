package io.scamsignal.emulator.lambda;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.Record;
import software.amazon.awssdk.services.dynamodb.model.StreamRecord;

/** DynamoDB Streams records as Lambda delivers them to a function: the event JSON, field for field. */
public final class StreamRecords {

    private static final ObjectMapper JSON = new ObjectMapper();

    private StreamRecords() {
    }

    public static ObjectNode toLambdaRecord(Record record, String streamArn, String region) {
        ObjectNode out = JSON.createObjectNode();
        out.put("eventID", record.eventID());
        out.put("eventName", record.eventNameAsString());
        out.put("eventVersion", record.eventVersion() == null ? "1.1" : record.eventVersion());
        out.put("eventSource", "aws:dynamodb");
        out.put("awsRegion", record.awsRegion() == null ? region : record.awsRegion());
        StreamRecord s = record.dynamodb();
        ObjectNode dynamodb = out.putObject("dynamodb");
        if (s.approximateCreationDateTime() != null) {
            dynamodb.put("ApproximateCreationDateTime", s.approximateCreationDateTime().getEpochSecond());
        }
        if (s.hasKeys()) {
            dynamodb.set("Keys", image(s.keys()));
        }
        if (s.hasNewImage()) {
            dynamodb.set("NewImage", image(s.newImage()));
        }
        if (s.hasOldImage()) {
            dynamodb.set("OldImage", image(s.oldImage()));
        }
        dynamodb.put("SequenceNumber", s.sequenceNumber());
        if (s.sizeBytes() != null) {
            dynamodb.put("SizeBytes", s.sizeBytes());
        }
        if (s.streamViewTypeAsString() != null) {
            dynamodb.put("StreamViewType", s.streamViewTypeAsString());
        }
        out.put("eventSourceARN", streamArn);
        return out;
    }

    public static ObjectNode event(List<ObjectNode> records) {
        ObjectNode event = JSON.createObjectNode();
        ArrayNode array = event.putArray("Records");
        records.forEach(array::add);
        return event;
    }

    static ObjectNode image(Map<String, AttributeValue> item) {
        ObjectNode out = JSON.createObjectNode();
        item.forEach((name, value) -> out.set(name, attribute(value)));
        return out;
    }

    static ObjectNode attribute(AttributeValue v) {
        ObjectNode out = JSON.createObjectNode();
        switch (v.type()) {
            case S -> out.put("S", v.s());
            case N -> out.put("N", v.n());
            case B -> out.put("B", base64(v.b()));
            case BOOL -> out.put("BOOL", v.bool());
            case NUL -> out.put("NULL", true);
            case SS -> v.ss().forEach(out.putArray("SS")::add);
            case NS -> v.ns().forEach(out.putArray("NS")::add);
            case BS -> v.bs().forEach(b -> out.withArray("BS").add(base64(b)));
            case M -> out.set("M", image(v.m()));
            case L -> {
                ArrayNode list = out.putArray("L");
                v.l().forEach(item -> list.add(attribute(item)));
            }
            default -> throw new IllegalArgumentException("unknown attribute type " + v.type());
        }
        return out;
    }

    private static String base64(SdkBytes bytes) {
        return Base64.getEncoder().encodeToString(bytes.asByteArray());
    }
}
