// Runs: the list, one run's live progress and counts, its deliveries, retrying the failed ones, cancel, and the postal DM file.
import { h, fill, field, bars } from "../dom.js";
import { t, when } from "../i18n.js";
import { get, post } from "../api.js";
import { can, poll, showError } from "../session.js";

const LIVE = ["PENDING", "RUNNING"];

export function runTable(runs) {
  return h("table", { class: "runs" }, h("thead", {}, h("tr", {}, h("th", {}, "#"), h("th", {}, t("run.campaign")),
    h("th", {}, t("run.kind")), h("th", {}, t("run.status")), h("th", {}, t("run.when")), h("th", {}, t("run.decided")))),
  h("tbody", {}, runs.map((r) => h("tr", {}, h("td", {}, h("a", { href: "#/runs/" + r.id }, r.id)),
    h("td", {}, h("a", { href: "#/campaigns/" + r.campaign_id }, r.campaign_name)), h("td", {}, t("run.kind." + r.kind)),
    h("td", {}, h("span", { class: "status " + r.status }, t("status." + r.status))), h("td", {}, when(r.occurrence_at)),
    h("td", { class: "num" }, r.customers_decided.toLocaleString())))));
}

export async function list(main) {
  const box = h("div");
  const load = async () => {
    const page = await get("/api/v1/runs?limit=50");
    fill(box, page.items.length ? runTable(page.items) : h("p", { class: "muted" }, t("none")));
    return page.items;
  };
  fill(main, h("h1", {}, t("run.title")), box);
  const runs = await load();
  if (runs.some((r) => LIVE.includes(r.status))) poll(load, 3000, box);
}

export async function detail(main, { id }) {
  const head = h("div", { id: "run-head" });
  const counts = h("div", { class: "charts" });
  const message = h("div", { "aria-live": "polite" });
  const postal = h("section", { id: "postal", "aria-labelledby": "postal-h" });
  const statusFilter = h("select", { id: "delivery-status" }, h("option", { value: "" }, t("run.all")),
    ["PENDING", "SENT", "FAILED", "SKIPPED", "EXPIRED", "SOLD_OUT_BEFORE_SEND"].map((s) => h("option", { value: s }, t("status." + s))));
  const deliveries = h("div", { id: "deliveries" });
  const retry = h("div", { id: "retry" });
  const retried = h("p", { id: "retried", "aria-live": "polite" });
  let after = null;

  async function loadDeliveries(more) {
    const page = await get(`/api/v1/runs/${id}/deliveries?limit=50` + (statusFilter.value ? "&status=" + statusFilter.value : "")
      + (more && after ? "&after=" + after : ""));
    after = page.next_after;
    const rows = page.items.map((d) => h("tr", {}, h("td", {}, h("a", { href: `#/runs/${id}/deliveries/${d.id}` }, d.id)),
      h("td", {}, h("a", { href: "#/customers/" + encodeURIComponent(d.customer_external_id) }, d.customer_external_id)),
      h("td", {}, t("channel." + d.channel)), h("td", {}, h("span", { class: "status " + d.status }, t("status." + d.status))),
      h("td", { class: "num" }, d.attempts), h("td", {}, d.last_error || ""), h("td", {}, when(d.sent_at))));
    if (more) deliveries.querySelector("tbody").append(...rows);
    else fill(deliveries, h("table", {}, h("thead", {}, h("tr", {}, h("th", {}, "#"), h("th", {}, t("run.customer")),
      h("th", {}, t("run.channel")), h("th", {}, t("run.status")), h("th", {}, t("run.attempts")), h("th", {}, t("run.lastError")),
      h("th", {}, t("run.sentAt")))), h("tbody", {}, rows)));
    deliveries.querySelector(".more")?.remove();
    if (after) deliveries.append(h("button", { type: "button", class: "more", onclick: () => loadDeliveries(true) }, t("more")));
  }
  statusFilter.addEventListener("change", () => loadDeliveries(false));

  async function load() {
    const [report, progress] = await Promise.all([get("/api/v1/runs/" + id), get(`/api/v1/runs/${id}/progress`)]);
    const campaign = await get("/api/v1/campaigns/" + report.campaign_id).catch(() => ({ name: "#" + report.campaign_id }));
    const live = LIVE.includes(report.status);
    fill(head, h("h1", {}, t("run.title"), " #", id, " ", h("a", { href: "#/campaigns/" + report.campaign_id }, campaign.name)),
      h("p", {}, h("span", { id: "run-status", class: "status " + report.status }, t("status." + report.status)), " · ",
        t("run.kind." + report.kind), " · ", when(report.occurrence_at), report.error ? h("span", { class: "error" }, " ", report.error) : null),
      h("div", { class: "progress" }, h("label", { for: "run-progress" }, t("run.progress")),
        h("progress", { id: "run-progress", max: Math.max(progress.customers_total, 1), value: progress.customers_decided }),
        h("span", {}, ` ${progress.customers_decided.toLocaleString()} / ${progress.customers_total.toLocaleString()}`),
        progress.rate_per_second != null ? h("span", {}, " · ", t("run.rate", { rate: Math.round(progress.rate_per_second).toLocaleString() })) : null,
        progress.eta_seconds != null ? h("span", {}, " · ", t("run.eta", { s: progress.eta_seconds })) : null),
      live && can("marketer") ? h("button", { type: "button", "data-edit": "", onclick: async () => {
        try { await post(`/api/v1/runs/${id}/cancel`); load(); } catch (e) { showError(message, e); }
      } }, t("run.cancel")) : null);
    fill(counts, bars(t("camp.byOutcome"), report.by_outcome, (k) => t("outcome." + k)),
      bars(t("camp.byReason"), report.by_skip_reason, (k) => t("reason." + k)),
      bars(t("camp.byChannel"), report.by_channel, (k) => t("channel." + k)),
      bars(t("run.byStatus"), report.by_delivery_status, (k) => t("status." + k)));
    const failed = (report.by_delivery_status || {}).FAILED || 0;
    fill(retry, failed > 0 && can("marketer") ? h("button", { type: "button", id: "retry-failed", "data-edit": "",
      onclick: () => retryFailed(id, retried, () => load().then(() => loadDeliveries(false))) }, t("run.retry", { n: failed })) : null);
    const postalReady = report.status === "COMPLETED" && report.by_channel.POSTAL > 0;
    fill(postal, h("h2", { id: "postal-h" }, t("run.postal")), postalReady && can("marketer")
      ? h("button", { type: "button", id: "export", "data-edit": "", onclick: () => exportPostal(id, postal, () => load().then(() => loadDeliveries(false))) }, t("run.export"))
      : h("p", { class: "muted" }, t("none")));
    return live;
  }

  fill(main, head, message, counts, postal, h("section", { "aria-labelledby": "dl-h" }, h("h2", { id: "dl-h" }, t("run.deliveries")),
    retry, retried, field(t("run.filterStatus"), statusFilter), deliveries));
  if (await load()) {
    poll(async () => {
      if (!(await load())) { loadDeliveries(false); }
    }, 2000, head);
  }
  await loadDeliveries(false);
}

