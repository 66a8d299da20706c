// Building DOM nodes without innerHTML: customer data and template output are never parsed as markup.

/** h("a", {href: "#/"}, "text", child…): attributes starting with "on" become listeners. */
export function h(tag, attrs, ...children) {
  const el = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs || {})) {
    if (value === null || value === undefined || value === false) continue;
    if (key.startsWith("on")) el.addEventListener(key.slice(2).toLowerCase(), value);
    else if (key === "class") el.className = value;
    else if (key in el && typeof value !== "string") el[key] = value;
    else el.setAttribute(key, value === true ? "" : value);
  }
  append(el, children);
  return el;
}

function append(el, children) {
  for (const child of children.flat(Infinity)) {
    if (child === null || child === undefined || child === false) continue;
    el.append(child instanceof Node ? child : String(child));
  }
}

/** Replaces an element's content. */
export function fill(el, ...children) {
  el.replaceChildren();
  append(el, children);
  return el;
}

/** Calls fn once input has paused for ms: previews and validation as you type without a request per key. */
export function debounce(fn, ms) {
  let timer;
  return (...args) => {
    clearTimeout(timer);
    timer = setTimeout(() => fn(...args), ms);
  };
}

/** A labelled form field: the label names the control for screen readers and tests alike. */
export function field(label, control, hint) {
  const id = control.id || (control.id = "f-" + Math.random().toString(36).slice(2, 9));
  return h("div", { class: "field" }, h("label", { for: id }, label), control,
    hint ? h("small", { class: "hint" }, hint) : null);
}

/** Horizontal bars for counts: a chart that needs no library and reads as a table to screen readers. */
export function bars(title, counts, label = (k) => k) {
  const entries = Object.entries(counts || {}).sort((a, b) => b[1] - a[1]);
  const max = Math.max(1, ...entries.map(([, v]) => v));
  return h("figure", { class: "bars" }, h("figcaption", {}, title),
    entries.length === 0 ? h("p", { class: "muted" }, "—") :
      h("table", {}, h("tbody", {}, entries.map(([k, v]) => h("tr", {},
        h("th", { scope: "row" }, label(k)),
        h("td", {}, h("span", { class: "bar", style: `width:${(v / max) * 100}%` }), " ", h("span", { class: "n" }, v.toLocaleString())))))));
}
