"""The packaging suite runs in a fresh virtual environment with the wheel installed (scripts/test makes it), no
Swift toolchain on the PATH and no LD_LIBRARY_PATH: what it imports as saturn_mock is the installed wheel. The
example project is a project of its own, run by test_wheel.py as its user would run it, not collected here."""

pytest_plugins = ["pytester"]
collect_ignore = ["example"]
