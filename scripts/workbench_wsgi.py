"""
The workbench's WSGI application with its scenarios loaded before gunicorn
forks its workers (run_workbench.py --workers N uses it with --preload).

The workbench loads scenarios lazily, per process, on the first scenario page
a process serves, and only then knows their blocks' ids: a handler request
reaching a worker that has not yet served a page got a 404. Loading once in
the master gives every worker the same ids and writes the scenarios to the
database once, not once per worker.
"""
from workbench.wsgi import application  # noqa: F401  isort:skip  (sets Django up first)

from django.db import connections  # noqa: E402
from workbench.scenarios import get_scenarios  # noqa: E402

get_scenarios()
connections.close_all()  # SQLite connections must not cross fork(); each worker opens its own
