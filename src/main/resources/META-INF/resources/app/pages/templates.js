// Templates: the list by channel, and the editor with a live preview, problems at their line, history and diff.
import { h, fill, field, debounce } from "../dom.js";
import { t, when } from "../i18n.js";
import { get, post, ApiError } from "../api.js";
import { can, showError } from "../session.js";
import { lineDiff } from "../diff.js";

const CHANNELS = ["EMAIL", "LINE", "POSTAL", "PARTIAL"];

export async function list(main) {
  const templates = await get("/api/v1/templates");
  fill(main, h("h1", {}, t("tpl.title")), CHANNELS.map((channel) => {
    const rows = templates.filter((v) => v.channel === channel);
    if (rows.length === 0) return null;
    return h("section", { "aria-labelledby": "ch-" + channel },
      h("h2", { id: "ch-" + channel }, t("channel." + channel)),
      h("table", {}, h("thead", {}, h("tr", {}, h("th", {}, t("tpl.name")), h("th", {}, t("tpl.version")),
        h("th", {}, t("tpl.by")), h("th", {}, t("tpl.at")))),
      h("tbody", {}, rows.map((v) => h("tr", {},
        h("td", {}, h("a", { href: `#/templates/${encodeURIComponent(v.name)}/${v.channel}` }, v.name)),
        h("td", {}, v.version), h("td", {}, v.created_by), h("td", {}, when(v.created_at)))))));
  }));
}

/** The parts of a channel's source as text areas, and back: the API's JSON shape per channel. */
const FORMS = {
  EMAIL: {
    parts: (s) => [["subject", t("tpl.subject"), s.subject || "", 1], ["html", t("tpl.html"), s.html || "", 14], ["text", t("tpl.text"), s.text || "", 8]],
    source: (v) => ({ subject: v.subject, html: v.html, text: v.text }),
  },
  LINE: {
    parts: (s) => [["messages", t("tpl.messages"), (s.messages || []).join("\n---\n"), 12]],
    source: (v) => ({ messages: v.messages.split(/\n---\n/) }),
  },
  POSTAL: {
    parts: (s) => Object.entries(s.fields || {}).map(([k, v]) => ["field " + k, k, v, 2]),
    source: (v) => ({ fields: Object.fromEntries(Object.entries(v).map(([k, val]) => [k.replace(/^field /, ""), val])) }),
  },
  PARTIAL: { parts: (s) => [["source", t("tpl.source"), s, 14]], source: (v) => v.source },
};

/** Where a problem's line is in the text area: LINE messages are joined with "---" lines. */
function locate(problem, values) {
  const m = /^message (\d+)$/.exec(problem.field || problem.part || "");
  if (m && values.messages !== undefined) {
    const before = values.messages.split(/\n---\n/).slice(0, Number(m[1]) - 1);
    const offset = before.reduce((n, msg) => n + msg.split("\n").length + 1, 0);
    return { part: "messages", line: problem.line ? problem.line + offset : null };
  }
  const part = problem.field || problem.part;
  return { part: part in values ? part : Object.keys(values)[0], line: problem.line };
}

