import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "bridgework.settings")
application = get_wsgi_application()

# A server process loads the screening models now, not on the first person's save, and
# then tells the garbage collector that everything loaded so far lives as long as the
# process (bridgework.warmup).
from bridgework.warmup import warm_up  # noqa: E402

warm_up()
