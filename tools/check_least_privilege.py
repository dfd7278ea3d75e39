"""Least privilege, checked on the template as deployed (after the SAM transform):

- no IAM role gets a managed policy (SAM adds AWSLambdaBasicExecutionRole, the DynamoDB
  execution role and X-Ray write access, all on Resource "*", to the roles it generates);
- no statement allows an action "*" or "service:*", and none names Resource "*", except the
  X-Ray statement under the TracingActive condition (X-Ray has no resource-level permissions);
- every Lambda function runs under one of the template's own roles;
- writes to the partner keys table are limited (dynamodb:LeadingKeys) to its rate items
  (rate#<keyId>#<minute>): no role can re-enable a revoked key or change a key's secret;
- execute-api:Invoke is allowed on GET /rings/*/referral only, by one managed policy the stack
  outputs (for the law-enforcement liaison role) and no role of the template;
- no secret is a parameter with a default (NoEcho parameters have none; the stack generates its
  keys in Secrets Manager), and CloudFront's origin headers come from Secrets Manager, never from
  the stack's id or another value readable in the account.

usage: check_least_privilege.py <template.transformed.json>; exit status 1 lists each violation.
"""
import json
import sys

XRAY_ONLY = {"xray:PutTraceSegments", "xray:PutTelemetryRecords"}
PARTNER_KEYS_TABLE = "PartnerKeysTable"
RATE_ITEMS = ["rate#*"]
DYNAMODB_WRITES = {"dynamodb:PutItem", "dynamodb:UpdateItem", "dynamodb:DeleteItem", "dynamodb:BatchWriteItem",
                   "dynamodb:PartiQLInsert", "dynamodb:PartiQLUpdate", "dynamodb:PartiQLDelete", "dynamodb:*"}
REFERRAL_ROUTE = "/*/GET/rings/*/referral"


def as_list(value):
    return value if isinstance(value, list) else [value]


def statements(node, conditions):
    """(statement, conditions it is under) for each statement, through Fn::If branches."""
    if isinstance(node, dict) and set(node) == {"Fn::If"}:
        condition, when_true, when_false = node["Fn::If"]
        yield from statements(when_true, conditions + [condition])
        yield from statements(when_false, conditions + ["!" + condition])
    elif isinstance(node, list):
        for item in node:
            yield from statements(item, conditions)
    elif isinstance(node, dict) and "Effect" in node:
        yield node, conditions


def names_resource(node, logical_id):
    """Whether a Resource value (a Ref, GetAtt, Sub or a list of them) points at the logical id."""
    if isinstance(node, list):
        return any(names_resource(n, logical_id) for n in node)
    if isinstance(node, dict):
        if node.get("Ref") == logical_id:
            return True
        if "Fn::GetAtt" in node:
            target = node["Fn::GetAtt"]
            return (target[0] if isinstance(target, list) else target.split(".")[0]) == logical_id
        if "Fn::Sub" in node:
            text = node["Fn::Sub"][0] if isinstance(node["Fn::Sub"], list) else node["Fn::Sub"]
            return "${" + logical_id + "}" in text or "${" + logical_id + "." in text
        return any(names_resource(v, logical_id) for v in node.values())
    return False


def sub_text(node):
    if isinstance(node, dict) and "Fn::Sub" in node:
        return node["Fn::Sub"][0] if isinstance(node["Fn::Sub"], list) else node["Fn::Sub"]
    return node if isinstance(node, str) else None


def leading_keys(statement):
    """The dynamodb:LeadingKeys patterns a statement is limited to (ForAllValues:StringLike/Equals), or None."""
    condition = statement.get("Condition", {})
    for operator in ("ForAllValues:StringLike", "ForAllValues:StringEquals"):
        keys = condition.get(operator, {}).get("dynamodb:LeadingKeys")
        if keys is not None:
            return as_list(keys)
    return None


def policy_checks(rid, resource, statement, problems):
    actions = set(as_list(statement.get("Action", [])))
    resources = statement.get("Resource", [])
    if actions & DYNAMODB_WRITES and names_resource(resources, PARTNER_KEYS_TABLE):
        keys = leading_keys(statement)
        if keys is None or not keys or any(k not in RATE_ITEMS for k in keys):
            problems.append(f"{rid} {statement.get('Sid', '')}: writes to {PARTNER_KEYS_TABLE} beyond its rate items "
                            f"(dynamodb:LeadingKeys {keys}, expected {RATE_ITEMS})")
    if actions & {"execute-api:Invoke", "execute-api:*"}:
        if resource["Type"] != "AWS::IAM::ManagedPolicy":
            problems.append(f"{rid} {statement.get('Sid', '')}: execute-api:Invoke in a role or inline policy")
        for target in as_list(resources):
            text = sub_text(target)
            if text is None or not text.endswith(REFERRAL_ROUTE):
                problems.append(f"{rid} {statement.get('Sid', '')}: execute-api:Invoke on {target}, "
                                f"not only on {REFERRAL_ROUTE}")


