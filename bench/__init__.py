"""Benchmarks of Complaint Desk: ``python -m bench NAME [--cases N] [--seed S]``.

Each benchmark runs our code and a baseline side by side in one process, prints a table,
and as its last line one JSON object:
``{"benchmark", "ours_s", "baseline_s", "ratio", "goal", "met"}``.
Databases of N demo cases are built with the real services and cached in ``bench/.cache``.
"""
