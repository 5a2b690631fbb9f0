"""The credibility dashboard: ``streamlit run dashboard/app.py`` (or ``make dashboard``).

This file only routes pages; each page calls the ``credibility`` library and renders.
"""

from pathlib import Path

import streamlit as st

HERE = Path(__file__).parent

st.set_page_config(page_title="credibility", page_icon=":material/newspaper:", layout="wide")
page = st.navigation(
    [
        st.Page(HERE / "pages" / "analyze.py", title="Analyze", icon=":material/search:",
                default=True),
        st.Page(HERE / "pages" / "batch.py", title="Batch", icon=":material/table_view:"),
        st.Page(HERE / "pages" / "model.py", title="Model", icon=":material/monitoring:"),
        st.Page(HERE / "pages" / "retrain.py", title="Retrain", icon=":material/model_training:"),
    ]
)
page.run()
