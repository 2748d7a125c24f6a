#!/usr/bin/env python3
"""Where a JIT-compiled method spends its samples, block by block (bench/README.md, "Profiling a part of the path").

perf cannot disassemble the JIT's code after the process has gone; the JIT can print it (DOTNET_JitDisasm, with
DOTNET_JitDisasmWithCodeBytes=1 its blocks carry their offsets), and the perf map gives the method's start address.
This maps each sample's address to the block holding it and prints the hottest blocks with their first instructions.

usage: hot-blocks.py DISASM_FILE METHOD_PREFIX START_HEX IPS_FILE [BLOCKS]
  DISASM_FILE    the JIT's listing (DOTNET_JitStdOutFile)
  METHOD_PREFIX  the listing's name of the method, e.g. DealLang.Runner.Paths.ContractRelets:Fill
  START_HEX      the Tier1 (or, for a generated deal's method, FullOpts) code's start, from /tmp/perf-PID.map
  IPS_FILE       one sample address (hex) a line, the method's Tier1 samples (perf script -F ip,sym | grep | awk)
"""
import collections
import re
import sys


def main(listing, method, start_hex, ips_file, top=10):
    lines = open(listing).read().split("\n")
    heads = [k for k, l in enumerate(lines)
             if l.startswith("; Assembly listing for method " + method) and ("(Tier1)" in l or "(FullOpts)" in l)]
    if not heads:
        sys.exit(f"no Tier1 or FullOpts listing of {method} in {listing}")
    blocks, current = [], None
    for line in lines[heads[-1] + 1:]:
        if line.startswith("; Assembly listing"):
            break
        m = re.match(r"(G_M\d+_IG\d+):\s+;; offset=0x([0-9A-F]+)", line)
        if m:
            current = [m.group(1), int(m.group(2), 16), []]
            blocks.append(current)
        elif current and line.strip():
            current[2].append(line)
    start = int(start_hex, 16)
    counts = collections.Counter()
    for ip in open(ips_file):
        offset = int(ip, 16) - start
        holder = None
        for block in blocks:
            if block[1] > offset:
                break
            holder = block
        if holder:
            counts[holder[0]] += 1
    total = sum(counts.values()) or 1
    by_name = {b[0]: b for b in blocks}
    for name, n in counts.most_common(top):
        block = by_name[name]
        print(f"== {name} at 0x{block[1]:x}: {100 * n / total:.1f}% of {total} samples")
        for line in block[2][:14]:
            print(line)


if __name__ == "__main__":
    if len(sys.argv) < 5:
        sys.exit(__doc__)
    main(sys.argv[1], sys.argv[2], sys.argv[3], sys.argv[4], int(sys.argv[5]) if len(sys.argv) > 5 else 10)
