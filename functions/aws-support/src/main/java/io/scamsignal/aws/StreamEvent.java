package io.scamsignal.aws;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A DynamoDB stream batch as Lambda delivers it, read with a streaming parser (the functions are
 * stream handlers, so Lambda's own event serialisation is never loaded). Of each record's new
 * and old image only the string and number attributes are kept, as text: what the functions read.
 */
public final class StreamEvent {

    /** One stream record: enough to process it and to name it in a partial batch failure. */
    public record Record(String eventId, String eventName, String sequenceNumber, Map<String, String> newImage,
                         Map<String, String> oldImage) {

        public Record {
            newImage = newImage == null ? null : Map.copyOf(newImage);
            oldImage = oldImage == null ? null : Map.copyOf(oldImage);
        }

        public Record(String eventId, String eventName, String sequenceNumber, Map<String, String> newImage) {
            this(eventId, eventName, sequenceNumber, newImage, null);
        }

        /** A string or number attribute of the old image (NEW_AND_OLD_IMAGES streams); null when absent. */
        public String oldAttribute(String name) {
            return oldImage == null ? null : oldImage.get(name);
        }

        /** A string or number attribute of the new image; null when absent (or no new image). */
        public String attribute(String name) {
            return newImage == null ? null : newImage.get(name);
        }
    }

    /** What a record's {@code dynamodb} member holds that a Record keeps. */
    private static final class Change {
        private String sequenceNumber;
        private Map<String, String> newImage;
        private Map<String, String> oldImage;
    }

    private StreamEvent() {
    }

    public static List<Record> read(InputStream in) throws IOException {
        List<Record> records = new ArrayList<>();
        try (JsonParser p = JsonIo.parser(in)) {
            JsonIo.expect(p.nextToken(), JsonToken.START_OBJECT);
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String field = p.currentName();
                JsonToken value = p.nextToken();
                if (field.equals("Records") && value == JsonToken.START_ARRAY) {
                    while (p.nextToken() == JsonToken.START_OBJECT) {
                        records.add(record(p));
                    }
                } else {
                    p.skipChildren();
                }
            }
        }
        return records;
    }

    private static Record record(JsonParser p) throws IOException {
        String eventId = null;
        String eventName = null;
        Change change = new Change();
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String field = p.currentName();
            JsonToken value = p.nextToken();
            switch (field) {
                case "eventID" -> eventId = p.getText();
                case "eventName" -> eventName = p.getText();
                case "dynamodb" -> JsonIo.members(p, value, (name, v) -> {
                    if (name.equals("SequenceNumber") && v.isScalarValue()) {
                        change.sequenceNumber = p.getText();
                    } else if (name.equals("NewImage") && v == JsonToken.START_OBJECT) {
                        change.newImage = image(p);
                    } else if (name.equals("OldImage") && v == JsonToken.START_OBJECT) {
                        change.oldImage = image(p);
                    } else {
                        p.skipChildren();
                    }
                });
                default -> p.skipChildren();
            }
        }
        return new Record(eventId, eventName, change.sequenceNumber, change.newImage, change.oldImage);
    }

    /** {"name": {"S": "text"}, "n": {"N": "12"}, …} → the S and N values as text. */
    private static Map<String, String> image(JsonParser p) throws IOException {
        Map<String, String> attributes = new HashMap<>();
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String name = p.currentName();
            if (p.nextToken() != JsonToken.START_OBJECT) {
                p.skipChildren();
                continue;
            }
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String type = p.currentName();
                JsonToken v = p.nextToken();
                if ((type.equals("S") || type.equals("N")) && v.isScalarValue()) {
                    attributes.put(name, p.getText());
                } else {
                    p.skipChildren();
                }
            }
        }
        return attributes;
    }
}
