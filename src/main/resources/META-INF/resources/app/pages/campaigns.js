// Campaigns: list with next occurrences, forms for create/edit, approval, dry run with charts, explain, run now.
import { h, fill, field, bars } from "../dom.js";
import { t, when } from "../i18n.js";
import { get, post, put, ApiError, idempotencyKey } from "../api.js";
import { can, showError } from "../session.js";

const DAYS = ["MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY", "SATURDAY", "SUNDAY"];
const DAY_JA = { MONDAY: "月", TUESDAY: "火", WEDNESDAY: "水", THURSDAY: "木", FRIDAY: "金", SATURDAY: "土", SUNDAY: "日" };
const DAY_EN = { MONDAY: "Mon", TUESDAY: "Tue", WEDNESDAY: "Wed", THURSDAY: "Thu", FRIDAY: "Fri", SATURDAY: "Sat", SUNDAY: "Sun" };
const ZONES = ["COLD", "TEMPERATE", "WARM"];
const REGIONS = ["Hokkaido", "Tohoku", "Kanto", "Chubu", "Kinki", "Chugoku", "Shikoku", "Kyushu-Okinawa"];
const REGION_JA = { Hokkaido: "北海道", Tohoku: "東北", Kanto: "関東", Chubu: "中部", Kinki: "近畿", Chugoku: "中国", Shikoku: "四国", "Kyushu-Okinawa": "九州・沖縄" };
const SOURCES = ["LAST_CHANCE", "MARKDOWN", "NEW_ARRIVALS"];
const CHANNELS = ["EMAIL", "LINE", "POSTAL"];

const dayName = (d) => (document.documentElement.lang === "en" ? DAY_EN : DAY_JA)[d];
const region = (r) => (document.documentElement.lang === "en" ? r : REGION_JA[r]);
export const approvalBadge = (c) => h("span", { class: "badge " + (c.approved ? "ok" : "warn") }, c.approved ? t("approved") : t("unapproved"));

export async function list(main) {
  const campaigns = await get("/api/v1/campaigns");
  fill(main, h("div", { class: "title-row" }, h("h1", {}, t("camp.title")),
    can("marketer") ? h("a", { class: "button", href: "#/campaigns/new", "data-edit": "" }, t("camp.new")) : null),
  h("table", {}, h("thead", {}, h("tr", {}, h("th", {}, t("camp.name")), h("th", {}, t("camp.status")),
    h("th", {}, t("camp.approval")), h("th", {}, t("camp.cadence")), h("th", {}, t("camp.next")))),
  h("tbody", {}, campaigns.map((c) => h("tr", {},
    h("td", {}, h("a", { href: "#/campaigns/" + c.id }, c.name)), h("td", {}, t("status." + c.status)),
    h("td", {}, approvalBadge(c)), h("td", {}, describeCadence(c.definition.cadence)),
    h("td", {}, (c.next_occurrences || []).slice(0, 2).map(when).join("、")))))));
}

export function describeCadence(c) {
  if (!c) return "—";
  switch (c.type) {
    case "WEEKLY": return `${t("camp.weekly")} ${(c.days || []).map(dayName).join("・")} ${c.at || ""}`;
    case "MONTHLY": return `${t("camp.monthly")} ${c.last_day || c.lastDay ? "末" : c.day ?? ""}${document.documentElement.lang === "en" ? "" : "日"} ${c.at || ""}`;
    case "SEASONAL": return `${t("camp.seasonal")} ${String(c.from).replace(/^--/, "")}〜${String(c.to).replace(/^--/, "")} ${describeCadence(c.every)}`;
    default: return `${t("camp.cron")} ${c.expression || ""}`;
  }
}

/** Explains a dry-run sample or an explain answer as one plain sentence. */
function sentence(s) {
  return s.outcome === "SENT_TO_OUTBOX"
    ? t("camp.willGet", { who: s.customer, channel: t("channel." + s.channel) })
    : t("camp.wontGet", { who: s.customer, reason: t("reason." + (s.skip_reason || (s.outcome === "HOLDOUT" ? "HOLDOUT" : ""))) });
}

