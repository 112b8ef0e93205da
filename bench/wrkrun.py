"""Run wrk once and say how much of the machine other work took meanwhile.

    python bench/wrkrun.py --server-pid PID -- wrk -t2 -c8 -d15s ... URL

Prints wrk's own output, then one line: `CPU server_pct=.. wrk_pct=.. other_pct=.. kernel_pct=..`,
shares of all CPUs over the run: the server (the gunicorn master and its workers), wrk itself,
the user time of every other process on the machine (other_pct: someone else's tests or builds;
when it is high, the figures are pessimistic), and system time nobody above was charged for
(kernel_pct: loopback networking in softirq, disk journaling, and the system time of other
processes). Steal time (a hypervisor's other guests) counts in kernel_pct.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import time

TICKS = os.sysconf("SC_CLK_TCK")


def machine() -> tuple[float, float]:
    """CPU seconds used so far on the whole machine: (user, system + irq + softirq + steal)."""
    with open("/proc/stat") as stat:
        fields = [int(x) for x in stat.readline().split()[1:]] + [0] * 8
    user = fields[0] + fields[1]  # user + nice (guest time is already counted in user)
    system = fields[2] + fields[5] + fields[6] + fields[7]
    return user / TICKS, system / TICKS


def tree_cpu(root: int) -> tuple[float, float]:
    """CPU seconds (user, system) of a process and its children (gunicorn master and workers)."""
    user = system = 0.0
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/stat") as stat:
                text = stat.read()
        except OSError:
            continue
        fields = text[text.rindex(")") + 2:].split()
        pid, ppid = int(entry), int(fields[1])
        if pid == root or ppid == root:
            user += int(fields[11]) / TICKS
            system += int(fields[12]) / TICKS
    return user, system


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--server-pid", type=int, required=True)
    parser.add_argument("command", nargs=argparse.REMAINDER)
    options = parser.parse_args()
    command = options.command[1:] if options.command[:1] == ["--"] else options.command

    machine0 = machine()
    server0 = tree_cpu(options.server_pid)
    began = time.monotonic()
    process = subprocess.Popen(command)
    _, status, usage = os.wait4(process.pid, 0)
    process.returncode = os.waitstatus_to_exitcode(status)
    server1 = tree_cpu(options.server_pid)
    machine1 = machine()
    elapsed = time.monotonic() - began

    capacity = elapsed * (os.cpu_count() or 1)
    server_user, server_system = (server1[0] - server0[0], server1[1] - server0[1])
    other = max(0.0, machine1[0] - machine0[0] - server_user - usage.ru_utime)
    kernel = max(0.0, machine1[1] - machine0[1] - server_system - usage.ru_stime)
    shares = {"server": server_user + server_system, "wrk": usage.ru_utime + usage.ru_stime,
              "other": other, "kernel": kernel}
    print("CPU " + " ".join(f"{k}_pct={100 * v / capacity:.0f}" for k, v in shares.items()), flush=True)
    sys.exit(process.returncode)


if __name__ == "__main__":
    main()
