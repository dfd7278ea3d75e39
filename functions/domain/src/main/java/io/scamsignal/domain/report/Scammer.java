package io.scamsignal.domain.report;

import java.util.List;

/**
 * What the victim knows about the scammer, as typed. {@code walletAddresses} are checked by their
 * checksums at intake; documents stored before they existed read back with an empty list.
 */
public record Scammer(List<String> phoneNumbers, List<String> websites, List<String> emails,
                      List<RemoteAccessTool> remoteAccessTools, List<String> names, List<String> walletAddresses) {

    public Scammer {
        phoneNumbers = List.copyOf(phoneNumbers);
        websites = List.copyOf(websites);
        emails = List.copyOf(emails);
        remoteAccessTools = List.copyOf(remoteAccessTools);
        names = List.copyOf(names);
        walletAddresses = walletAddresses == null ? List.of() : List.copyOf(walletAddresses);
    }

    /** A scammer without wallets: the shape before payment accounts were collected. */
    public Scammer(List<String> phoneNumbers, List<String> websites, List<String> emails,
                   List<RemoteAccessTool> remoteAccessTools, List<String> names) {
        this(phoneNumbers, websites, emails, remoteAccessTools, names, List.of());
    }
}