export async function detail(main, { id }) {
  const c = await get("/api/v1/campaigns/" + id);
  const d = c.definition;
  const message = h("div", { id: "campaign-message", "aria-live": "polite" });
  const dry = h("section", { id: "dry-run", "aria-live": "polite" });
  const actions = [];
  if (can("marketer")) {
    actions.push(h("a", { class: "button", href: `#/campaigns/${id}/edit`, "data-edit": "" }, t("camp.edit")));
    actions.push(h("button", { type: "button", "data-edit": "", onclick: () => dryRun(id, dry) }, t("camp.dryRun")));
    if (c.approved) {
      actions.push(h("button", { type: "button", "data-edit": "", onclick: async () => {
        try {
          const run = await post("/api/v1/runs/campaign/" + id, undefined, { "Idempotency-Key": idempotencyKey() });
          location.hash = "#/runs/" + run.id;
        } catch (e) { showError(message, e); }
      } }, t("camp.runNow")));
    }
    const next = c.status === "ACTIVE" ? ["pause", "camp.pause"] : ["activate", "camp.activate"];
    actions.push(h("button", { type: "button", "data-edit": "", onclick: async () => {
      try { await post(`/api/v1/campaigns/${id}/${next[0]}`); detail(main, { id }); } catch (e) { showError(message, e); }
    } }, t(next[1])));
  }
  if (can("admin") && !c.approved) {
    actions.push(h("button", { type: "button", "data-edit": "", onclick: async () => {
      try { await post(`/api/v1/campaigns/${id}/approval`, { revision: c.revision }); detail(main, { id }); } catch (e) { showError(message, e); }
    } }, t("camp.approve")));
  }
  const rules = d.rules || {};
  const items = rules.items || {};
  const audience = rules.audience || {};
  const explainInput = h("input", { id: "explain-id", required: true });
  const explained = h("div", { id: "explained", "aria-live": "polite" });
  fill(main,
    h("h1", {}, c.name, " ", approvalBadge(c)),
    h("p", {}, t("status." + c.status), " · ", t("camp.revision", { rev: c.revision }),
      c.approved ? [" · ", t("camp.approvedBy", { by: c.approved_by, rev: c.revision })] : null),
    h("div", { class: "actions" }, actions), message,
    h("div", { class: "cards" },
      h("section", { class: "card" }, h("h2", {}, t("camp.cadence")), h("p", {}, describeCadence(d.cadence)),
        h("h3", {}, t("camp.next")), h("ul", { id: "next-occurrences" }, (c.next_occurrences || []).map((o) => h("li", {}, when(o))))),
      h("section", { class: "card" }, h("h2", {}, t("camp.audience")),
        h("p", {}, t("camp.zones"), ": ", (audience.climate_zones || []).map((z) => t("zone." + z)).join("、") || "—"),
        h("p", {}, t("camp.regions"), ": ", (audience.regions || []).map(region).join("、") || "—"),
        h("p", {}, t("camp.prefectures"), ": ", (audience.prefectures || []).join("、") || "—")),
      h("section", { class: "card" }, h("h2", {}, t("camp.content")),
        h("p", {}, t("camp.sources"), ": ", (items.sources || []).map((s) => t("src." + s.type)).join("、") || "—"),
        h("p", {}, t("camp.categories"), ": ", (items.categories || []).join("、") || "—"),
        h("p", {}, t("camp.min_stock"), ": ", items.min_stock ?? 1, " · ", t("camp.noRepeat"), ": ", items.not_offered_within_days ?? 0),
        h("p", {}, t("camp.min_items"), ": ", items.min_items ?? 1, " · ", t("camp.max_items"), ": ", items.max_items ?? 4)),
      h("section", { class: "card" }, h("h2", {}, t("camp.channels")),
        h("ol", {}, (d.fallback || []).map((ch) => h("li", {}, t("channel." + ch), " — ", t("tpl.version"), " #", d.templates[ch]))),
        h("p", {}, t("camp.holdout"), ": ", d.holdout_percent))),
    dry,
    h("section", { "aria-labelledby": "explain-h" }, h("h2", { id: "explain-h" }, t("camp.explain")),
      h("form", { class: "inline", onsubmit: async (e) => {
        e.preventDefault();
        try {
          const s = await get(`/api/v1/runs/campaign/${id}/explain/${encodeURIComponent(explainInput.value.trim())}`);
          fill(explained, h("p", { class: "sentence" }, sentence(s)), h("ul", {}, (s.explanation || []).map((x) => h("li", {}, x))));
        } catch (err) { showError(explained, err); }
      } }, field(t("camp.explainId"), explainInput), h("button", { type: "submit" }, t("camp.explainGo"))), explained));
}

