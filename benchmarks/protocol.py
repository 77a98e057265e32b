"""A client of Streamlit's own browser protocol, without a browser: one simulated user.

Streamlit 1.67's frontend does this (``streamlit/static`` ``sendRerunBackMsg``; the server side
is ``streamlit/web/server/starlette/starlette_websocket.py`` and ``runtime/app_session.py``):

1. load the page over HTTP (the proxy's sticky-session cookie comes with it);
2. open a WebSocket to ``/_stcore/stream`` with subprotocol ``streamlit``;
3. send a ``BackMsg.rerun_script`` (a ``ClientState``): the URL's query string, the page
   named by its URL path (``page_name``) as long as no page is known yet, afterwards the
   current ``page_script_hash``; the widget states; the hashes of the large messages it
   has cached (so the server sends a reference instead); the browser context;
4. receive ``ForwardMsg`` protobufs: ``new_session`` starts a script run (with the page's
   hash), deltas draw it, ``page_info_changed`` carries the new query string (widgets bound
   to the URL), ``script_finished`` ends the run.

Moving a slider is step 3 again with the slider's new value. Its latency runs from sending
that message to the ``script_finished`` of the run it started: the run announced by the
first ``new_session`` after the move (while no other run is under way, every run is one the
client asked for).

Streamlit replaces a running rerun by a newer request (``runner.fastReruns``). A move made
while the previous move's rerun has not finished therefore overtakes it, and the earlier move
may never be answered: it is counted as unanswered, not silently dropped. In that overload
case a run announced just after a move may still belong to the move before it, so a move is
answered by the last run announced before the next move (or the end of the measurement),
and only if that run finished.
"""

from __future__ import annotations

import asyncio
import http.cookiejar
import time
import urllib.parse
import urllib.request
from dataclasses import dataclass, field
from typing import Any

from streamlit.proto.BackMsg_pb2 import BackMsg
from streamlit.proto.ForwardMsg_pb2 import ForwardMsg
from streamlit.proto.WidgetStates_pb2 import WidgetState
from websockets.asyncio.client import ClientConnection, connect

STREAM_PATH = "_stcore/stream"
FINISHED = ForwardMsg.ScriptFinishedStatus.FINISHED_SUCCESSFULLY
DEFAULT_CACHE_AGE = 2  # runs a cached message is kept without use (the server sends its own value)

# What a Dutch browser in a council meeting reports about itself (ClientState.context_info).
TIMEZONE = "Europe/Amsterdam"
LOCALE = "nl-NL"


class ProtocolError(Exception):
    """The server did not behave as the protocol says (closed early, page not found, ...)."""


@dataclass
class Move:
    """One slider move and what became of it."""

    value: float
    sent: float  # time.perf_counter() just before the move was sent
    runs: list[str] = field(default_factory=list)  # runs announced after it, before the next move
    finishes: dict[str, float] = field(default_factory=dict)  # run -> when it finished successfully

    @property
    def finished(self) -> float | None:
        """When the last run announced for this move finished; None if it has not (yet)."""
        return self.finishes.get(self.runs[-1]) if self.runs else None

    @property
    def latency(self) -> float | None:
        """Seconds from the move to the end of its rerun; None when it was never answered."""
        finished = self.finished
        return None if finished is None else finished - self.sent


def _no_proxy_opener(jar: http.cookiejar.CookieJar) -> urllib.request.OpenerDirector:
    return urllib.request.build_opener(urllib.request.ProxyHandler({}), urllib.request.HTTPCookieProcessor(jar))