export async function editor(main, { name, channel }) {
  const [history, campaigns] = await Promise.all([
    get(`/api/v1/templates/${encodeURIComponent(name)}/${channel}/versions`), get("/api/v1/campaigns")]);
  const latest = history[0];
  const editable = can("marketer");
  const source = channel === "PARTIAL" ? latest.source : JSON.parse(latest.source);
  const form = FORMS[channel];
  const areas = {};
  const preview = h("div", { id: "preview", class: "preview", "aria-live": "polite" });
  const status = h("div", { id: "problems", "aria-live": "polite" });
  const values = () => Object.fromEntries(Object.entries(areas).map(([k, a]) => [k, a.area.value]));

  const editors = form.parts(source).map(([part, label, text, rows]) => {
    const area = h("textarea", { id: "part-" + part.replace(/\W/g, "-"), rows: Math.max(rows, text.split("\n").length),
      spellcheck: "false", readOnly: !editable, "data-part": part }, text);
    const gutter = h("pre", { class: "gutter", "aria-hidden": "true" });
    const message = h("p", { class: "field-error", id: area.id + "-error" });
    const numbers = () => fill(gutter, area.value.split("\n").map((_, i) => h("span", { "data-line": i + 1 }, i + 1 + "\n")));
    area.addEventListener("input", () => { area.rows = Math.max(rows, area.value.split("\n").length); numbers(); });
    numbers();
    areas[part] = { area, gutter, message };
    return h("div", { class: "field" }, h("label", { for: area.id }, label), h("div", { class: "code" }, gutter, area), message);
  });

  function showProblems(problems) {
    for (const { area, gutter, message } of Object.values(areas)) {
      area.removeAttribute("aria-invalid");
      area.removeAttribute("aria-describedby");
      fill(message);
      gutter.querySelectorAll(".bad").forEach((s) => s.classList.remove("bad"));
    }
    for (const p of problems) {
      const where = locate(p, values());
      const target = areas[where.part];
      const text = p.line ? t("tpl.line", { part: p.field || p.part, line: where.line, column: p.column, message: p.message })
        : (p.field || p.part) + ": " + p.message;
      target.area.setAttribute("aria-invalid", "true");
      target.area.setAttribute("aria-describedby", target.message.id);
      target.message.append(h("span", { class: "problem", "data-line": where.line || "" }, text), " ");
      const mark = where.line && target.gutter.querySelector(`[data-line="${where.line}"]`);
      if (mark) mark.classList.add("bad");
    }
    fill(status, problems.length ? h("p", { class: "error", role: "alert" }, t("tpl.problems") + ": " + problems.length)
      : h("p", { class: "ok" }, t("tpl.ok")));
  }

  const customerSearch = h("input", { type: "search", id: "preview-search", autocomplete: "off" });
  const customer = h("select", { id: "preview-customer" }, h("option", { value: "" }, t("tpl.sample")));

  let asked = 0; // answers to older keystrokes may arrive late: only the newest is drawn
  const refresh = debounce(async () => {
    if (!editable) return;
    const mine = ++asked;
    const src = form.source(values());
    try {
      const checked = await post("/api/v1/templates/validate/" + channel, src);
      if (mine !== asked) return;
      showProblems(checked.problems);
      if (checked.problems.length || channel === "PARTIAL") return;
      const rendered = await post("/api/v1/templates/preview",
        { channel, source: src, customer_external_id: customer.value || null });
      if (mine === asked) renderPreview(preview, rendered);
    } catch (e) {
      if (mine !== asked) return;
      if (e instanceof ApiError && e.status === 400) showProblems(e.errors);
      else showError(status, e);
    }
  }, 400);

  customerSearch.addEventListener("input", debounce(async () => {
    const q = customerSearch.value.trim();
    if (!q) return;
    const found = await get("/api/v1/customers?limit=10&q=" + encodeURIComponent(q));
    fill(customer, h("option", { value: "" }, t("tpl.sample")), found.items.map((c) =>
      h("option", { value: c.external_id }, `${c.family_name} ${c.given_name || ""}（${c.external_id}）`)));
    if (found.items.length) { customer.value = found.items[0].external_id; refresh(); }
  }, 300));
  customer.addEventListener("change", refresh);
  Object.values(areas).forEach(({ area }) => area.addEventListener("input", refresh));

  const saved = h("p", { id: "saved", "aria-live": "polite" });
  const heading = h("span", { id: "version" }, latest.version);
  const save = editable ? h("button", { type: "submit", "data-edit": "" }, t("tpl.save")) : null;
  const sourceForm = h("form", { class: "source", onsubmit: async (e) => {
    e.preventDefault();
    fill(saved);
    try {
      const version = await post(`/api/v1/templates/${encodeURIComponent(name)}/${channel}/versions`, form.source(values()));
      fill(saved, h("span", { class: "ok" }, t("tpl.saved", { v: version.version })));
      fill(heading, version.version);
      showHistory(await get(`/api/v1/templates/${encodeURIComponent(name)}/${channel}/versions`));
    } catch (err) {
      if (!(err instanceof ApiError && err.status === 400)) return showError(saved, err);
      showProblems(err.errors); // each under its part, at its line
      fill(saved, h("span", { class: "error", role: "alert" }, t("tpl.notSaved", { n: err.errors.length })));
    }
  } }, h("h2", {}, t("tpl.source")), editors, status, save, saved);

  const historyBox = h("section", { "aria-labelledby": "hist" });
  function showHistory(versions) {
    const diffBox = h("div", { id: "diff" });
    const usedBy = (id) => campaigns.filter((c) => Object.values(c.definition.templates || {}).includes(id));
    const text = (v) => channel === "PARTIAL" ? v.source : Object.entries(JSON.parse(v.source)).map(([k, val]) =>
      "## " + k + "\n" + (typeof val === "string" ? val : Array.isArray(val) ? val.join("\n---\n")
        : Object.entries(val).map(([f, s]) => f + ": " + s).join("\n"))).join("\n");
    const showDiff = (i) => {
      const older = versions[i + 1];
      fill(diffBox, h("h3", {}, t("tpl.diff"), ` (${older ? older.version : "—"} → ${versions[i].version})`),
        h("pre", { class: "diff" }, (older ? lineDiff(text(older), text(versions[i])) : text(versions[i]).split("\n").map((line) => ({ op: "+", line }))).map((d) =>
          h("span", { class: d.op === "+" ? "add" : d.op === "-" ? "del" : "same" }, d.op + " " + d.line + "\n"))));
    };
    fill(historyBox, h("h2", { id: "hist" }, t("tpl.history")),
      h("table", {}, h("thead", {}, h("tr", {}, h("th", {}, t("tpl.version")), h("th", {}, t("tpl.by")),
        h("th", {}, t("tpl.at")), h("th", {}, t("tpl.usedBy")), h("th", {}, t("tpl.diff")))),
      h("tbody", {}, versions.map((v, i) => h("tr", {}, h("td", {}, v.version), h("td", {}, v.created_by), h("td", {}, when(v.created_at)),
        h("td", {}, usedBy(v.id).map((c) => h("a", { href: "#/campaigns/" + c.id, class: "tag" }, c.name)).concat(usedBy(v.id).length ? [] : [t("tpl.notUsed")])),
        h("td", {}, h("button", { type: "button", class: "link", onclick: () => showDiff(i) }, t("tpl.diff"))))))),
      diffBox);
    if (versions.length) showDiff(0);
  }
  showHistory(history);

  fill(main, h("h1", {}, name, " ", h("small", {}, t("channel." + channel), " · ", t("tpl.version"), " ", heading)),
    h("div", { class: "split" }, sourceForm,
      h("section", { class: "preview-pane", "aria-labelledby": "pv" }, h("h2", { id: "pv" }, t("tpl.preview")),
        editable && channel !== "PARTIAL" ? [field(t("tpl.customer"), customerSearch), field(t("tpl.previewFor"), customer)] : null,
        preview)),
    historyBox);
  refresh();
}

