"""gunicorn settings for a clinic: ``gunicorn -c python:bridgework.gunicorn_conf bridgework.wsgi``.

The access log names method, path (``%(U)s``: without the query string, so journal
searches never reach a log file), status and duration. Forwarded headers are trusted only
from the local proxy; Django reads X-Forwarded-Proto (BRIDGEWORK_SECURE_COOKIES=1) and
allauth X-Forwarded-For (BRIDGEWORK_TRUSTED_PROXIES).
"""

import os

bind = os.environ.get("BRIDGEWORK_BIND", "127.0.0.1:8000")
workers = int(os.environ.get("BRIDGEWORK_WORKERS", "4"))
accesslog = "-"
access_log_format = '%(t)s "%(m)s %(U)s" %(s)s %(M)sms'
forwarded_allow_ips = "127.0.0.1,::1"
