/**
 * STIX 2.1 for partners' threat-intelligence platforms, pure: no storage, no AWS.
 *
 * <p>How the rest of the system uses it:
 * <ul>
 * <li>When an indicator first alerts, alerting mints {@link io.scamsignal.domain.stix.StixIds#newIndicatorId()}
 * and stores {@link io.scamsignal.domain.stix.IndicatorState} in the alerts table under
 * {@code alertId = stix#<indicator key>} (not on the aggregate, which enrichment rewrites whole and
 * whose every write would wake alerting again), in the same transaction as the alert claim (a
 * retried batch must not mint a second id). Indicators that
 * alerted before these fields existed use {@link io.scamsignal.domain.stix.StixIds#indicatorIdFor}
 * of their key, with {@code firstSeen} as created.</li>
 * <li>Every later alert-state change (new alert or escalation: {@code changed}; false-positive
 * withdrawal: {@code revoke}) stores the next state; {@link io.scamsignal.domain.stix.StixExporter}
 * renders that version, and the objects go to the feed table (see the feed package).</li>
 * <li>Template parameters: the TLP level ({@link io.scamsignal.domain.stix.Tlp#parse}) and the
 * expiry per indicator type ({@link io.scamsignal.domain.stix.ExpiryRules#parse}, e.g.
 * {@code phone=180d,url=30d}).</li>
 * </ul>
 *
 * <p>Tests: StixExporterTest (unit) and StixValidationIT, which runs OASIS's validator from .venv
 * (tools/stix_validate.py) with the schemas vendored in contracts/vendor/cti-stix2-json-schemas.
 */
package io.scamsignal.domain.stix;
