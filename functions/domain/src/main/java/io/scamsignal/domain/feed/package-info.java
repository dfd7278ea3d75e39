/**
 * The partner feeds, pure: TAXII 2.1 paging over a feed table, the MISP feed and the
 * number feed for telecom abuse desks. No storage or HTTP here; the partner-api function and the
 * feed table's store wire them up.
 *
 * <p>The feed table, as {@link io.scamsignal.domain.feed.FeedEntry} models it: partition key the
 * collection id ({@link io.scamsignal.domain.feed.TaxiiResources.Collection}: indicators, rings),
 * sort key {@code date_added#seq}. Alerting appends an indicator's new version (indicator,
 * observable, sighting, and the referenced identities, marking and extension-definitions once per
 * collection) in the transaction that claims the alert, and a ring alert its ring's campaign version
 * and {@code indicates} relationships (io.scamsignal.domain.stix.StixCampaign) to the rings collection,
 * so a replayed batch appends nothing twice; the same transaction increments the collection's
 * counter (condition: still the value read) and updates the object's first/last version item
 * ({@link io.scamsignal.domain.feed.VersionIndex}). An entry is thus visible no later than every
 * entry with a later key, which is what lets {@link io.scamsignal.domain.feed.TaxiiPager} promise
 * no repeats and no gaps while objects keep arriving.
 *
 * <p>TAXII requests: {@link io.scamsignal.domain.feed.TaxiiQuery#fromParameters} (400 with
 * {@link io.scamsignal.domain.feed.FeedRequestException}'s code and message otherwise), read the
 * partition after {@link io.scamsignal.domain.feed.TaxiiQuery#exclusiveStartKey()}, then
 * {@link io.scamsignal.domain.feed.TaxiiPager#page}; the page gives the envelope, manifest or
 * versions body and the X-TAXII-Date-Added headers. {@code next} tokens are HMAC-signed with a key
 * from the deployment's secrets ({@link io.scamsignal.domain.feed.NextTokens}).
 *
 * <p>The MISP feed ({@link io.scamsignal.domain.feed.MispFeed}) and the number feed
 * ({@link io.scamsignal.domain.feed.NumberFeed}) take {@link io.scamsignal.domain.feed.FeedIndicator}s
 * built from the aggregates of alerted indicators, read a day's event or a page at a time: the
 * manifest from {@link io.scamsignal.domain.feed.MispFeed.DaySummary}s kept on write, the number
 * feed's pages by {@link io.scamsignal.domain.feed.NumberFeedPager} from two indexes, with
 * {@code next} tokens signed as TAXII's are.
 */
package io.scamsignal.domain.feed;
