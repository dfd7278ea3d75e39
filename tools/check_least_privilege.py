"""Least privilege, checked on the template as deployed (after the SAM transform):

- no IAM role gets a managed policy (SAM adds AWSLambdaBasicExecutionRole, the DynamoDB
  execution role and X-Ray write access, all on Resource "*", to the roles it generates);
- no statement allows an action "*" or "service:*", and none names Resource "*", except the
  X-Ray statement under the TracingActive condition (X-Ray has no resource-level permissions);
- every Lambda function runs under one of the template's own roles.

usage: check_least_privilege.py <template.transformed.json>; exit status 1 lists each violation.
"""
import json
import sys

XRAY_ONLY = {"xray:PutTraceSegments", "xray:PutTelemetryRecords"}


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
    print("least privilege: no managed policies, no \"*\" actions, Resource \"*\" only for X-Ray when tracing is Active")


if __name__ == "__main__":
    main(sys.argv[1])
