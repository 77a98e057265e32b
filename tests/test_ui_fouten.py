"""A page that fails shows a Dutch message with a code, never the error, its type or a path."""

from streamlit.testing.v1 import AppTest


def failing_page():
    from ui.fouten import vang_paginafouten

    with vang_paginafouten():
        raise KeyError("/srv/verkenner/data/verkenner.duckdb pid 4242")


def stopping_page():
    import streamlit as st

    from ui.fouten import vang_paginafouten

    with vang_paginafouten():
        st.write("voor")
        st.stop()
    st.write("na")


def test_an_unexpected_error_is_shown_in_dutch_without_details():
    at = AppTest.from_function(failing_page).run()
    assert not at.exception
    [melding] = at.error
    assert "Er ging iets mis" in melding.value and "code" in melding.value
    for detail in ("/srv", "KeyError", "4242", "duckdb", "Traceback"):
        assert detail not in melding.value


def test_streamlit_flow_control_passes_through():
    at = AppTest.from_function(stopping_page).run()
    assert not at.error and not at.exception
    assert [m.value for m in at.markdown] == ["voor"]
