"""A trivial one-slider dashboard: the yardstick for the app's rerun times.

One slider, one metric derived from it and one small Altair line chart.
Open it with ``?grafiek=uit`` to leave out the chart.
"""

import altair as alt
import pandas as pd
import streamlit as st

x = st.slider("Waarde", min_value=0, max_value=300, value=96, key="x")
st.metric("Tweemaal de waarde", 2 * x)

if st.query_params.get("grafiek") != "uit":
    data = pd.DataFrame({"stap": range(10), "waarde": [x * i for i in range(10)]})
    st.altair_chart(alt.Chart(data).mark_line().encode(x="stap", y="waarde"))
