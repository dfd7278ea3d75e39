"""The template as CloudFormation deploys it, for the linters (make lint).

1. `sam deploy` packaging: each AWS::Include of a local file (the HttpApi's OpenAPI definition)
   is replaced by the file's content, and each function's local CodeUri by an S3 location;
2. the SAM transform (aws-sam-translator, the library CloudFormation's own transform runs).

cfn-lint then checks the plain CloudFormation result and the least-privilege check reads the
roles the functions really get. cfn-lint does not look into an API's Body, so this script checks
that every Fn::Sub variable anywhere (the included integration's target alias, say) names a
parameter, a pseudo parameter or a resource of the transformed template.

usage: transform_template.py <template.yaml> <output-directory>
writes <output-directory>/template.packaged.json and template.transformed.json
"""
import json
import os
import re
import sys

from cfnlint.decode import cfn_yaml
from samtranslator.parser import parser
from samtranslator.translator.translator import Translator


def package(node, directory):
    if isinstance(node, dict):
        transform = node.get("Fn::Transform") if len(node) == 1 else None
        if isinstance(transform, dict) and transform.get("Name") == "AWS::Include":
            path = os.path.normpath(os.path.join(directory, transform["Parameters"]["Location"]))
            return package(cfn_yaml.load(path), os.path.dirname(path))
        return {key: package(value, directory) for key, value in node.items()}
    if isinstance(node, list):
        return [package(item, directory) for item in node]
    return node


class NoManagedPolicies:
    """SAM asks for managed policy ARNs when it attaches any; the template attaches none."""

    def load(self):
        return {}


def main(template, output_directory):
    document = json.loads(json.dumps(
        package(cfn_yaml.load(template), os.path.dirname(os.path.abspath(template))), default=str))
    for resource in document["Resources"].values():
        properties = resource.get("Properties", {})
        if resource["Type"] == "AWS::Serverless::Function" and isinstance(properties.get("CodeUri"), str):
            properties["CodeUri"] = "s3://scamsignal-artifacts/" + os.path.basename(properties["CodeUri"])
    os.makedirs(output_directory, exist_ok=True)
    with open(os.path.join(output_directory, "template.packaged.json"), "w", encoding="utf-8") as out:
        json.dump(document, out, indent=1)
    os.environ.setdefault("AWS_DEFAULT_REGION", "eu-central-1")
    transformed = Translator(NoManagedPolicies(), parser.Parser()).translate(
        document, {"AWS::Region": os.environ["AWS_DEFAULT_REGION"], "AWS::Partition": "aws"})
    with open(os.path.join(output_directory, "template.transformed.json"), "w", encoding="utf-8") as out:
        json.dump(transformed, out, indent=1, default=str)
    names = set(transformed.get("Parameters", {})) | set(transformed["Resources"]) | {
        "AWS::AccountId", "AWS::NotificationARNs", "AWS::Partition", "AWS::Region", "AWS::StackId",
        "AWS::StackName", "AWS::URLSuffix"}
    unresolved = unresolved_sub_variables(transformed["Resources"], names)
    if unresolved:
        sys.exit("Fn::Sub variables that name nothing in the deployed template:\n  " + "\n  ".join(unresolved))


def unresolved_sub_variables(node, names, path="", found=None):
    found = [] if found is None else found
    if isinstance(node, dict):
        if set(node) == {"Fn::Sub"}:
            argument = node["Fn::Sub"]
            text, local = (argument[0], set(argument[1])) if isinstance(argument, list) else (argument, set())
            for variable in re.findall(r"\$\{([^}!][^}]*)}", text):
                if variable not in local and variable.split(".")[0] not in names:
                    found.append(f"{path}: ${{{variable}}}")
        for key, value in node.items():
            unresolved_sub_variables(value, names, f"{path}/{key}", found)
    elif isinstance(node, list):
        for index, item in enumerate(node):
            unresolved_sub_variables(item, names, f"{path}/{index}", found)
    return found


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
