"""The ceiling: the smallest Flask page, served by the same gunicorn with the same workers.

    .venv/bin/gunicorn --no-control-socket -w 2 -b 127.0.0.1:PORT --pythonpath bench 'baseline:app'

Whatever the queue's requests per second are, this is as fast as a request can be on this
machine with this server, measured in the same run; run.sh divides by it.
"""

from flask import Flask

app = Flask(__name__)

PAGE = ("<!DOCTYPE html><html lang=\"en\"><head><title>Baseline</title></head>"
        "<body><p>Baseline</p></body></html>")


@app.get("/")
def index():
    return PAGE
