#!/usr/bin/env python3
"""Checks files written by `connect-create-user build --out DIR` against botocore's own model.

Each FILE must be a CreateUser input as `aws connect create-user --cli-input-json file://FILE` takes
it; botocore's ParamValidator (what the AWS CLI runs before sending) checks it against the `connect`
service model's CreateUser input shape. Prints one line per problem; exit status 1 if any.
Usage: python3 tests/cli/botocore_check.py FILE...
"""
import json
import sys

import botocore.session
from botocore.validate import ParamValidator


def main(paths):
    model = botocore.session.get_session().get_service_model("connect")
    shape = model.operation_model("CreateUser").input_shape
    validator = ParamValidator()
    bad = 0
    for path in paths:
        with open(path, encoding="utf-8") as f:
            params = json.load(f)
        report = validator.validate(params, shape)
        if report.has_errors():
            bad += 1
            print(f"{path}: {report.generate_report()}")
    print(f"{len(paths)} checked, {bad} rejected")
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
