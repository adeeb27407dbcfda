"""
Start the xblock-sdk workbench with this block, the way `make run` does.

    python scripts/run_workbench.py [--port 8000] [--home DIR] [--workers N]

The workbench keeps its SQLite database and log in DIR/var (default: the
repository's var/), creates its tables, then serves on 127.0.0.1: with
Django's development server, or with N gunicorn worker processes, as a
multi-worker LMS would (state then lives only in the database). Tests start
it through this same script.
"""
import argparse
import contextlib
import json
import os
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def start_in_background(home, workers=0, databases=None, environment=None):
    """
    Run this script in the background on a free port and wait until it answers
    (tests and `make screenshots` use it): returns (process, base URL).
    `workers`: gunicorn processes; `databases`: WORKBENCH_DATABASES, if not ours.
    """
    port = free_port()
    env = {key: value for key, value in os.environ.items()
           if key not in ("WORKBENCH_DATABASES", "DJANGO_SETTINGS_MODULE")}
    env["PYTHONUNBUFFERED"] = "1"
    if databases:
        env["WORKBENCH_DATABASES"] = json.dumps(databases)
    env.update(environment or {})
    log = open(home / "server.log", "w")  # noqa: SIM115 - closed with the process
    process = subprocess.Popen(
        [sys.executable, __file__, "--port", str(port), "--home", str(home),
         "--workers", str(workers)],
        stdout=log, stderr=subprocess.STDOUT, env=env,
    )
    base = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError("the workbench exited:\n" + (home / "server.log").read_text())
        try:
            with urllib.request.urlopen(base + "/", timeout=2):
                return process, base
        except OSError:
            time.sleep(0.3)
    process.kill()
    raise RuntimeError("the workbench did not start:\n" + (home / "server.log").read_text())



@contextlib.contextmanager
def serving(home, **options):
    """start_in_background for the length of a with-block: yields (process, base URL), then stops it."""
    process, base = start_in_background(home, **options)
    try:
        yield process, base
    finally:
        process.terminate()
        process.wait(timeout=20)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--port", type=int, default=8000)
    parser.add_argument("--home", type=Path, default=REPO, help="folder that holds var/")
    parser.add_argument("--workers", type=int, default=0, help="serve with this many gunicorn processes")
    args = parser.parse_args()
    (args.home / "var").mkdir(parents=True, exist_ok=True)
    # Our settings add a user service that marks `?student=staff...` as course staff.
    python_path = os.pathsep.join(filter(None, [str(REPO / "scripts"), os.environ.get("PYTHONPATH")]))
    env = dict(os.environ, PYTHONPATH=python_path,
               DJANGO_SETTINGS_MODULE=os.environ.get("DJANGO_SETTINGS_MODULE", "workbench_settings"))
    if args.workers and "WORKBENCH_DATABASES" not in env:
        # Several processes share one SQLite file: wait for its lock instead of failing.
        env["WORKBENCH_DATABASES"] = json.dumps({"default": {
            "ENGINE": "django.db.backends.sqlite3", "NAME": "var/workbench.db", "OPTIONS": {"timeout": 60},
        }})
    django = [sys.executable, "-m", "django"]
    subprocess.run(django + ["migrate", "--run-syncdb", "--verbosity", "0"], cwd=args.home, env=env, check=True)
    print(f"Workbench: http://127.0.0.1:{args.port}/scenario/customer_tenet.0/", flush=True)
    os.chdir(args.home)
    if args.workers:
        gunicorn = [sys.executable, "-m", "gunicorn", "--workers", str(args.workers), "--preload",
                    "--bind", f"127.0.0.1:{args.port}", "--log-level", "warning", "workbench_wsgi:application"]
        os.execve(sys.executable, gunicorn, env)
    os.execve(sys.executable, django + ["runserver", "--noreload", f"127.0.0.1:{args.port}"], env)


if __name__ == "__main__":
    main()
