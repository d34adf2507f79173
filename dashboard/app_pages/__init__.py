"""The dashboard's pages, one package each: its page script, named after the page
(compare/compare.py, run by st.navigation in app.py), and what only that page uses: its figures,
views, data and words. What several pages share (state, words, tables, charts, exports, runs) is
at the top of dashboard/.

A page script's file name is its page's url_path: before an app's first run Streamlit (and
AppTest.switch_page) knows a page by its file name only. The folder is not called `pages/`:
Streamlit takes a folder of that name next to the main script for its first multipage layout
and, until st.navigation has run once, runs the app inside a navigation built from that
folder's files (streamlit.runtime.pages_manager, `_mpa_v1`)."""