class SessionClient:
    """One user: a WebSocket session on one page of a Streamlit app.

    ``base_url`` is the app's address (``http://127.0.0.1:8501``), ``path`` the page's URL path
    (``"taakstelling"``; ``""`` for the default page), ``query`` its query string without ``?``.
    """

    def __init__(self, base_url: str, path: str = "", query: str = "") -> None:
        self.base_url = base_url.rstrip("/")
        self.path = path.strip("/")
        self.query_string = query
        self.page_script_hash = ""
        self.errors: list[str] = []  # exceptions the app showed, and protocol problems
        self.moves: list[Move] = []
        self.opened: float | None = None  # seconds from connecting to the first finished run
        self._ws: ClientConnection | None = None
        self._reader: asyncio.Task | None = None
        self._first_run = asyncio.Event()
        self._moved = asyncio.Event()  # set whenever a move is answered
        self._run_moves: dict[str, Move] = {}  # run id -> the move it was announced for
        self._current_run = ""
        self._widgets: dict[str, Any] = {}  # user key -> the widget's element proto (from the deltas)
        self._widget_states: dict[str, WidgetState] = {}  # what this user has set
        self._cache: dict[str, int] = {}  # hash of a cached message -> run it was last used in
        self._cache_age = DEFAULT_CACHE_AGE
        self._runs_finished = 0
        self._closed = False

    # --- connecting ---------------------------------------------------------------------

    @property
    def page_url(self) -> str:
        return f"{self.base_url}/{self.path}" + (f"?{self.query_string}" if self.query_string else "")

    async def open(self, timeout: float = 60) -> float:
        """Load the page, connect and wait for its first run; returns the seconds that took."""
        start = time.perf_counter()
        jar = http.cookiejar.CookieJar()
        # The page itself, as the browser loads it: the proxy sets its session cookie here.
        await asyncio.to_thread(self._get, _no_proxy_opener(jar), self.page_url, timeout)
        cookie = "; ".join(f"{c.name}={c.value}" for c in jar)
        ws_url = self.base_url.replace("http", "ws", 1) + "/" + STREAM_PATH
        origin = urllib.parse.urlsplit(self.base_url)
        self._ws = await connect(
            ws_url,
            subprotocols=["streamlit"],
            origin=f"{origin.scheme}://{origin.netloc}",
            additional_headers={"Cookie": cookie} if cookie else None,
            max_size=None,  # a page with tables sends messages above the 1 MiB default
            proxy=None,
            open_timeout=timeout,
            ping_interval=None,
        )
        self._reader = asyncio.create_task(self._read(), name=f"lezer {self.path or 'hoofdpagina'}")
        await self._send_rerun()
        await asyncio.wait_for(self._wait_first_run(), timeout)
        self.opened = time.perf_counter() - start
        return self.opened

    @staticmethod
    def _get(opener: urllib.request.OpenerDirector, url: str, timeout: float) -> None:
        with opener.open(url, timeout=timeout) as response:
            response.read()

    async def _wait_first_run(self) -> None:
        reader = self._reader
        waiter = asyncio.create_task(self._first_run.wait())
        done, _ = await asyncio.wait({waiter, reader}, return_when=asyncio.FIRST_COMPLETED)
        if waiter not in done:
            waiter.cancel()
            raise ProtocolError(f"De verbinding sloot voor de eerste run klaar was: {self.errors}")

    async def close(self) -> None:
        self._closed = True
        if self._ws is not None:
            await self._ws.close()
        if self._reader is not None:
            self._reader.cancel()
            try:
                await self._reader
            except (asyncio.CancelledError, Exception):
                pass

    # --- moving a slider ----------------------------------------------------------------

    def widget(self, key: str) -> Any:
        """The element proto of the widget with user key ``key`` on this page (as last drawn)."""
        try:
            return self._widgets[key]
        except KeyError:
            raise ProtocolError(f"De pagina heeft geen widget met key '{key}'.") from None

    async def move_slider(self, key: str, value: float) -> Move:
        """Set slider ``key`` to ``value`` as the frontend does; returns the move (answered later).

        Like the frontend, the client writes a URL-bound slider's value into its query string
        (and leaves it out when it equals the default).
        """
        slider = self.widget(key)
        state = WidgetState(id=slider.id)
        state.double_array_value.data[:] = [value]
        self._widget_states[state.id] = state
        if slider.HasField("query_param_key"):
            query = [(k, v) for k, v in urllib.parse.parse_qsl(self.query_string) if k != slider.query_param_key]
            if [value] != list(slider.default):
                query.append((slider.query_param_key, f"{value:g}"))
            self.query_string = urllib.parse.urlencode(query)
        move = Move(value=value, sent=time.perf_counter())
        self.moves.append(move)
        self._moved.clear()
        await self._send_rerun()
        return move

    async def wait_answered(self, timeout: float) -> bool:
        """Wait until the newest move is answered; False on timeout or a closed connection."""
        deadline = time.perf_counter() + timeout
        while self.moves and self.moves[-1].finished is None:
            remaining = deadline - time.perf_counter()
            if remaining <= 0 or self._reader.done():
                return False
            try:
                await asyncio.wait_for(self._moved.wait(), remaining)
            except TimeoutError:
                return False
        return True

    async def _send_rerun(self) -> None:
        msg = BackMsg()
        state = msg.rerun_script
        state.query_string = self.query_string
        if self.page_script_hash:
            state.page_script_hash = self.page_script_hash
        else:
            state.page_name = self.path
        state.widget_states.widgets.extend(self._widget_states.values())
        state.cached_message_hashes.extend(self._cache)
        offset = -int(time.localtime().tm_gmtoff // 60)  # as JavaScript's getTimezoneOffset()
        info = state.context_info
        info.timezone, info.timezone_offset, info.locale = TIMEZONE, offset, LOCALE
        info.url, info.is_embedded, info.color_scheme = self.page_url, False, "light"
        await self._ws.send(msg.SerializeToString())

    # --- receiving ----------------------------------------------------------------------

    async def _read(self) -> None:
        try:
            async for frame in self._ws:
                now = time.perf_counter()
                msg = ForwardMsg()
                msg.ParseFromString(frame)
                self._handle(msg, now)
        except Exception as error:  # the connection dropped: every open move stays unanswered
            if not self._closed:
                self.errors.append(f"verbinding verbroken: {error!r}")
        finally:
            self._moved.set()

    def _handle(self, msg: ForwardMsg, now: float) -> None:
        kind = msg.WhichOneof("type")
        if kind == "new_session":
            self._current_run = msg.metadata.run.script_run_id
            if msg.new_session.config.max_cached_message_age:
                self._cache_age = msg.new_session.config.max_cached_message_age
            if self.moves:
                self.moves[-1].runs.append(self._current_run)
                self._run_moves[self._current_run] = self.moves[-1]
        elif kind == "navigation":  # the page this run shows; further reruns name it by hash
            self.page_script_hash = msg.navigation.page_script_hash
        elif kind == "delta":
            self._delta(msg)
        elif kind == "ref_hash":
            self._cache[msg.ref_hash] = self._runs_finished
        elif kind == "page_info_changed":
            self.query_string = msg.page_info_changed.query_string
        elif kind == "page_not_found":
            self.errors.append(f"pagina niet gevonden: '{msg.page_not_found.page_name}'")
        elif kind == "script_finished":
            self._finished(msg, now)

    def _delta(self, msg: ForwardMsg) -> None:
        if msg.metadata.cacheable:
            self._cache[msg.hash] = self._runs_finished
        if msg.delta.WhichOneof("type") != "new_element":
            return
        element = msg.delta.new_element
        kind = element.WhichOneof("type")
        if kind == "exception":
            self.errors.append(f"{element.exception.type}: {element.exception.message}")
            return
        widget = getattr(element, kind) if kind else None
        widget_id = getattr(widget, "id", "")
        if isinstance(widget_id, str) and widget_id.startswith("$$ID-"):  # with a user key: "...-<key>"
            self._widgets[widget_id.split("-", 2)[2]] = widget

    def _finished(self, msg: ForwardMsg, now: float) -> None:
        self._runs_finished += 1
        self._cache = {h: run for h, run in self._cache.items() if self._runs_finished - run <= self._cache_age}
        if msg.script_finished != FINISHED:
            return
        self._first_run.set()
        run = msg.metadata.run.script_run_id or self._current_run
        move = self._run_moves.pop(run, None)
        if move is not None:
            move.finishes[run] = now
            self._moved.set()
