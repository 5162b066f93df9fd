"""Ctrl-C in a real process, at moments that used to go wrong: exit 130, no traceback."""

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

FACTX = str(Path(sys.executable).parent / "factx")
ROOT = Path(__file__).resolve().parents[1]


def interrupted(args, after, tmp_path, cache="empty"):
    env = {**os.environ, **({"FACTX_CACHE_DIR": str(tmp_path / cache)} if cache else {})}
    p = subprocess.Popen([FACTX, *args], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=env, cwd=ROOT)
    time.sleep(after)
    p.send_signal(signal.SIGINT)
    try:
        _, err = p.communicate(timeout=20)
    except subprocess.TimeoutExpired:
        p.kill()
        pytest.fail("Ctrl-C did not end the run")
    return p.returncode, err.decode()


@pytest.mark.parametrize("after", [0.15, 0.4, 0.8, 1.5])
def test_ctrl_c_during_imports_or_rule_compilation_is_a_quiet_130(tmp_path, after):
    code, err = interrupted(["extract", "seeds/"], after, tmp_path)     # an empty rule cache: it compiles
    assert code == 130 and "Traceback" not in err and "Exception ignored" not in err


def test_ctrl_c_in_another_command_is_130_too(tmp_path):
    code, err = interrupted(["rules", "check"], 1.0, tmp_path)
    assert code == 130 and "Traceback" not in err and "Aborted" not in err


def test_ctrl_c_inside_a_backtracking_user_pattern_ends_the_run(tmp_path, backtracking_pack):
    # With the rules cached, the process is inside the match (it would run for minutes) by then.
    pack, slow = backtracking_pack
    code, err = interrupted(["extract", "--patterns", str(pack), "--lang", "en",
                             "--timeout-per-doc", "600", str(slow)], 3.0, tmp_path, cache=None)
    assert code == 130 and "Traceback" not in err


def test_ctrl_c_while_workers_run_the_rule_examples_is_a_quiet_130(tmp_path):
    # With the rules cached, the examples are running in worker processes by then.
    started = time.monotonic()
    code, err = interrupted(["rules", "check", "--jobs", "2"], 1.8, tmp_path, cache=None)
    assert code == 130 and "Traceback" not in err and "KeyboardInterrupt" not in err
    assert time.monotonic() - started < 1.8 + 5


@pytest.mark.parametrize("after", [0.8, 2.5])
def test_ctrl_c_while_workers_compile_the_rules_is_a_quiet_130(tmp_path, after):
    code, err = interrupted(["rules", "warm", "--jobs", "2"], after, tmp_path)     # an empty cache
    assert code == 130 and "Traceback" not in err and "KeyboardInterrupt" not in err


def _children(pid):
    found = []
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if int(fields[1]) == pid:
            found.append(int(stat.parent.name))
    return found


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads /proc")
def test_a_worker_killed_during_rules_check_is_a_clear_error_not_a_hang():
    p = subprocess.Popen([FACTX, "rules", "check", "--jobs", "2"], stdout=subprocess.DEVNULL,
                         stderr=subprocess.PIPE, cwd=ROOT)
    deadline = time.monotonic() + 90         # the workers start once the books are loaded (compiled, if stale)
    while not _children(p.pid) and time.monotonic() < deadline:
        time.sleep(0.05)
    time.sleep(0.3)
    workers = _children(p.pid)
    assert workers, "rules check started no worker"
    for child in workers:
        os.kill(child, signal.SIGKILL)
    try:
        _, err = p.communicate(timeout=20)
    except subprocess.TimeoutExpired:
        p.kill()
        pytest.fail("rules check waited without end for a dead worker")
    assert p.returncode != 0 and "worker process" in err.decode() and "Traceback" not in err.decode()
