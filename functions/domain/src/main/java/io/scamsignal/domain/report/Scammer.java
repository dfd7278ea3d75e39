package io.scamsignal.domain.report;

import java.util.List;

/** What the victim knows about the scammer, as typed. */
public record Scammer(List<String> phoneNumbers, List<String> websites, List<String> emails,
                      List<RemoteAccessTool> remoteAccessTools, List<String> names) {

    public Scammer {
        phoneNumbers = List.copyOf(phoneNumbers);
        websites = List.copyOf(websites);
        emails = List.copyOf(emails);
        remoteAccessTools = List.copyOf(remoteAccessTools);
        names = List.copyOf(names);
    }
}
