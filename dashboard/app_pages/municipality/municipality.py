"""My municipality: the municipality's own figures (or a profile to start from), local services
as absolute numbers, and the outcomes per 1,000 households and in absolute numbers."""

from __future__ import annotations

import streamlit as st

from dashboard import profiles, runs, state, views
from dashboard.app_pages.municipality import view as local_view
from dashboard.app_pages.municipality.words import FIGURE_COLUMNS, PROFILE_FIELDS
from dashboard.i18n import number, parameter_unit, source_text, t, word
from dashboard.tables import display, facts, municipality_frame, population_label
from sim import PROFILES

lang, ss = state.lang(), st.session_state


def take_upload() -> None:
    """Validate an uploaded profile with the package's loader and, if it is good, fill the form."""
    upload = ss.get("upload")
    if upload is None:
        return
    profile, _ = profiles.load_upload(upload.getvalue(), upload.name)
    if profile is not None:
        for name, value in profile.model_dump().items():
            ss[profiles.KEY + name] = value


def upload_message() -> None:
    """What became of the file in the uploader, in the chosen language; nothing once it is removed."""
    upload = ss.get("upload")
    if upload is None:
        return
    profile, error = profiles.load_upload(upload.getvalue(), upload.name, lang)
    if profile is None:
        st.error(t("muni_upload_error", lang, error=error))
        return
    st.success(t("muni_upload_ok", lang, name=profile.name))
    left_out = profiles.defaulted(upload.getvalue())
    if left_out:
        st.warning(t("muni_upload_defaulted", lang, fields=", ".join(word(PROFILE_FIELDS, f, lang)
                                                                     for f in left_out)))


def field_widget(row: dict) -> None:
    """One figure, bounded by the Profile declaration."""
    name, default = row["name"], row["default"]
    label = word(PROFILE_FIELDS, name, lang) if name in PROFILE_FIELDS else row["doc"] or name
    key = profiles.KEY + name
    # The model describes its figures in English; in Dutch the help is the Dutch name with its unit and source.
    what = row["doc"] if lang == "en" else label
    help_text = f"{what} ({parameter_unit(row['unit'], lang)}; {source_text(row['source'], lang)})" if row["doc"] \
        else None
    if isinstance(default, str):
        st.text_input(label, key=key, max_chars=60)
    elif isinstance(default, int):
        st.number_input(label, int(row["min"]), int(row["max"]), step=100, key=key, help=help_text)
    else:
        step = 0.01 if row["unit"] in ("probability", "log-sd", "ratio") else 10.0
        st.number_input(label, float(row["min"]), float(row["max"]), step=step, key=key, help=help_text,
                        format="%.2f")


def figures_form() -> None:
    """The Profile fields in three columns; fields the model adds later land in the last one."""
    fields = profiles.fields()
    grouped = {n for names in FIGURE_COLUMNS.values() for n in names}
    extra = tuple(n for n in fields if n not in grouped)  # figures added to the model later
    for column, (title, names) in zip(st.columns(3), FIGURE_COLUMNS.items()):
        with column:
            st.markdown(f"**{t(title, lang)}**")
            for name in names + (extra if title == "muni_money" else ()):
                if name in fields:
                    field_widget(fields[name])


def services_form(households: int) -> None:
    """Shelter places and debt-help intakes as absolute numbers; empty keeps the model's assumption."""
    st.markdown(f"**{t('muni_services', lang)}**")
    st.caption(t("muni_services_help", lang))
    for column, name in zip(st.columns(3), profiles.SERVICES):
        value, per10k = profiles.assumed(name, households)
        with column:
            st.number_input(t(name, lang), min_value=0.0, step=1.0, key=profiles.MUN + name, format="%.1f",
                            placeholder=number(value, lang))
            st.caption(t("muni_assumption", lang, value=number(value, lang), per10k=number(per10k, lang)))


def use_figures() -> None:
    """Compare the policies for the figures on the page, now."""
    ss["population"] = "custom"
    runs.apply()


st.title(t("muni_title", lang))
st.markdown(t("muni_intro", lang))
left, right = st.columns(2)
left.selectbox(t("muni_from", lang), list(PROFILES), key="profile_from",
               format_func=lambda p: t(f"pop_{p}", lang), on_change=lambda: profiles.reset(ss["profile_from"]))
# Any file is taken (up to 10 MB) so that a wrong type or size gets a message in the chosen
# language rather than the uploader's own small English one.
# The uploader's own words ("Upload", "Limit 10MB per file") are fixed English in Streamlit 1.67,
# which offers no way to translate them: a line above says in the chosen language what to do.
right.caption(t("muni_upload_how", lang))
right.file_uploader(t("muni_upload", lang), key="upload", on_change=take_upload, max_upload_size=10,
                    help=t("muni_upload_help", lang))
upload_message()
figures_form()
profile, error = profiles.build(lang=lang)
if profile is None:
    st.error(t("muni_invalid", lang, error=error))
    st.stop()
services_form(profile.households)
using = ss["population"] == "custom"
row = st.container(horizontal=True)
row.button(t("muni_use", lang), type="primary", disabled=using, key="use_figures",
           on_click=use_figures)
row.download_button(t("muni_download", lang), profiles.to_toml(profile), f"{profile.name or 'municipality'}.toml",
                   "application/toml", key="toml", on_click="ignore")

current = runs.current(lang)
if current is None:
    st.stop()
f = facts(current.comparison)
if using:
    st.success(t("muni_in_use", lang))
else:
    st.info(t("muni_not_in_use", lang, population=population_label(f, lang)))
st.subheader(t("muni_results", lang, households=number(f["households"], lang)))
for title, field, name in (("muni_rates", "per_1000_households", "municipality-per-1000"),
                          ("muni_absolute", "mean", "municipality-absolute")):
    st.markdown(f"**{t(title, lang)}**")
    frame = municipality_frame(current.comparison, lang, field)
    views.show_table(display(frame, lang), frame, name, lang, current=current)
local_view.show(current, lang)
views.stamp_line(current, lang)
