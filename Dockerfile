# The app image: one app process per container (compose.yaml starts several behind nginx).
# BASIS_IMAGE: the Python base, from Docker Hub by default; a municipality's own registry mirror
# can be named instead (docker build --build-arg BASIS_IMAGE=registry.example/python:3.11-slim-bookworm .).
ARG BASIS_IMAGE=python:3.11-slim-bookworm
FROM ${BASIS_IMAGE}

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    VERKENNER_DB=/data/verkenner.duckdb

RUN useradd --system --create-home --home-dir /data --shell /usr/sbin/nologin verkenner

WORKDIR /app
COPY requirements.txt ./
RUN pip install --no-cache-dir -r requirements.txt

COPY app.py ./
COPY .streamlit/config.toml .streamlit/config.toml
COPY core core
COPY ui ui
COPY views views
COPY data/schema.sql data/schema.sql
COPY data/schema_postgres.sql data/schema_postgres.sql
COPY data/seeds data/seeds
COPY deploy deploy

USER verkenner
VOLUME ["/data"]
EXPOSE 8501
HEALTHCHECK --interval=30s --timeout=5s --start-period=30s --retries=2 \
    CMD ["python", "-c", "import urllib.request; urllib.request.urlopen('http://127.0.0.1:8501/_stcore/health', timeout=4)"]
CMD ["python", "-m", "deploy.proces", "--poort", "8501", "--adres", "0.0.0.0"]
