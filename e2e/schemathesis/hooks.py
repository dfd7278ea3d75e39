"""Schemathesis hooks for SchemathesisIT (loaded through SCHEMATHESIS_HOOKS).

positive_data_acceptance sends schema-valid reports and expects them accepted. The Report schema in
contracts/report-api.openapi.yaml states some of its rules only in words, which JSON Schema cannot
carry: a real calendar date not in the future and not before 2000 (incidentDate), an ISO 3166-1
country and an ISO 4217 currency (the schema has only their patterns), a currency with every amount
(loss), at least one indicator (scammer), e-mail addresses that are e-mail addresses, phone numbers
that are numbers (libphonenumber) and wallet addresses whose checksum holds. Phone numbers and wallet
addresses cannot be checked here without their libraries: a positive case gets known-good ones, in
turn from two corpora, so that acceptance is shown for many, not one: libphonenumber's example
number of every number type of each of the six countries the forms offer, in E.164 and
international format (the test writes them from PhoneNumberUtil.getExampleNumberForType, into
SCAMSIGNAL_ISO_LISTS), and the published wallet test vectors of valid-wallets.json (BIP-350 segwit,
base58check addresses quoted in BIPs, EIP-55; tools/refresh_wallet_vectors.py writes it with its
sources). The form of phone input is fuzzed by the unit and property tests of PhoneNormalizer
instead. Schemathesis knows the patterns only, so a positive case may break a rule stated in
words, and the API then rightly answers 400. This hook brings each *positive* case within those
written rules and touches nothing else; negative cases go out as generated. The lists are the
ones the validator uses (the JDK's), written by the test to SCAMSIGNAL_ISO_LISTS.
"""
import datetime
import itertools
import json
import os
import re
import uuid

import schemathesis
from schemathesis import GenerationMode

_LISTS = json.load(open(os.environ["SCAMSIGNAL_ISO_LISTS"], encoding="utf-8"))
_COUNTRIES = set(_LISTS["countries"])
_CURRENCIES = set(_LISTS["currencies"])
# what counts as an indicator (names do not; a remote-access tool only with its id)
_INDICATOR_FIELDS = ("phoneNumbers", "websites", "emails", "remoteAccessTools", "walletAddresses")


def _valid_date(value):
    try:
        day = datetime.date.fromisoformat(value)
    except (TypeError, ValueError):
        return False
    # the validator allows today in the latest time zone (UTC+14)
    latest = (datetime.datetime.now(datetime.timezone.utc) + datetime.timedelta(hours=14)).date()
    return datetime.date(2000, 1, 1) <= day <= latest


_EMAIL = re.compile(r"[^@\s]+@[^@\s]+\.[^@\s]+")
_PHONES = itertools.cycle(_LISTS["phones"])
_WALLETS = itertools.cycle([w["address"] for w in json.load(
    open(os.path.join(os.path.dirname(os.path.abspath(__file__)), "valid-wallets.json"), encoding="utf-8"))["wallets"]])


def _as_list(value):
    if value is None:
        return []
    return value if isinstance(value, list) else [value]


def _fix(get, put):
    if not _valid_date(get("incidentDate")):
        put("incidentDate", "2026-11-20")
    if get("country") not in _COUNTRIES:
        put("country", "US")
    currency = get("loss.currency")
    if currency is not None and currency not in _CURRENCIES:
        put("loss.currency", "USD")
    if get("loss.amount") is not None and get("loss.currency") is None:
        put("loss.currency", "USD")
    email = get("reporter.email")
    if isinstance(email, str) and email.strip() and not _EMAIL.fullmatch(email.strip()):
        put("reporter.email", "reporter@example.net")
    emails = _as_list(get("scammer.emails"))
    if any(e is not None and not _EMAIL.fullmatch(e) for e in emails):
        put("scammer.emails", [e if e is None or _EMAIL.fullmatch(e) else "scammer@example.net" for e in emails])
    phones = _as_list(get("scammer.phoneNumbers"))
    if phones:
        put("scammer.phoneNumbers", [None if p is None else next(_PHONES) for p in phones])
    wallets = _as_list(get("scammer.walletAddresses"))
    if wallets:
        put("scammer.walletAddresses", [None if w is None else next(_WALLETS) for w in wallets])
    if not any(_present(get("scammer." + f)) for f in _INDICATOR_FIELDS):
        put("scammer.phoneNumbers", [next(_PHONES)])


def _present(value):
    for item in _as_list(value):
        if isinstance(item, dict) and item.get("id") is not None:
            return True
        # the form drops fields left empty, so a blank string may not count: add a number then
        if isinstance(item, str) and item.strip():
            return True
    return False


_NETWORKS = itertools.count(1)


@schemathesis.hook
def map_case(context, case):
    # each case from a network of its own (the runner honours X-Forwarded-For from loopback): the
    # per-network limit (20 an hour, TrustPipelineIT's subject) would otherwise answer 429 to every
    # valid report after the twentieth, and positive_data_acceptance would test the limit instead
    n = next(_NETWORKS)
    case.headers = {**(case.headers or {}), "X-Forwarded-For": f"10.{n >> 8 & 255}.{n & 255}.1"}
    meta = getattr(case, "meta", None)
    if meta is None or meta.generation.mode != GenerationMode.POSITIVE or not isinstance(case.body, dict):
        return case
    # a key schemathesis reuses for another body is rightly 409 idempotency_key_reused: a positive
    # case is a new report, so it gets a key of its own
    for name in list(case.headers):
        if name.lower() == "idempotency-key":
            case.headers[name] = f"st-{n}-{uuid.uuid4()}"
    body = case.body
    if "form" in (case.media_type or ""):  # the HTML form's flat names: loss.currency
        _fix(body.get, body.__setitem__)
    else:
        def get(path):
            node = body
            for part in path.split("."):
                if not isinstance(node, dict):
                    return None
                node = node.get(part)
            return node

        def put(path, value):
            node = body
            parts = path.split(".")
            for part in parts[:-1]:
                if not isinstance(node.get(part), dict):
                    node[part] = {}
                node = node[part]
            node[parts[-1]] = value

        _fix(get, put)
    return case