def invoke_policies(resources):
    found = []
    for rid, resource in resources.items():
        if resource["Type"] == "AWS::IAM::ManagedPolicy":
            for statement, _ in statements(resource["Properties"]["PolicyDocument"].get("Statement", []), []):
                if "execute-api:Invoke" in as_list(statement.get("Action", [])):
                    found.append(rid)
    return found


def secret_checks(template, problems):
    for name, parameter in template.get("Parameters", {}).items():
        if str(parameter.get("NoEcho", "false")).lower() == "true" and "Default" in parameter:
            problems.append(f"parameter {name}: a secret with a default value (generate it in the stack)")
    for rid, resource in template["Resources"].items():
        if resource["Type"] != "AWS::CloudFront::Distribution":
            continue
        for origin in resource["Properties"]["DistributionConfig"].get("Origins", []):
            for header in origin.get("OriginCustomHeaders", []):
                text = sub_text(header.get("HeaderValue"))
                if text is None or not text.startswith("{{resolve:secretsmanager:"):
                    problems.append(f"{rid}: origin header {header.get('HeaderName')} is not a Secrets Manager "
                                    f"dynamic reference ({header.get('HeaderValue')})")


def violations(template):
    resources = template["Resources"]
    problems = []
    for rid, resource in resources.items():
        properties = resource.get("Properties", {})
        if resource["Type"] == "AWS::IAM::Role":
            if properties.get("ManagedPolicyArns"):
                problems.append(f"{rid}: managed policies {properties['ManagedPolicyArns']}")
            documents = [p["PolicyDocument"] for p in properties.get("Policies", [])]
        elif resource["Type"] in ("AWS::IAM::Policy", "AWS::IAM::ManagedPolicy"):
            documents = [properties["PolicyDocument"]]
        else:
            continue
        for document in documents:
            for statement, conditions in statements(document.get("Statement", []), []):
                if statement.get("Effect") != "Allow":
                    continue
                actions = as_list(statement.get("Action", []))
                wide_actions = [a for a in actions if isinstance(a, str) and (a == "*" or a.endswith(":*"))]
                if wide_actions or "NotAction" in statement or "NotResource" in statement:
                    problems.append(f"{rid} {statement.get('Sid', '')}: wide or negated actions {actions}")
                if "*" in as_list(statement.get("Resource", [])):
                    if not (set(actions) <= XRAY_ONLY and "TracingActive" in conditions):
                        problems.append(f"{rid} {statement.get('Sid', '')}: Resource \"*\" for {actions}")
                policy_checks(rid, resource, statement, problems)
    readers = invoke_policies(resources)
    outputs = template.get("Outputs", {})
    if len(readers) != 1:
        problems.append(f"expected one managed policy allowing execute-api:Invoke (referral readers), found {readers}")
    elif not any(o.get("Value") == {"Ref": readers[0]} for o in outputs.values()):
        problems.append(f"{readers[0]}: the referral readers' policy is not a stack output")
    secret_checks(template, problems)
    roles = {rid for rid, r in resources.items() if r["Type"] == "AWS::IAM::Role"}
    for rid, resource in resources.items():
        if resource["Type"] == "AWS::Lambda::Function":
            role = resource["Properties"].get("Role")
            if not (isinstance(role, dict) and role.get("Fn::GetAtt", [None])[0] in roles):
                problems.append(f"{rid}: runs under {role}, not one of the template's roles")
    return problems


def main(path):
    with open(path, encoding="utf-8") as f:
        problems = violations(json.load(f))
    for problem in problems:
        print("least privilege: " + problem, file=sys.stderr)
    if problems:
        sys.exit(1)
    print("least privilege: no managed policies, no \"*\" actions, Resource \"*\" only for X-Ray when tracing is Active;"
          " partner keys writable only at rate items; referral reads by the one output policy; no default secrets")


if __name__ == "__main__":
    main(sys.argv[1])
