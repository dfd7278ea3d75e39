package io.scamsignal.intake.service;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An application/x-www-form-urlencoded body as the JSON tree the validator reads, so a plain HTML
 * form works without JavaScript: dotted names nest, list fields repeat, empty inputs are absent.
 */
final class FormBody {

    private static final Set<String> LIST_FIELDS = Set.of("scammer.phoneNumbers", "scammer.websites",
            "scammer.emails", "scammer.names", "scammer.walletAddresses", "loss.paymentMethods");
    private static final Pattern TOOL = Pattern.compile("scammer\\.remoteAccessTools\\[(\\d{1,2})]\\.(tool|id)");
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private FormBody() {
    }

    static ObjectNode parse(String body) {
        ObjectNode root = NODES.objectNode();
        TreeMap<Integer, ObjectNode> tools = new TreeMap<>();
        for (String pair : body.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String name = decode(eq < 0 ? pair : pair.substring(0, eq));
            String value = decode(eq < 0 ? "" : pair.substring(eq + 1));
            if (value.isEmpty()) {
                continue;
            }
            Matcher tool = TOOL.matcher(name);
            if (tool.matches()) {
                tools.computeIfAbsent(Integer.parseInt(tool.group(1)), i -> NODES.objectNode()).put(tool.group(2), value);
            } else if (LIST_FIELDS.contains(name)) {
                ObjectNode parent = parentOf(root, name);
                String leaf = leaf(name);
                ArrayNode list = parent.has(leaf) && parent.get(leaf).isArray()
                        ? (ArrayNode) parent.get(leaf) : parent.putArray(leaf);
                list.add(value);
            } else if (name.equals("reporter.contactConsent") || name.equals("reporter.lawEnforcementContactConsent")) {
                parentOf(root, name).put(leaf(name), value.equals("true") || value.equals("on") || value.equals("yes"));
            } else {
                parentOf(root, name).put(leaf(name), value);
            }
        }
        if (!tools.isEmpty()) {
            ArrayNode list = parentOf(root, "scammer.remoteAccessTools").putArray("remoteAccessTools");
            tools.values().forEach(list::add);
        }
        return root;
    }

    private static ObjectNode parentOf(ObjectNode root, String dottedName) {
        int dot = dottedName.indexOf('.');
        if (dot < 0) {
            return root;
        }
        String head = dottedName.substring(0, dot);
        if (!root.has(head) || !root.get(head).isObject()) {
            root.set(head, NODES.objectNode());
        }
        return parentOf((ObjectNode) root.get(head), dottedName.substring(dot + 1));
    }

    private static String leaf(String dottedName) {
        return dottedName.substring(dottedName.lastIndexOf('.') + 1);
    }

    private static String decode(String s) {
        return URLDecoder.decode(s, StandardCharsets.UTF_8);
    }
}
