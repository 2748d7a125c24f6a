#!/usr/bin/env python3
"""Writes a language-server session to standard output, for timing `deallang lsp` on edits (bench/HISTORY.md,
session 2026-12-05b): initialize, every example deal and scenario file opened, forty full-text edits of
examples/river-bend.deal, then shutdown and exit, each message Content-Length framed.

    python3 bench/lsp/edit-session.py > /tmp/session
    /usr/bin/time -f "%e s" dotnet .deallang/bin/deallang.dll lsp < /tmp/session > /dev/null
"""
import glob
import json
import os
import sys

root = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
examples = os.path.join(root, "examples")


def message(body):
    data = json.dumps(body).encode()
    return b"Content-Length: %d\r\n\r\n" % len(data) + data


out = [
    message({"jsonrpc": "2.0", "id": 1, "method": "initialize", "params": {"processId": None, "rootUri": None, "capabilities": {}}}),
    message({"jsonrpc": "2.0", "method": "initialized", "params": {}}),
]
files = sorted(glob.glob(os.path.join(examples, "*.deal"))) + sorted(glob.glob(os.path.join(examples, "terawulf", "*.deal"))) \
    + sorted(glob.glob(os.path.join(examples, "*.scenarios")))
for path in files:
    with open(path, encoding="utf-8") as f:
        text = f.read()
    out.append(message({"jsonrpc": "2.0", "method": "textDocument/didOpen",
                        "params": {"textDocument": {"uri": "file://" + path, "languageId": "deallang", "version": 1, "text": text}}}))
edited = os.path.join(examples, "river-bend.deal")
with open(edited, encoding="utf-8") as f:
    text = f.read()
for version in range(2, 42):
    out.append(message({"jsonrpc": "2.0", "method": "textDocument/didChange",
                        "params": {"textDocument": {"uri": "file://" + edited, "version": version},
                                   "contentChanges": [{"text": text + "\n// edit %d\n" % version}]}}))
out.append(message({"jsonrpc": "2.0", "id": 2, "method": "shutdown"}))
out.append(message({"jsonrpc": "2.0", "method": "exit"}))
sys.stdout.buffer.write(b"".join(out))
