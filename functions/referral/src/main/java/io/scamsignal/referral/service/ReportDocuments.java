package io.scamsignal.referral.service;

import io.scamsignal.domain.referral.ReporterContact;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/** What a packet reads of the reports and reporter data tables. */
public interface ReportDocuments {

    /** The stored document (JSON) of each report, by report id. */
    Map<String, String> documents(Collection<String> reportIds);

    /**
     * Contact details of the reports whose reporters agreed to be contacted by law enforcement;
     * nobody else's are read.
     */
    List<ReporterContact> consentingContacts(Collection<String> reportIds);

    /**
     * The current STIX indicator object (JSON) the TAXII feed serves for each of these indicator keys
     * that ever alerted, so the packet's bundle carries the same objects, at the same version.
     */
    Map<String, String> feedIndicators(Collection<String> indicatorKeys);
}
