#!/usr/bin/env python3
"""Renders every sample through the client openapi-python-client generated from the served
description (scripts/client-test), unedited, and compares each file's bytes with `wenshu print`.

Usage: client-render.py BASE_URL WENSHU_BINARY WORK_FOLDER
The package's name comes from the description's title; the operation of a document is
post_v1_documents_<document> under api/<document>/, its body the document's model.
"""

import importlib
import json
import pathlib
import subprocess
import sys

base_url, wenshu, work = sys.argv[1], sys.argv[2], pathlib.Path(sys.argv[3])
client_module = importlib.import_module("wenshu_render_service_client")
client = client_module.Client(base_url=base_url, timeout=300)
models = importlib.import_module("wenshu_render_service_client.models")


def camel(words):
    return "".join(word[:1].upper() + word[1:] for word in words.split("-") if word)


def model_name(document, data):
    """The model a caller picks: the document's (Confirmation), or, where it has several
    layouts, the office's own form of the data's variant if it has one
    (PaymentNoticeDefaultGuangdong), else the variant's (NotificationDistrict)."""
    if hasattr(models, camel(document)):
        return camel(document)
    variant = data.get("variant") or "default"
    office = data.get("office") if isinstance(data.get("office"), str) else ""
    own = camel(f"{document}-{variant}-{office}")
    return own if hasattr(models, own) else camel(f"{document}-{variant}")


failures = []
count = 0
for sample in sorted(pathlib.Path("samples").glob("*/*.json")):
    document = sample.parent.name
    snake = document.replace("-", "_")
    operation = importlib.import_module(f"wenshu_render_service_client.api.{snake}.post_v1_documents_{snake}")
    data = json.loads(sample.read_text(encoding="utf-8"))
    model = getattr(models, model_name(document, data))
    body = model.from_dict(data)
    response = operation.sync_detailed(client=client, body=body)
    expected = subprocess.run(
        [wenshu, "print", document, str(sample), "-o", "-"], check=True, capture_output=True
    ).stdout
    count += 1
    got = response.content
    if response.status_code != 200 or got != expected:
        out = work / f"{document}-{sample.stem}.pdf"
        out.write_bytes(got)
        failures.append(
            f"{sample}: HTTP {response.status_code}, {len(got)} bytes against {len(expected)} from wenshu print"
            f" (the client's in {out})"
        )
    else:
        parsed = response.parsed
        print(f"{sample}: {len(got)} bytes, as wenshu print ({type(parsed).__name__})")
if failures:
    print("\n".join(failures), file=sys.stderr)
    sys.exit(1)
print(f"client-render: {count} samples rendered through the generated client, each the same bytes as wenshu print")
