"""
Start the xblock-sdk workbench with this block, the way `make run` does.

    python scripts/run_workbench.py [--port 8000] [--home DIR] [--workers N]

The workbench keeps its SQLite database and log in DIR/var (default: the
repository's var/), creates its tables, then serves on 127.0.0.1: with
Django's development server, or with N gunicorn worker processes, as a
multi-worker LMS would (state then lives only in the database). Tests start
it through this same script.
"""
import json
import argparse
import os
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent


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