async function dryRun(id, box) {
  fill(box, h("p", { class: "muted" }, t("loading")));
  try {
    const r = await post(`/api/v1/runs/campaign/${id}/dry-run`);
    const filter = h("input", { type: "search", id: "sample-filter" });
    const body = h("tbody");
    const rows = () => fill(body, r.samples.filter((s) => JSON.stringify(s).toLowerCase().includes(filter.value.toLowerCase())
      || sentence(s).includes(filter.value)).map((s) => h("tr", {}, h("td", {}, h("a", { href: "#/customers/" + encodeURIComponent(s.customer) }, s.customer)),
      h("td", {}, t("outcome." + s.outcome)), h("td", {}, s.skip_reason ? t("reason." + s.skip_reason) : "—"),
      h("td", {}, s.channel ? t("channel." + s.channel) : "—"), h("td", {}, s.preview || ""))));
    filter.addEventListener("input", rows);
    rows();
    fill(box, h("h2", {}, t("camp.dryResult", { n: r.customers.toLocaleString() })),
      h("div", { class: "charts" }, bars(t("camp.byOutcome"), r.by_outcome, (k) => t("outcome." + k)),
        bars(t("camp.byReason"), r.by_skip_reason, (k) => t("reason." + k)),
        bars(t("camp.byChannel"), r.by_channel, (k) => t("channel." + k))),
      h("h3", {}, t("camp.sample")), field(t("camp.filter"), filter),
      h("table", { id: "sample" }, h("thead", {}, h("tr", {}, h("th", {}, t("camp.customer")), h("th", {}, t("camp.outcome")),
        h("th", {}, t("camp.reason")), h("th", {}, t("run.channel")), h("th", {}, t("camp.preview")))), body));
  } catch (e) {
    showError(box, e);
  }
}

/** Next occurrences of a weekly or monthly cadence in Japan time (no daylight saving), before saving. */
function upcoming(cadence, count = 5) {
  const out = [];
  const zoneOk = !cadence.zone || cadence.zone === "Asia/Tokyo";
  if (!zoneOk || !cadence.at) return out;
  const [hh, mm] = cadence.at.split(":").map(Number);
  const nowJst = new Date(Date.now() + 9 * 3600e3);
  for (let i = 0; i < 400 && out.length < count; i++) {
    const day = new Date(Date.UTC(nowJst.getUTCFullYear(), nowJst.getUTCMonth(), nowJst.getUTCDate() + i, hh, mm));
    const fits = cadence.type === "WEEKLY" ? (cadence.days || []).includes(DAYS[(day.getUTCDay() + 6) % 7])
      : cadence.type === "MONTHLY" ? day.getUTCDate() === Number(cadence.day) : false;
    if (fits && day > nowJst) out.push(new Date(day.getTime() - 9 * 3600e3).toISOString());
  }
  return out;
}

const checkboxes = (name, values, checked, label) => h("div", { class: "checks", role: "group" }, values.map((v) =>
  h("label", { class: "check" }, h("input", { type: "checkbox", name, value: v, checked: checked.includes(v) }), " ", label(v))));
const checkedValues = (form, name) => [...form.querySelectorAll(`input[name="${name}"]:checked`)].map((i) => i.value);
const num = (id, value, min, max) => h("input", { type: "number", id, value: value ?? "", min, max });

