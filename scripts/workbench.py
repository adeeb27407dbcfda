"""
Start the xblock-sdk workbench with this block, the way `make run` does.

    python scripts/workbench.py [--port 8000] [--var DIR]

The workbench keeps its SQLite database and log in DIR/var (default: the
repository's var/), creates its tables, then serves on 127.0.0.1. Tests start
it through this same script.
"""
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
    args = parser.parse_args()
    (args.home / "var").mkdir(parents=True, exist_ok=True)
    env = dict(os.environ, DJANGO_SETTINGS_MODULE=os.environ.get("DJANGO_SETTINGS_MODULE", "workbench.settings"))
    django = [sys.executable, "-m", "django"]
    subprocess.run(django + ["migrate", "--run-syncdb", "--verbosity", "0"], cwd=args.home, env=env, check=True)
    print(f"Workbench: http://127.0.0.1:{args.port}/scenario/customer_tenet.0/", flush=True)
    os.chdir(args.home)
    os.execve(sys.executable, django + ["runserver", "--noreload", f"127.0.0.1:{args.port}"], env)


if __name__ == "__main__":
    main()
