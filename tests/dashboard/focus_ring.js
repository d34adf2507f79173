// The keyboard focus ring of the focused element, as a user sees it: the outermost element, from
// the focused one up to five ancestors, that has an outline of 2 px or more, drawn inside its box
// or showing outside it on at least two sides (not hidden by opacity or cut off by an ancestor that
// clips), with the
// contrast of the outline's colour against the background behind it (WCAG 1.4.11 asks 3:1).
() => {
  const focused = document.activeElement;
  const rgb = (c) => c.match(/[\d.]+/g).map(Number);
  const luminance = ([r, g, b]) => {
    const f = (v) => { v /= 255; return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4; };
    return 0.2126 * f(r) + 0.7152 * f(g) + 0.0722 * f(b);
  };
  const background = (e) => {
    for (; e; e = e.parentElement) {
      const c = rgb(getComputedStyle(e).backgroundColor);
      if (c.length < 4 || c[3] > 0) return c.slice(0, 3);
    }
    return [255, 255, 255];
  };
  const ringShows = (e, reach) => {
    if (!e.checkVisibility({opacityProperty: true, visibilityProperty: true})) return false;
    const box = e.getBoundingClientRect();
    if (reach <= 0) return box.width >= 8 && box.height >= 8;  // drawn inside the box
    let [left, top, right, bottom] = [box.left - reach, box.top - reach, box.right + reach, box.bottom + reach];
    for (let a = e.parentElement; a; a = a.parentElement) {
      if (getComputedStyle(a).overflow === "visible") continue;
      const r = a.getBoundingClientRect();
      [left, top, right, bottom] = [Math.max(left, r.left), Math.max(top, r.top), Math.min(right, r.right), Math.min(bottom, r.bottom)];
    }
    const sides = [left < box.left, top < box.top, right > box.right, bottom > box.bottom].filter(Boolean).length;
    return box.width >= 8 && box.height >= 8 && sides >= 2;
  };
  let found = null, e = focused;
  for (let k = 0; k < 6 && e; k++, e = e.parentElement) {
    const cs = getComputedStyle(e), width = parseFloat(cs.outlineWidth);
    if (cs.outlineStyle !== "none" && width >= 2 && ringShows(e, width + parseFloat(cs.outlineOffset))) {
      const [l1, l2] = [luminance(rgb(cs.outlineColor)), luminance(background(e.parentElement))];
      found = {ring: e.tagName, width, contrast: (Math.max(l1, l2) + 0.05) / (Math.min(l1, l2) + 0.05)};
    }
  }
  let owner = focused;
  while (owner && !(owner.dataset && owner.dataset.testid)) owner = owner.parentElement;
  return {testid: owner ? owner.dataset.testid : null, tag: focused.tagName,
          label: (focused.getAttribute("aria-label") || focused.innerText || "").slice(0, 40), ...(found || {ring: null})};
}