/** Puts the run's failed deliveries back in the outbox and says how many, and why the others stay failed. */
async function retryFailed(runId, box, reload) {
  fill(box);
  try {
    const r = await post(`/api/v1/runs/${runId}/deliveries/retry`);
    await reload(); // the counts and the deliveries' statuses change
    const kept = Object.entries(r.not_retried).filter(([, n]) => n > 0);
    fill(box, h("span", { class: "ok" }, t("run.retried", { n: r.retried })), kept.length
      ? [" ", t("run.notRetried", { reasons: kept.map(([reason, n]) => t("run.notRetried." + reason) + " " + n).join(t("run.sep")) })] : null);
  } catch (e) {
    showError(box, e);
  }
}

async function exportPostal(runId, box, reload) {
  try {
    const file = await post(`/api/v1/postal-exports/run/${runId}`);
    await reload(); // exported rows are SENT now: the counts change
    const result = h("div", { id: "export-result", "aria-live": "polite" });
    box.append(result);
    fill(result, h("p", {}, t("run.rows", { rows: file.row_count, held: file.held_back_count }), " ",
      h("a", { id: "download", class: "button", href: `/api/v1/postal-exports/${file.id}/file`, download: file.file_name }, t("run.download"), " ", file.file_name)),
    file.held_back.length ? [h("h3", {}, t("run.heldBack")), h("table", {}, h("tbody", {}, file.held_back.map((b) => h("tr", {},
      h("td", {}, b.external_id), h("td", {}, b.field), h("td", {}, b.character), h("td", {}, b.reason)))))] : null);
  } catch (e) {
    showError(box.appendChild(h("div")), e);
  }
}

export async function delivery(main, { id, delivery }) {
  const page = await get(`/api/v1/runs/${id}/deliveries?limit=1&after=${Number(delivery) + 1}`);
  const d = page.items[0];
  if (!d || String(d.id) !== String(delivery)) throw new Error("not found");
  const row = (k, v) => h("tr", {}, h("th", { scope: "row" }, t(k)), h("td", {}, v));
  fill(main, h("h1", {}, t("run.delivery", { id: d.id })),
    h("table", { class: "facts", id: "delivery" }, h("tbody", {},
      row("run.campaign", h("a", { href: "#/campaigns/" + d.campaign_id }, d.campaign_name)),
      row("run.customer", h("a", { href: "#/customers/" + encodeURIComponent(d.customer_external_id) }, d.customer_external_id)),
      row("run.channel", t("channel." + d.channel)), row("run.status", t("status." + d.status)),
      row("run.attempts", d.attempts), row("run.lastError", d.last_error || "—"), row("run.nextAttempt", when(d.next_attempt_at)),
      row("run.sentAt", when(d.sent_at)), row("run.created", when(d.created_at)))),
    h("p", {}, h("a", { href: "#/runs/" + id }, "← ", t("run.title"), " #", id)));
}