/**
 * Draws the message as a send produces it (the server builds it with the channel's own code): the email's
 * headers, its HTML in a sandboxed frame and its text part, footer and unsubscribe link included; LINE as
 * chat bubbles or a card; the postal DM file's row. Says when the chosen customer would not get it.
 */
export function renderPreview(box, p) {
  const row = (label, value) => h("tr", {}, h("th", { scope: "row" }, label), h("td", {}, value));
  const notes = [];
  if (p.recipient.consented === false) notes.push(t("tpl.notConsented", { channel: t("channel." + p.channel) }));
  if (!p.recipient.reachable) notes.push(t("tpl.noAddress", { channel: t("channel." + p.channel) }));
  if (p.held_back) notes.push(t("tpl.heldBack", { reason: p.held_back }));
  const warnings = notes.length ? h("ul", { id: "preview-notes", class: "notes", role: "status" }, notes.map((n) => h("li", {}, n))) : null;
  const asSent = h("p", { class: "hint" }, t("tpl.asSent." + p.channel));
  if (p.channel === "EMAIL") {
    fill(box, warnings, asSent, h("table", { class: "facts mail-head", id: "preview-headers" }, h("tbody", {},
      row(t("tpl.from"), p.from), row(t("tpl.to"), p.to || "—"),
      row(t("tpl.subject"), h("span", { id: "preview-subject" }, p.subject)),
      row("List-Unsubscribe", h("span", { class: "url" }, p.list_unsubscribe)),
      row("List-Unsubscribe-Post", p.list_unsubscribe_post))),
    h("iframe", { sandbox: "", srcdoc: p.html, title: t("tpl.htmlView"), class: "mail" }),
    h("details", {}, h("summary", {}, t("tpl.textView")), h("pre", { class: "text", id: "preview-text" }, p.text)));
  } else if (p.channel === "LINE") {
    fill(box, warnings, asSent, h("div", { class: "line-chat" }, p.messages_json.map((json) => lineMessage(JSON.parse(json)))));
  } else {
    const cells = p.csv || p.fields;
    fill(box, warnings, asSent, h("table", { class: "postal", id: "preview-csv" },
      h("caption", {}, p.csv ? t("tpl.csvRow", { encoding: p.encoding }) : t("tpl.fieldsOnly")),
      h("tbody", {}, Object.entries(cells).map(([k, v]) => row(k, v)))));
  }
}

function lineMessage(m) {
  if (m.type === "text") return h("div", { class: "bubble" }, m.text);
  if (m.type === "flex") return h("div", { class: "flex-card", "aria-label": m.altText }, flex(m.contents));
  if (m.type === "image") return h("img", { class: "bubble-img", src: m.previewImageUrl || m.originalContentUrl, alt: "" });
  return h("pre", { class: "bubble" }, JSON.stringify(m, null, 2));
}

/** A flex message drawn roughly as LINE shows it: boxes stack, texts and buttons in order. */
function flex(node) {
  if (!node) return null;
  switch (node.type) {
    case "carousel": return h("div", { class: "flex-carousel" }, node.contents.map(flex));
    case "bubble": return h("div", { class: "flex-bubble" }, node.hero ? flex(node.hero) : null, flex(node.header),
      flex(node.body), flex(node.footer));
    case "box": return h("div", { class: "flex-box " + (node.layout || "vertical") }, (node.contents || []).map(flex));
    case "text": return h("p", { class: node.weight === "bold" ? "b" : null }, node.text);
    case "image": return h("img", { src: node.url, alt: "", class: "flex-img" });
    case "button": return h("span", { class: "flex-button" }, node.action && node.action.label);
    case "separator": return h("hr");
    default: return null;
  }
}
