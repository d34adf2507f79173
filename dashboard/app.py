"""evictsim dashboard: compare eviction policies for a municipality or the country.

    streamlit run dashboard/app.py        (or: evictsim dashboard)

This entry script sets up the page, the sidebar and the navigation; each page lives in
app_pages/<page>/: its script <page>.py and what only that page uses.
The dashboard holds no model logic: it calls the sim package and reads stored results.
"""

from __future__ import annotations

import sys
from pathlib import Path

# `streamlit run` puts this folder on the path, not the repository; the pages import `dashboard.*`.
ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

import streamlit as st  # noqa: E402

from dashboard import controls, state, views  # noqa: E402
from dashboard.i18n import t  # noqa: E402

PAGES = (("compare", "app_pages/compare/compare.py", ":material/compare_arrows:"),
         ("scorecard", "app_pages/scorecard/scorecard.py", ":material/balance:"),
         ("costs", "app_pages/costs/costs.py", ":material/euro:"),
         ("journeys", "app_pages/journeys/journeys.py", ":material/family_restroom:"),
         ("municipality", "app_pages/municipality/municipality.py", ":material/location_city:"),
         ("explore", "app_pages/explore/explore.py", ":material/explore:"))


def _alias(target: st.Page, title: str, url_path: str) -> st.Page:
    """A hidden page at `url_path` that opens `target`: the Compare page is the app's root ("/"),
    and Streamlit would answer a typed "/compare" with its own English "Page not found"."""
    def go() -> None:
        st.switch_page(target)

    go.__name__ = f"alias_{url_path}"  # a callable page is known by its function's name
    return st.Page(go, title=title, url_path=url_path, visibility="hidden")


def main() -> None:
    state.init_session()
    lang = state.lang()
    # The icon is an image served by the dashboard itself: a Material icon would make the browser
    # fetch it from a font server, and no request should leave this machine.
    st.set_page_config(page_title=t("app_title", lang), page_icon=views.favicon(), layout="wide",
                       initial_sidebar_state="collapsed" if state.present() else "expanded")
    controls.sidebar()
    views.dropped_from_address(lang)
    lang = state.lang()
    views.stale_calibration(lang)
    pages = [st.Page(path, title=t(f"page_{name}", lang), icon=icon, url_path=name if name != "compare" else "home",
                     default=name == "compare") for name, path, icon in PAGES]
    page = st.navigation([*pages, _alias(pages[0], t("page_compare", lang), "compare")], position="top")
    views.style()
    views.document_language(lang)
    state.write_query()  # now as well: a page that stops early (nothing run yet) still leaves its address
    page.run()
    state.write_query()


# Worker processes started from a fork server (posterior draws while the server's threads run)
# load the parent's main script again as __mp_main__: the app must not run there.
if __name__ != "__mp_main__":
    main()
