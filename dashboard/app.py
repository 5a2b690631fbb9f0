"""The credibility dashboard: ``streamlit run dashboard/app.py`` (or ``make dashboard``).

This file only routes pages; each page calls the ``credibility`` library and renders. The pages
live in ``app_pages/``, not ``pages/``: Streamlit would otherwise also serve a ``pages/`` folder
on its own, running a page opened by its address without this entry file.
"""

from pathlib import Path

import streamlit as st

HERE = Path(__file__).parent

# No icons: Streamlit turns a page's Material icon into a favicon fetched from a font CDN, and
# the dashboard makes no request beyond this machine.
st.set_page_config(page_title="credibility", layout="wide")
page = st.navigation(
    [
        st.Page(HERE / "app_pages" / "analyze.py", title="Analyze", default=True),
        st.Page(HERE / "app_pages" / "batch.py", title="Batch"),
        st.Page(HERE / "app_pages" / "model.py", title="Model"),
        st.Page(HERE / "app_pages" / "retrain.py", title="Retrain"),
    ]
)
page.run()
