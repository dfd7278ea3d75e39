"""moto server, with one optional patch for long runs (SCAMSIGNAL_MOTO_FAST_TRANSACTIONS=1).

moto 5.2.5's TransactWriteItems deep-copies every table a transaction names, to roll it back on
failure: each transaction costs time proportional to the tables' size (72 per second on empty
tables, 4 per second at 2,000 items on this machine). The patch keeps the same semantics with
item-level snapshots: before the transaction, a copy of each item it names (or its absence) and
the length of each table's stream; on failure, exactly those items and the streams are restored.
`make run` and `make bench` turn it on; the integration tests use moto as released (but
RingCorpusPipelineIT, a thousand transactions on growing tables, and SchemathesisIT, some 300 accepted
reports and their enrichment on one stack, on a moto of their own with it), and
e2e's PatchedMotoIT checks that both leave the same items and stream records.
"""
import copy
import os
import re
import sys

import moto
from moto.dynamodb.models import DynamoDBBackend
from moto.dynamodb.models.dynamo_type import DynamoType

PATCHED_VERSION = "5.2.5"


def _key_of(table, op_type, op):
    attrs = op["Item"] if op_type == "Put" else op["Key"]
    if table.hash_key_attr not in attrs:
        return None
    hash_value = DynamoType(attrs[table.hash_key_attr])
    range_value = None
    if table.range_key_attr is not None:
        if table.range_key_attr not in attrs:
            return None
        range_value = DynamoType(attrs[table.range_key_attr])
    return hash_value, range_value


def _get(table, hash_value, range_value):
    if range_value is None:
        return table.items.get(hash_value)
    return table.items.get(hash_value, {}).get(range_value)


def _set(table, hash_value, range_value, item):
    if range_value is None:
        if item is None:
            table.items.pop(hash_value, None)
        else:
            table.items[hash_value] = item
        return
    partition = table.items.get(hash_value)
    if item is None:
        if partition is not None:
            partition.pop(range_value, None)
            if not partition:
                table.items.pop(hash_value, None)
    else:
        table.items[hash_value][range_value] = item


def transact_write_items(self, transact_items):
    """moto 5.2.5's DynamoDBBackend.transact_write_items, its table copies replaced by item-level
    snapshots (marked "patched"); everything else as released."""
    from moto.dynamodb.comparisons import get_filter_expression
    from moto.dynamodb.exceptions import (ConditionalCheckFailed, MockValidationException,
                                          MultipleTransactionsException, TooManyTransactionsException,
                                          TransactionCanceledException, TransactWriteSingleOpException)

    if len(transact_items) > 100:
        raise TooManyTransactionsException()
    # patched: snapshot what the transaction names (each item, or its absence) and each stream's length
    snapshots = []
    streams = {}
    for entry in transact_items:
        if len(entry) != 1:
            continue
        op_type, op = next(iter(entry.items()))
        table = self.tables.get(op.get("TableName")) if isinstance(op, dict) else None
        if table is None:
            continue
        key = _key_of(table, op_type, op)
        if key is not None:
            snapshots.append((table, key, copy.deepcopy(_get(table, *key))))
        if table.stream_shard is not None and table.name not in streams:
            streams[table.name] = (table.stream_shard, len(table.stream_shard.items))

    def rollback():
        for table, key, item in reversed(snapshots):
            _set(table, *key, item)
        for shard, length in streams.values():
            del shard.items[length:]

    target_items = set()

    def check_unicity(table_name, key):
        item = (str(table_name), str(dict(sorted(key.items()))))
        if item in target_items:
            raise MultipleTransactionsException()
        target_items.add(item)

    errors = []
    for item in transact_items:
        original_item = None
        if len(list(item.keys())) > 1:
            raise TransactWriteSingleOpException
        try:
            op_type, op = next(iter(item.items()))
            if op_type not in {"ConditionCheck", "Put", "Delete", "Update"}:
                raise ValueError("Unsupported transaction operation")
            table_name = op["TableName"]
            condition_expression = op.get("ConditionExpression")
            expression_attribute_names = op.get("ExpressionAttributeNames")
            expression_attribute_values = op.get("ExpressionAttributeValues")
            return_values_on_condition_check_failure = op.get("ReturnValuesOnConditionCheckFailure")
            if op_type == "Put":
                attrs = op["Item"]
                table = self.get_table(table_name)
                key = {table.hash_key_attr: attrs[table.hash_key_attr]}
                if table.range_key_attr is not None:
                    key[table.range_key_attr] = attrs[table.range_key_attr]
            else:
                key = op["Key"]
            check_unicity(table_name, key)
            current = self.get_item(table_name, key)
            if condition_expression is not None:
                condition_op = get_filter_expression(condition_expression, expression_attribute_names,
                                                     expression_attribute_values)
                if not condition_op.expr(current):
                    if return_values_on_condition_check_failure == "ALL_OLD" and current:
                        original_item = current.to_json()["Attributes"]
                    raise ConditionalCheckFailed(item=original_item)
            if op_type == "Put":
                self.put_item(table_name, op["Item"], condition_expression=condition_expression,
                              expression_attribute_names=expression_attribute_names,
                              expression_attribute_values=expression_attribute_values)
            elif op_type == "Delete":
                self.delete_item(table_name, key, condition_expression=condition_expression,
                                 expression_attribute_names=expression_attribute_names,
                                 expression_attribute_values=expression_attribute_values)
            elif op_type == "Update":
                self.update_item(table_name, key, update_expression=op["UpdateExpression"],
                                 condition_expression=condition_expression,
                                 expression_attribute_names=expression_attribute_names,
                                 expression_attribute_values=expression_attribute_values)
            errors.append((None, None, None))
        except (MultipleTransactionsException, MockValidationException):
            rollback()  # patched
            raise
        except ConditionalCheckFailed as e:
            errors.append(("ConditionalCheckFailed", str(e.message), original_item))
        except Exception as e:  # noqa: E722 as released
            errors.append((type(e).__name__, str(e), original_item))

    if any(code is not None for code, _, _ in errors):
        rollback()  # patched
        raise TransactionCanceledException(errors)


def apply():
    if moto.__version__ != PATCHED_VERSION:
        print(f"moto {moto.__version__} is not {PATCHED_VERSION}: item-level transaction snapshots not applied",
              file=sys.stderr)
        return
    DynamoDBBackend.transact_write_items = transact_write_items
    print("moto: TransactWriteItems with item-level snapshots (tools/moto_server.py)", file=sys.stderr)


if __name__ == "__main__":
    if os.environ.get("SCAMSIGNAL_MOTO_FAST_TRANSACTIONS") == "1":
        apply()
    from moto.server import main
    sys.argv[0] = re.sub(r"(-script\.pyw|\.exe)?$", "", sys.argv[0])
    sys.exit(main())
