"""A tiny stand-in for token.place's relay (relay.py): Flask under gunicorn on 5010.

Same shape as the real app: one WSGI app object `relay:app`, health on /healthz
(readiness) and /livez (liveness), a JSON API under /api/v1.
"""
import os

from flask import Flask, jsonify

app = Flask(__name__)


@app.route("/")
def index():
    return "token.place relay (example)\n"


@app.route("/healthz")
def healthz():
    return jsonify(status="ok")


@app.route("/livez")
def livez():
    return jsonify(status="alive")


@app.route("/api/v1/meta")
def meta():
    return jsonify(version=os.environ.get("TOKENPLACE_RELEASE_VERSION", "dev"))


if __name__ == "__main__":
    app.run(host="127.0.0.1", port=int(os.environ.get("PORT", "5010")))