export async function form(main, { id }) {
  const [existing, templates, prefectures] = await Promise.all([
    id ? get("/api/v1/campaigns/" + id) : null, get("/api/v1/templates"), get("/api/v1/prefectures")]);
  const d = existing ? existing.definition : { cadence: { type: "WEEKLY", days: ["FRIDAY"], at: "10:00" }, rules: { items: { sources: [] } },
    fallback: ["LINE", "EMAIL", "POSTAL"], templates: {}, holdout_percent: 0 };
  const rules = d.rules || {};
  const items = rules.items || {};
  const audience = rules.audience || {};
  const cad = d.cadence.type === "SEASONAL" ? { ...d.cadence.every, type: "SEASONAL", from: d.cadence.from, to: d.cadence.to } : d.cadence;

  const name = h("input", { id: "c-name", value: existing ? existing.name : "", required: true, disabled: !!existing });
  const type = h("select", { id: "c-type" }, ["WEEKLY", "MONTHLY", "SEASONAL", "CRON"].map((v) =>
    h("option", { value: v, selected: cad.type === v }, t({ WEEKLY: "camp.weekly", MONTHLY: "camp.monthly", SEASONAL: "camp.seasonal", CRON: "camp.cron" }[v]))));
  const at = h("input", { id: "c-at", type: "time", value: cad.at || "10:00" });
  const dom = num("c-day", cad.day ?? 1, 1, 31);
  const from = h("input", { id: "c-from", value: String(cad.from || "11-15").replace(/^--/, ""), pattern: "\\d\\d-\\d\\d" });
  const to = h("input", { id: "c-to", value: String(cad.to || "03-15").replace(/^--/, ""), pattern: "\\d\\d-\\d\\d" });
  const cron = h("input", { id: "c-cron", value: cad.expression || "" });
  const days = checkboxes("day", DAYS, cad.days || [], dayName);
  const nextBox = h("ul", { id: "c-next", "aria-live": "polite" });
  const weeklyPart = h("div", {}, h("fieldset", {}, h("legend", {}, t("camp.days")), days));
  const monthlyPart = field(t("camp.dayOfMonth"), dom);
  const seasonalPart = h("div", { class: "row" }, field(t("camp.from"), from), field(t("camp.to"), to));
  const cronPart = field(t("camp.cronExpr"), cron);

  const prefSelect = (sid, chosen) => h("select", { id: sid, multiple: true, size: 8 }, prefectures.map((p) =>
    h("option", { value: p.code, selected: (chosen || []).includes(p.code) }, `${p.code} ${p.name_ja || p.name}`)));
  const prefs = prefSelect("c-prefs", audience.prefectures);
  const excl = prefSelect("c-excl", audience.exclude_prefectures);
  const categories = h("input", { id: "c-categories", value: (items.categories || []).join(", ") });
  const minStock = num("c-minstock", items.min_stock ?? 1, 0);
  const noRepeat = num("c-norepeat", items.not_offered_within_days ?? 0, 0);
  const minItems = num("c-minitems", items.min_items ?? 1, 0);
  const maxItems = num("c-maxitems", items.max_items ?? 4, 1);
  const inSeason = h("input", { type: "checkbox", id: "c-inseason", checked: !!items.in_season });
  const matchClimate = h("input", { type: "checkbox", id: "c-climate", checked: !!items.match_customer_climate });
  const holdout = num("c-holdout", d.holdout_percent ?? 0, 0, 50);
  const order = [0, 1, 2].map((i) => h("select", { id: "c-order-" + i }, h("option", { value: "" }, "—"),
    CHANNELS.map((ch) => h("option", { value: ch, selected: d.fallback[i] === ch }, t("channel." + ch)))));
  const tplSelects = Object.fromEntries(CHANNELS.map((ch) => [ch, h("select", { id: "c-tpl-" + ch }, h("option", { value: "" }, "—"),
    templates.filter((v) => v.channel === ch).map((v) => h("option", { value: v.id, selected: d.templates[ch] === v.id }, `${v.name} v${v.version} (#${v.id})`)),
    d.templates[ch] && !templates.some((v) => v.id === d.templates[ch]) ? h("option", { value: d.templates[ch], selected: true }, "#" + d.templates[ch]) : null)]));

  const errors = { cadence: h("div", { class: "field-error" }), rules: h("div", { class: "field-error" }),
    channels: h("div", { class: "field-error" }), other: h("div", { class: "field-error", role: "alert" }) };

  function cadence() {
    const weekly = { type: "WEEKLY", days: checkedValues(formEl, "day"), at: at.value };
    switch (type.value) {
      case "WEEKLY": return weekly;
      case "MONTHLY": return { type: "MONTHLY", day: Number(dom.value), at: at.value };
      case "SEASONAL": return { type: "SEASONAL", from: "--" + from.value, to: "--" + to.value, every: weekly };
      default: return { type: "CRON", expression: cron.value };
    }
  }
  function showCadence() {
    weeklyPart.hidden = !["WEEKLY", "SEASONAL"].includes(type.value);
    monthlyPart.hidden = type.value !== "MONTHLY";
    seasonalPart.hidden = type.value !== "SEASONAL";
    cronPart.hidden = type.value !== "CRON";
    fill(nextBox, upcoming(cadence()).map((o) => h("li", {}, when(o))));
  }
  function definition() {
    const list = (v) => v.split(/[,、]/).map((s) => s.trim()).filter(Boolean);
    const kept = new Map((items.sources || []).map((s) => [s.type, s]));
    const newItems = { ...items, sources: checkedValues(formEl, "source").map((s) => kept.get(s) || { type: s }),
      categories: list(categories.value), min_stock: Number(minStock.value), not_offered_within_days: Number(noRepeat.value),
      min_items: Number(minItems.value), max_items: Number(maxItems.value), in_season: inSeason.checked, match_customer_climate: matchClimate.checked };
    const selected = (sel) => [...sel.selectedOptions].map((o) => Number(o.value));
    const newAudience = { climate_zones: checkedValues(formEl, "zone"), regions: checkedValues(formEl, "region"),
      prefectures: selected(prefs), exclude_prefectures: selected(excl) };
    const newRules = { ...rules, items: newItems };
    if (Object.values(newAudience).some((v) => v.length)) newRules.audience = newAudience; else delete newRules.audience;
    const fallback = order.map((s) => s.value).filter(Boolean);
    const tpl = {};
    for (const ch of fallback) if (tplSelects[ch].value) tpl[ch] = Number(tplSelects[ch].value);
    return { cadence: cadence(), rules: newRules, fallback, templates: tpl, holdout_percent: Number(holdout.value) };
  }

  const formEl = h("form", { class: "campaign-form", novalidate: true, onsubmit: async (e) => {
    e.preventDefault();
    Object.values(errors).forEach((el) => fill(el));
    try {
      const saved = existing ? await put(`/api/v1/campaigns/${id}/definition`, definition())
        : await post("/api/v1/campaigns", { name: name.value.trim(), definition: definition() });
      location.hash = "#/campaigns/" + saved.id;
    } catch (err) {
      if (!(err instanceof ApiError) || err.errors.length === 0) return showError(errors.other, err);
      for (const fe of err.errors) {
        const f = fe.field || "";
        const where = f.startsWith("cadence") ? errors.cadence : f.startsWith("rules") ? errors.rules
          : f.startsWith("templates") || f.startsWith("fallback") ? errors.channels : errors.other;
        where.append(h("p", { class: "error", role: "alert" }, `${f}: ${fe.message}`));
      }
    }
  } },
  field(t("camp.name"), name),
  h("fieldset", {}, h("legend", {}, t("camp.cadence")), field(t("camp.type"), type), weeklyPart, monthlyPart, seasonalPart, cronPart,
    field(t("camp.at"), at), h("p", {}, t("camp.next")), nextBox, errors.cadence),
  h("fieldset", {}, h("legend", {}, t("camp.audience")),
    h("fieldset", {}, h("legend", {}, t("camp.zones")), checkboxes("zone", ZONES, audience.climate_zones || [], (z) => t("zone." + z))),
    h("fieldset", {}, h("legend", {}, t("camp.regions")), checkboxes("region", REGIONS, audience.regions || [], region)),
    h("div", { class: "row" }, field(t("camp.prefectures"), prefs), field(t("camp.exclude"), excl))),
  h("fieldset", {}, h("legend", {}, t("camp.content")),
    h("fieldset", {}, h("legend", {}, t("camp.sources")), checkboxes("source", SOURCES, (items.sources || []).map((s) => s.type), (s) => t("src." + s))),
    field(t("camp.categories"), categories),
    h("div", { class: "row" }, field(t("camp.min_stock"), minStock), field(t("camp.noRepeat"), noRepeat),
      field(t("camp.min_items"), minItems), field(t("camp.max_items"), maxItems)),
    h("label", { class: "check" }, inSeason, " ", t("camp.in_season")), h("label", { class: "check" }, matchClimate, " ", t("camp.matchClimate")),
    errors.rules),
  h("fieldset", {}, h("legend", {}, t("camp.channels")),
    h("div", { class: "row" }, order.map((s, i) => field(t("camp.order") + " " + (i + 1), s))),
    h("div", { class: "row" }, CHANNELS.map((ch) => field(t("camp.template", { channel: t("channel." + ch) }), tplSelects[ch]))),
    field(t("camp.holdout"), holdout), errors.channels),
  errors.other,
  h("button", { type: "submit", "data-edit": "" }, existing ? t("camp.save") : t("camp.create")));

  formEl.addEventListener("input", showCadence);
  formEl.addEventListener("change", showCadence);
  fill(main, h("h1", {}, existing ? existing.name : t("camp.new")), formEl);
  showCadence();
}
