"""Benchmark and load-test tooling: `make bench` (bench.py) and `make load` (loadtest.py).

Shared pieces: server.py starts the app under gunicorn in production mode on loopback,
web.py is a tiny standard-library HTTP client and HTML reader, endpoints.py is the one table of
endpoints both tools measure. Adding an endpoint is one entry in endpoints.ENDPOINTS.
"""
