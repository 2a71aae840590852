# Tipline's image: slim, runs as a user without privileges, translations compiled at build.
#   docker build -t tipline .
#   docker run --env-file .env -p 8080:8080 tipline            # webhook mode (WEBHOOK_URL, WEBHOOK_SECRET)
# compose.yaml runs it with PostgreSQL and several workers; docs/operations.md says how to deploy and upgrade.
FROM python:3.11-slim

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_NO_CACHE_DIR=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1

RUN useradd --system --create-home --home-dir /var/lib/tipline --uid 10001 tipline

WORKDIR /app
COPY pyproject.toml README.md ./
COPY bot ./bot
COPY db ./db
COPY content ./content
COPY locales ./locales
COPY scripts/i18n.py ./scripts/i18n.py

# The code stays where it is (content and catalogs are read beside it); the virtualenv holds the dependencies.
RUN python -m venv /opt/venv \
 && /opt/venv/bin/pip install --editable . \
 && /opt/venv/bin/python scripts/i18n.py compile \
 && /opt/venv/bin/python -m compileall -q bot db

ENV PATH=/opt/venv/bin:$PATH \
    TIPLINE_ENV=production \
    EVIDENCE_DIR=/var/lib/tipline/evidence \
    WEBHOOK_HOST=0.0.0.0 \
    WEBHOOK_PORT=8080

USER tipline
EXPOSE 8080
HEALTHCHECK --interval=30s --timeout=5s --start-period=60s --retries=3 \
  CMD ["python", "-c", "import sys, urllib.request; sys.exit(urllib.request.urlopen('http://127.0.0.1:8080/healthz', timeout=4).status != 200)"]
CMD ["tipline", "run", "--webhook"]
