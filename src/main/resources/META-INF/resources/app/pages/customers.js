// Customers: search by name (kanji or kana), email or id; one customer's consents, history, sizes, messages and offers.
import { h, fill, field } from "../dom.js";
import { t, when } from "../i18n.js";
import { get } from "../api.js";

const fullName = (c) => `${c.family_name} ${c.given_name || ""}`.trim();
const kana = (c) => `${c.family_name_kana || ""} ${c.given_name_kana || ""}`.trim();

export async function search(main) {
  const q = new URLSearchParams(location.hash.split("?")[1] || "").get("q") || "";
  const input = h("input", { type: "search", id: "customer-q", value: q });
  const results = h("div", { id: "customer-results", "aria-live": "polite" });
  let latest = 0;
  async function run(query) {
    const mine = ++latest;
    const page = await get("/api/v1/customers?limit=50" + (query ? "&q=" + encodeURIComponent(query) : ""));
    if (mine !== latest) return; // a newer search answered already, or will
    fill(results, page.items.length === 0 ? h("p", { class: "muted" }, t("none")) :
      h("table", {}, h("thead", {}, h("tr", {}, h("th", {}, "ID"), h("th", {}, t("cust.name")), h("th", {}, t("cust.kana")),
        h("th", {}, t("cust.email")), h("th", {}, t("cust.pref")))),
      h("tbody", {}, page.items.map((c) => h("tr", {}, h("td", {}, h("a", { href: "#/customers/" + encodeURIComponent(c.external_id) }, c.external_id)),
        h("td", {}, fullName(c)), h("td", {}, kana(c)), h("td", {}, c.email || ""), h("td", {}, c.prefecture ? c.prefecture.name : ""))))));
  }
  fill(main, h("h1", {}, t("cust.title")),
    h("form", { class: "inline", role: "search", onsubmit: (e) => { e.preventDefault(); run(input.value.trim()); } },
      field(t("cust.search"), input), h("button", { type: "submit" }, t("cust.go"))), results);
  await run(q);
}

export async function detail(main, { id }) {
  const key = encodeURIComponent(id);
  const [c, messages, offers, events] = await Promise.all([get("/api/v1/customers/" + key),
    get(`/api/v1/customers/${key}/messages?limit=50`), get(`/api/v1/customers/${key}/offers?limit=50`),
    get(`/api/v1/customers/${key}/consent-events?limit=50`)]);
  const table = (heads, rows) => rows.length === 0 ? h("p", { class: "muted" }, t("none")) :
    h("table", {}, h("thead", {}, h("tr", {}, heads.map((x) => h("th", {}, x)))), h("tbody", {}, rows));
  fill(main, h("h1", {}, fullName(c), " ", h("small", {}, kana(c), " · ", c.external_id)),
    h("div", { class: "cards" },
      h("section", { class: "card" }, h("h2", {}, t("cust.consents")),
        h("ul", {}, Object.entries(c.consents).sort().map(([ch, v]) => h("li", {}, t("channel." + ch.toUpperCase()), ": ",
          h("strong", {}, v.granted ? t("cust.granted") : v.changed_at ? t("cust.withdrawn") : t("cust.never")), v.changed_at ? ` (${when(v.changed_at)}, ${v.source || ""})` : ""))),
        h("p", {}, t("cust.preferred"), ": ", c.preferred_channel ? t("channel." + c.preferred_channel) : "—")),
      h("section", { class: "card" }, h("h2", {}, t("cust.points")), h("p", { class: "big" }, c.points.toLocaleString(), " pt"),
        c.points_expire_on ? h("p", {}, t("cust.expires", { date: c.points_expire_on })) : null,
        h("h2", {}, t("cust.topics")), h("p", {}, c.topics.length ? c.topics.map((x) => h("span", { class: "tag" }, x)) : "—")),
      h("section", { class: "card" }, h("h2", {}, t("cust.sizes")),
        h("ul", {}, Object.entries(c.sizes || {}).map(([cat, size]) => h("li", {}, cat, ": ", h("strong", {}, size)))),
        h("p", {}, [c.postal_code, c.prefecture && c.prefecture.name, c.city].filter(Boolean).join(" ")),
        h("p", {}, c.email || ""))),
    h("section", { "aria-labelledby": "msg-h" }, h("h2", { id: "msg-h" }, t("cust.messages")),
      h("div", { id: "customer-messages" }, table([t("cust.when"), t("run.campaign"), t("run.channel"), t("run.status"), "#"],
        messages.items.map((d) => h("tr", {}, h("td", {}, when(d.sent_at || d.created_at)),
          h("td", {}, d.campaign_name ? h("a", { href: "#/campaigns/" + d.campaign_id }, d.campaign_name) : "—"),
          h("td", {}, t("channel." + d.channel)), h("td", {}, t("status." + d.status)),
          h("td", {}, d.run_id ? h("a", { href: `#/runs/${d.run_id}/deliveries/${d.id}` }, d.id) : d.id)))))),
    h("section", { "aria-labelledby": "off-h" }, h("h2", { id: "off-h" }, t("cust.offers")),
      table([t("cust.when"), t("cust.item"), t("run.campaign"), t("run.channel")], offers.items.map((o) => h("tr", {},
        h("td", {}, when(o.offered_at)), h("td", {}, `${o.style_name}（${o.style_code}）`),
        h("td", {}, h("a", { href: "#/campaigns/" + o.campaign_id }, o.campaign_name)), h("td", {}, t("channel." + o.channel)))))),
    h("section", { "aria-labelledby": "con-h" }, h("h2", { id: "con-h" }, t("cust.consentHistory")),
      table([t("cust.when"), t("run.channel"), t("cust.consents"), t("cust.source")], events.items.map((e) => h("tr", {},
        h("td", {}, when(e.changed_at)), h("td", {}, t("channel." + e.channel)),
        h("td", {}, e.granted ? t("cust.granted") : t("cust.withdrawn")), h("td", {}, e.source))))));
}
