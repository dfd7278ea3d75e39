/**
 * The key formats of the DynamoDB tables in infra/template.yaml, one class per table, so that the
 * module that writes an item and the modules that read it (other functions, the operator commands,
 * the benchmarks) share one definition. Names and strings only: no AWS SDK types in the domain.
 */
package io.scamsignal.domain.storage;
