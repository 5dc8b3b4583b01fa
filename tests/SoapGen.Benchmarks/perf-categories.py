#!/usr/bin/env python3
"""Groups the samples of `perf script` (recorded with -g on the --call-loop process) by what their stacks are doing.

    perf script -i perf.data | python3 tests/SoapGen.Benchmarks/perf-categories.py

Each sample goes to the first category whose pattern matches one of its frames, in the order below, so a sample
inside XmlReader called by SoapReader counts as SoapGen's reading. Names JIT-compiled frames only when the process ran
with DOTNET_PerfMapEnabled=1 and DOTNET_EnableWriteXorExecute=0 (CONTRIBUTING.md, Benchmarks).
"""
import collections
import re
import sys

READING = re.compile(r"SoapReplyReader|SoapReader|Serializer\.Read|QuotaXmlReader|SoapBodies")
CATEGORIES = [
    ("thread pool spinning before it sleeps (sched_yield)", re.compile(r"sched_yield")),
    ("SoapGen: writing the request", re.compile(r"SoapEnvelopeWriter|SoapWriter")),
    ("SoapGen: copying the reply body", re.compile(r"ReplyBody")),
    ("kernel: TCP, epoll, loopback", re.compile(r"tcp_|ip_|sock_|__send|recv|epoll|net_rx|skb")),
    ("HttpClient and sockets (managed)", re.compile(r"System\.Net\.Http|System\.Net\.Sockets")),
    ("SoapGen: the rest of the call (pipeline, async)", re.compile(r"SoapGen")),
    ("GC", re.compile(r"gc_heap|GCHeap|WKS::|SVR::")),
]


def classify(frames):
    if frames and re.search(r"finish_task_switch|__schedule", frames[0]) and not any("sched_yield" in f for f in frames):
        return "threads parked and woken (scheduler)"
    reader = next((i for i, f in enumerate(frames) if READING.search(f)), None)
    if reader is not None:
        # Frames run from the leaf to the root: a System.Xml frame below our first reading frame is XmlReader's own time.
        inside = any("System.Xml" in f for f in frames[:reader])
        return "SoapGen: reading the reply, inside XmlReader" if inside else "SoapGen: reading the reply, own code"
    for name, pattern in CATEGORIES:
        if any(pattern.search(f) for f in frames):
            return name
    return "other"


def samples(lines):
    frames = []
    for line in lines:
        if not line.strip():
            if frames:
                yield frames
            frames = []
        elif line[0] in " \t":
            parts = line.split(None, 1)
            frames.append(parts[1] if len(parts) > 1 else parts[0])
    if frames:
        yield frames


counts = collections.Counter(classify(frames) for frames in samples(sys.stdin))
total = sum(counts.values()) or 1
for name, count in counts.most_common():
    print(f"{100 * count / total:5.1f}%  {name}")
print(f"{total} samples")
