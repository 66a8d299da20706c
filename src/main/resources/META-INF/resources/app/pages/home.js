// Home: the next two weeks as a calendar, running and recent runs, and what needs attention.
import { h, fill } from "../dom.js";
import { t, when, language } from "../i18n.js";
import { get } from "../api.js";
import { poll } from "../session.js";
import { approvalBadge } from "./campaigns.js";
import { runTable } from "./runs.js";
import { troubledChannels } from "./settings.js";

const DAY = 24 * 3600e3;
/** A date as Japan sees it ("YYYY-MM-DD"): the brand's calendar, wherever the browser is. */
const jstDate = (ms) => new Date(ms + 9 * 3600e3).toISOString().slice(0, 10);

export async function render(main) {
  const [campaigns, runs] = await Promise.all([get("/api/v1/campaigns"), get("/api/v1/runs?limit=10")]);
  const live = campaigns.filter((c) => c.status !== "ARCHIVED");
  const today = Date.now();
  const days = Array.from({ length: 14 }, (_, i) => jstDate(today + i * DAY));
  const byDay = Object.fromEntries(days.map((d) => [d, []]));
  for (const c of live) {
    for (const o of c.next_occurrences || []) {
      const d = jstDate(Date.parse(o));
      if (byDay[d]) byDay[d].push({ c, o });
    }
  }
  const weekday = (d) => new Date(d + "T00:00:00Z").toLocaleDateString(language() === "ja" ? "ja-JP" : "en-GB",
    { timeZone: "UTC", weekday: "short", month: "numeric", day: "numeric" });
  const calendar = h("ol", { class: "calendar", id: "calendar" }, days.map((d) => h("li", {},
    h("div", { class: "day" }, weekday(d)),
    byDay[d].map(({ c, o }) => h("a", { class: "occurrence" + (c.approved ? "" : " unapproved"), href: "#/campaigns/" + c.id },
      h("span", { class: "time" }, when(o).slice(-5)), " ", c.name, " ", approvalBadge(c))))));

  const reports = await Promise.all(runs.items.map((r) => get("/api/v1/runs/" + r.id)));
  const awaiting = live.filter((c) => !c.approved);
  // A postal file is ready to make while a completed run still has POSTAL deliveries waiting.
  const postalCandidates = reports.filter((r) => r.status === "COMPLETED" && (r.by_channel.POSTAL || 0) > 0);
  const waiting = await Promise.all(postalCandidates.map((r) =>
    get(`/api/v1/runs/${r.id}/deliveries?channel=POSTAL&status=PENDING&limit=1`)));
  const postal = postalCandidates.filter((r, i) => waiting[i].items.length > 0);
  const failing = reports.filter((r) => (r.by_delivery_status.FAILED || 0) > 0);
  const name = (id) => (campaigns.find((c) => c.id === id) || { name: "#" + id }).name;
  const attention = (title, items, link) => h("section", { class: "card" }, h("h3", {}, title, " ", h("span", { class: "count" }, items.length)),
    items.length ? h("ul", {}, items.map(link)) : h("p", { class: "muted" }, t("none")));
  // Channel checks connect to servers (seconds when one is down): the card fills in when they answer.
  const channelCard = h("section", { class: "card", id: "home-channels" }, h("h3", {}, t("home.channels")), h("p", { class: "muted" }, t("set.checking")));
  troubledChannels().then((list) => fill(channelCard, h("h3", {}, t("home.channels"), " ", h("span", { class: "count" }, list.length)),
    list.length ? h("ul", {}, list.map((c) => h("li", {}, h("a", { href: "#/settings" }, t("channel." + c.channel), " — ", t("set.state." + c.state),
      c.paused_until ? " (" + when(c.paused_until) + ")" : "")))) : h("p", { class: "muted" }, t("none"))))
    .catch(() => fill(channelCard, h("h3", {}, t("home.channels")), h("p", { class: "error" }, t("error.generic"))));
  const runsBox = h("div", { id: "home-runs" }, runs.items.length ? runTable(runs.items) : h("p", { class: "muted" }, t("none")));

  fill(main, h("h1", {}, t("home.title")),
    h("section", { "aria-labelledby": "cal-h" }, h("h2", { id: "cal-h" }, t("home.calendar")), calendar),
    h("section", { "aria-labelledby": "att-h" }, h("h2", { id: "att-h" }, t("home.attention")), h("div", { class: "cards" },
      attention(t("home.awaiting"), awaiting, (c) => h("li", {}, h("a", { href: "#/campaigns/" + c.id }, c.name))),
      attention(t("home.postal"), postal, (r) => h("li", {}, h("a", { href: "#/runs/" + r.id }, "#", r.id, " ", name(r.campaign_id)))),
      attention(t("home.failing"), failing, (r) => h("li", {}, h("a", { href: "#/runs/" + r.id }, "#", r.id, " ", name(r.campaign_id),
        " (", r.by_delivery_status.FAILED, ")"))), channelCard)),
    h("section", { "aria-labelledby": "runs-h" }, h("h2", { id: "runs-h" }, t("home.runs")), runsBox));
  if (runs.items.some((r) => ["PENDING", "RUNNING"].includes(r.status))) {
    poll(async () => fill(runsBox, runTable((await get("/api/v1/runs?limit=10")).items)), 3000, runsBox);
  }
}
