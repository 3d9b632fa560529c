"""`sanaq serve`: the extractor as an HTTP service (needs `pip install "sanaq[serve]"`).

See `app.py` for the endpoints, `workers.py` for the worker processes and time
limit, `requests.py` for what a request may hold.
"""
from __future__ import annotations


def serve(host: str = "127.0.0.1", port: int = 8000, workers: int = 2, max_bytes: int = 10_000_000,
          time_limit: float = 30.0, max_items: int = 1000, log_level: str = "info") -> None:
    import uvicorn

    from .app import Limits, create_app
    app = create_app(Limits(workers=workers, max_bytes=max_bytes, time_limit=time_limit, max_items=max_items))
    uvicorn.run(app, host=host, port=port, log_level=log_level, timeout_graceful_shutdown=5)
